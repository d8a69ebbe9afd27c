/**
 * How the graph is drawn, in plain terms (no React Flow): the node size and icons, the classes of
 * an edge, the curve of an edge, and the viewport that fits a graph in a pane. The canvas and the
 * first paint (which draws the graph before React Flow has loaded) share them, so both draw the
 * same picture.
 */
import type { GraphEdge, NodeKind } from '../../core';
// The layout module alone: the first paint must not load the engine.
import { NODE_SIZE } from '../../core/graph/layout';

/** Every node has one size (the layout's): React Flow then needs no measuring, and edges meet nodes exactly. */
export const NODE_WIDTH = NODE_SIZE.width;
export const NODE_HEIGHT = NODE_SIZE.height;

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

/** The zoom limits of the canvas (how far a person may zoom). */
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2;

/**
 * The smallest zoom a fit uses: node names (14 px) and edge labels (13 px) stay at least 12 and 11 px
 * on screen. A graph too large for the pane at this zoom opens at it, scrolled to its start.
 */
export const READABLE_ZOOM = 0.87;
/** The largest zoom a fit uses: a graph of two nodes is not blown up to fill the pane. */
export const FIT_MAX_ZOOM = 1.25;
/** Free pixels around a fitted graph. */
export const FIT_MARGIN = 24;
/** The band along the pane's top that the canvas's panels (filter, legend, zoom) take. */
export const PANEL_BAND = 44;
/** The band along the pane's bottom that the minimap takes, when shown. */
export const MINIMAP_BAND = 112;

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
 * The viewport that shows every node in a pane of `width` × `height`, clear of the panels along
 * its top (and of the minimap along its bottom, when `minimap`): centred at the largest zoom up to
 * {@link FIT_MAX_ZOOM} where the graph fits, or, where it does not fit at {@link READABLE_ZOOM},
 * at that zoom from the graph's start (left, top) on the axis it overflows.
 */
export function fitViewport(
  positions: { x: number; y: number }[],
  width: number,
  height: number,
  minimap = false,
): Viewport {
  if (positions.length === 0) return { x: 0, y: 0, zoom: 1 };
  const left = Math.min(...positions.map((p) => p.x));
  const top = Math.min(...positions.map((p) => p.y));
  const right = Math.max(...positions.map((p) => p.x + NODE_WIDTH));
  const bottom = Math.max(...positions.map((p) => p.y + NODE_HEIGHT));
  const free = {
    left: FIT_MARGIN,
    top: PANEL_BAND + FIT_MARGIN,
    width: width - 2 * FIT_MARGIN,
    height: height - PANEL_BAND - 2 * FIT_MARGIN - (minimap ? MINIMAP_BAND : 0),
  };
  const zoom = Math.min(
    FIT_MAX_ZOOM,
    Math.max(READABLE_ZOOM, Math.min(free.width / (right - left), free.height / (bottom - top))),
  );
  // Centred on an axis the graph fits along; from its start on one it overflows.
  const along = (start: number, end: number, offset: number, room: number) => {
    const extent = (end - start) * zoom;
    return extent <= room ? offset + (room - extent) / 2 - start * zoom : offset - start * zoom;
  };
  return {
    x: along(left, right, free.left, free.width),
    y: along(top, bottom, free.top, free.height),
    zoom,
  };
}

/** The point at `t` (0 at the source, 1 at the target) on the curve {@link edgeCurve} draws. */
export function edgePoint(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  t: number,
): { x: number; y: number } {
  const reach = (distance: number) => (distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance));
  const c1x = sx + reach(tx - sx);
  const c2x = tx - reach(tx - sx);
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return { x: a * sx + b * c1x + c * c2x + d * tx, y: a * sy + b * sy + c * ty + d * ty };
}
