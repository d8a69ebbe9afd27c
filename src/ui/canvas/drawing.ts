/**
 * How the graph is drawn, in plain terms (no React Flow): the node size and icons, the classes of
 * an edge, the curve of an edge, and the viewport that fits a graph in a pane. The canvas and the
 * first paint (which draws the graph before React Flow has loaded) share them, so both draw the
 * same picture.
 */
import type { GraphEdge, NodeKind } from '../../core';

/** Every node has one size: React Flow then needs no measuring, and edges meet nodes exactly. */
export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 48;

/** The icon beside each node's role. */
export const NODE_ICONS: Record<NodeKind, string> = {
  workload: '▣',
  sidecar: '⬡',
  'egress-gateway': '⇥',
  'external-service': '☁',
  'mesh-policy': '◆',
};

/** The CSS classes of an edge: its kind, and whether its TLS is broken (TLS inside TLS). */
export function edgeClassName(edge: { kind: string; tls?: GraphEdge['tls'] | string | undefined }): string {
  return `edge edge-${edge.kind}${edge.tls === 'double' ? ' edge-broken' : ''}`;
}

/** The fit-view padding and zoom limits the canvas gives React Flow. */
export const FIT_PADDING = 0.1;
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2;

/** A viewport: the graph's translation and zoom. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The curve from a source's right side to a target's left side, as React Flow's bezier edges
 * draw it (control points half the horizontal distance out, or a curvature-scaled bend when the
 * target is behind the source), and the curve's midpoint, where its label sits.
 */
export function edgeCurve(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
): { path: string; x: number; y: number } {
  const reach = (distance: number) => (distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance));
  const c1x = sx + reach(tx - sx);
  const c2x = tx - reach(tx - sx);
  return {
    path: `M${sx},${sy} C${c1x},${sy} ${c2x},${ty} ${tx},${ty}`,
    x: sx * 0.125 + c1x * 0.375 + c2x * 0.375 + tx * 0.125,
    y: sy * 0.5 + ty * 0.5,
  };
}

/**
 * The viewport that shows every node in a pane of `width` × `height`, centred, as React Flow's
 * fit view computes it (padding as a share of the pane, zoom within the canvas's limits).
 */
export function fitViewport(positions: { x: number; y: number }[], width: number, height: number): Viewport {
  if (positions.length === 0) return { x: 0, y: 0, zoom: 1 };
  const left = Math.min(...positions.map((p) => p.x));
  const top = Math.min(...positions.map((p) => p.y));
  const right = Math.max(...positions.map((p) => p.x + NODE_WIDTH));
  const bottom = Math.max(...positions.map((p) => p.y + NODE_HEIGHT));
  // React Flow's padding, in whole pixels per side.
  const padX = Math.floor((width - width / (1 + FIT_PADDING)) * 0.5);
  const padY = Math.floor((height - height / (1 + FIT_PADDING)) * 0.5);
  const zoom = Math.min(
    MAX_ZOOM,
    Math.max(MIN_ZOOM, Math.min((width - 2 * padX) / (right - left), (height - 2 * padY) / (bottom - top))),
  );
  const x = width / 2 - ((left + right) / 2) * zoom;
  const y = height / 2 - ((top + bottom) / 2) * zoom;
  // Where rounding leaves a side a pixel short of its padding, React Flow shifts the view by it.
  const short = (applied: number, wanted: number) => Math.min(Math.floor(applied) - wanted, 0);
  return {
    x: x - short(x + left * zoom, padX) + short(width - (x + right * zoom), padX),
    y: y - short(y + top * zoom, padY) + short(height - (y + bottom * zoom), padY),
    zoom,
  };
}
