/**
 * How the graph is drawn, in plain terms (no React Flow): the node size and icons, the classes of
 * an edge, the curve of an edge, and the viewport that fits a graph in a pane. The canvas and the
 * first paint (which draws the graph before React Flow has loaded) share them, so both draw the
 * same picture.
 */
import type { GraphEdge, NodeKind } from '../../core';
// The layout's plain facts alone: the first paint must not load the engine or dagre.
import { NODE_SIZE, type LayoutDirection } from '../../core/graph/geometry';

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

type Point = { x: number; y: number };

/**
 * Where an edge leaves its source and enters its target: left to right, from the source's right
 * side to the target's left; top to bottom, from the source's bottom to the target's top.
 */
export function edgeEnds(
  source: Point,
  target: Point,
  direction: LayoutDirection,
): { sx: number; sy: number; tx: number; ty: number } {
  return direction === 'LR'
    ? {
        sx: source.x + NODE_WIDTH,
        sy: source.y + NODE_HEIGHT / 2,
        tx: target.x,
        ty: target.y + NODE_HEIGHT / 2,
      }
    : {
        sx: source.x + NODE_WIDTH / 2,
        sy: source.y + NODE_HEIGHT,
        tx: target.x + NODE_WIDTH / 2,
        ty: target.y,
      };
}

/** A bezier's control points as React Flow draws them: half the distance out along the flow, or a curvature-scaled bend when the target is behind the source. */
function controls(sx: number, sy: number, tx: number, ty: number, direction: LayoutDirection) {
  const reach = (distance: number) => (distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance));
  if (direction === 'LR') {
    const r = reach(tx - sx);
    return { c1x: sx + r, c1y: sy, c2x: tx - r, c2y: ty };
  }
  const r = reach(ty - sy);
  return { c1x: sx, c1y: sy + r, c2x: tx, c2y: ty - r };
}

/**
 * The curve between an edge's ends (see {@link edgeEnds}), leaving and entering along the flow,
 * and the curve's midpoint, where its label sits.
 */
export function edgeCurve(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  direction: LayoutDirection = 'LR',
): { path: string; x: number; y: number } {
  const mid = edgePoint(sx, sy, tx, ty, 0.5, direction);
  return {
    path: edgePath(
      [
        { x: sx, y: sy },
        { x: tx, y: ty },
      ],
      direction,
    ),
    x: mid.x,
    y: mid.y,
  };
}

/** An edge's line: from its source end, through the bends the layout gave it, to its target end. */
export function edgeLine(
  { sx, sy, tx, ty }: { sx: number; sy: number; tx: number; ty: number },
  via: readonly Point[] = [],
): Point[] {
  return [{ x: sx, y: sy }, ...via, { x: tx, y: ty }];
}

/**
 * An edge through its points (its ends, and the bends the layout gave it to cross a rank it skips):
 * a curve as {@link edgeCurve} draws it from each point to the next (straight where they line up
 * along the flow), and the points along it where a label may sit (see {@link pathPoint}).
 */
export function edgePath(points: readonly Point[], direction: LayoutDirection): string {
  return points
    .slice(1)
    .map((q, i) => {
      const p = points[i]!;
      const { c1x, c1y, c2x, c2y } = controls(p.x, p.y, q.x, q.y, direction);
      return `${i === 0 ? `M${p.x},${p.y} ` : ' '}C${c1x},${c1y} ${c2x},${c2y} ${q.x},${q.y}`;
    })
    .join('');
}

/** The point at `t` (0 at the source, 1 at the target) along {@link edgePath}, each piece an equal share. */
export function pathPoint(points: readonly Point[], t: number, direction: LayoutDirection): Point {
  const pieces = points.length - 1;
  const piece = Math.min(pieces - 1, Math.floor(t * pieces));
  const [p, q] = [points[piece]!, points[piece + 1]!];
  return edgePoint(p.x, p.y, q.x, q.y, t * pieces - piece, direction);
}

/** The zoom at which the nodes at `positions` fill a pane of `width` × `height` (uncapped). */
function fillZoom(positions: Point[], width: number, height: number, minimap: boolean): number {
  const { free, box } = fitting(positions, width, height, minimap);
  return Math.min(free.width / (box.right - box.left), free.height / (box.bottom - box.top));
}

/**
 * Which way to draw a design whose user has not chosen: left to right when the whole graph fits
 * the pane that way at a readable zoom ({@link READABLE_ZOOM}); else top to bottom when that shows
 * more of it (a narrow pane, a long path). `topDown` is asked for only when needed.
 */
export function chooseDirection(
  leftToRight: Point[],
  topDown: () => Point[],
  width: number,
  height: number,
  minimap = false,
): LayoutDirection {
  if (leftToRight.length === 0 || width === 0 || height === 0) return 'LR';
  const across = fillZoom(leftToRight, width, height, minimap);
  if (across >= READABLE_ZOOM) return 'LR';
  return fillZoom(topDown(), width, height, minimap) > across ? 'TB' : 'LR';
}

/** The room a fit has in a pane, and the box around the nodes. */
function fitting(positions: Point[], width: number, height: number, minimap: boolean) {
  const box = {
    left: Math.min(...positions.map((p) => p.x)),
    top: Math.min(...positions.map((p) => p.y)),
    right: Math.max(...positions.map((p) => p.x + NODE_WIDTH)),
    bottom: Math.max(...positions.map((p) => p.y + NODE_HEIGHT)),
  };
  const free = {
    left: FIT_MARGIN,
    top: PANEL_BAND + FIT_MARGIN,
    width: width - 2 * FIT_MARGIN,
    height: height - PANEL_BAND - 2 * FIT_MARGIN - (minimap ? MINIMAP_BAND : 0),
  };
  return { box, free };
}

/**
 * The viewport that shows every node in a pane of `width` × `height`, clear of the panels along
 * its top (and of the minimap along its bottom, when `minimap`): centred at the largest zoom up to
 * {@link FIT_MAX_ZOOM} where the graph fits, or, where it does not fit at {@link READABLE_ZOOM},
 * at that zoom from the first node (the one heading the path) on the axis it overflows.
 */
export function fitViewport(
  positions: { x: number; y: number }[],
  width: number,
  height: number,
  minimap = false,
): Viewport {
  if (positions.length === 0) return { x: 0, y: 0, zoom: 1 };
  const { free, box } = fitting(positions, width, height, minimap);
  const { left, top, right, bottom } = box;
  const zoom = Math.min(FIT_MAX_ZOOM, Math.max(READABLE_ZOOM, fillZoom(positions, width, height, minimap)));
  // Centred on an axis the graph fits along. On one it overflows, from the first node (the mesh
  // policy, which heads the path): ranks are centred on each other, so the start of the longest
  // one (say a column of a hundred hosts) can lie far from where the path begins.
  const along = (start: number, end: number, first: number, offset: number, room: number) => {
    const extent = (end - start) * zoom;
    if (extent <= room) return offset + (room - extent) / 2 - start * zoom;
    const from = Math.max(start, Math.min(first, end - room / zoom));
    return offset - from * zoom;
  };
  const first = positions[0]!;
  return {
    x: along(left, right, first.x, free.left, free.width),
    y: along(top, bottom, first.y, free.top, free.height),
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
  direction: LayoutDirection = 'LR',
): Point {
  const { c1x, c1y, c2x, c2y } = controls(sx, sy, tx, ty, direction);
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return { x: a * sx + b * c1x + c * c2x + d * tx, y: a * sy + b * c1y + c * c2y + d * ty };
}
