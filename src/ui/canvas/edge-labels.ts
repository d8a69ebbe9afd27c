/**
 * Where the canvas draws its edge labels: one label per bundle of parallel edges (the same source
 * and target), each at the first point along its curve where it overlaps neither a node nor a label
 * placed before it. A bundle with no free point along its curve gets no label: its details are in
 * the edge's tooltip and, once selected, in the inspector. Pure: the same graph gives the same labels.
 */
import { BoxGrid, type Box, type GraphEdge, type LayoutDirection } from '../../core';
import { edgeEnds, edgeLine, NODE_HEIGHT, NODE_WIDTH, pathPoint } from './drawing';

/** A bundle of parallel edges and where its label sits (undefined: no room for it). */
export interface EdgeBundle {
  /** The first edge's id: the bundle's id (selecting the label selects it). */
  id: string;
  source: string;
  target: string;
  edges: GraphEdge[];
  box: Box | undefined;
}

// Font metrics of `.edge-label` (13 px): text is not measured, so the widths are generous averages;
// the label is drawn at exactly the width given, so the room taken is the room reserved.
const CHAR_WIDTH = 7.6;
const ICON_WIDTH = 15;
const PADDING = 10;
const SEPARATOR = 14;
/** The height of a label on the canvas. */
export const LABEL_HEIGHT = 20;
// Room kept free around nodes and between labels.
const GAP = 3;
// Along the curve from its middle outwards, then beside it: a label's height above or below (left
// to right), or half a label's width to its left or right (top to bottom).
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74];
const ACROSS = [0, -1, 1];

/** Edges that carry no label: a workload hands traffic to its sidecar; the policy node shows its mode. */
export function isLabelled(edge: GraphEdge): boolean {
  return edge.kind !== 'workload' && edge.kind !== 'policy';
}

/**
 * What one edge's part of a label reads: protocol:port (or the label's words) before its icons;
 * blocked and unmanaged traffic says only that, its reason is in the tooltip and the inspector.
 */
export function labelHead(edge: GraphEdge): string {
  // An edge of a grouped graph that bundles hops says how many (its label does when they differ).
  const count = (edge.bundled ?? 0) > 1 ? ` ×${edge.bundled!.toLocaleString('en-US')}` : '';
  if (edge.kind === 'blocked' || edge.kind === 'passthrough') return `${edge.kind}${count}`;
  if (!edge.protocol) return edge.label;
  return `${edge.protocol}${edge.port !== undefined ? `:${edge.port}` : ''}${count}`;
}

/** How many icons an edge's part of a label shows (TLS, timeout, retries, breaker). */
function iconCount(edge: GraphEdge): number {
  if (edge.kind === 'blocked' || edge.kind === 'passthrough') return 0;
  const tls = edge.tls !== undefined && edge.tls !== 'none' && edge.tls !== 'plaintext';
  return (
    Number(tls) +
    Number(Boolean(edge.timeout)) +
    Number(Boolean(edge.retries)) +
    Number(Boolean(edge.circuitBreaker))
  );
}

function partWidth(edge: GraphEdge): number {
  const words = `${labelHead(edge)}${edge.timeout ?? ''}${edge.retries ? edge.retries : ''}`;
  return Array.from(words).length * CHAR_WIDTH + iconCount(edge) * ICON_WIDTH;
}

/** The width of a bundle's label. */
export function labelWidth(edges: GraphEdge[]): number {
  const parts = edges.reduce((sum, edge) => sum + partWidth(edge), 0);
  return Math.ceil(parts + (edges.length - 1) * SEPARATOR + PADDING);
}

/** Groups labelled edges by source and target, in the graph's order. */
export function bundleEdges(edges: readonly GraphEdge[]): Omit<EdgeBundle, 'box'>[] {
  const bundles = new Map<string, Omit<EdgeBundle, 'box'>>();
  for (const edge of edges) {
    if (!isLabelled(edge)) continue;
    const key = `${edge.source}\u0000${edge.target}`;
    const bundle = bundles.get(key);
    if (bundle) bundle.edges.push(edge);
    else bundles.set(key, { id: edge.id, source: edge.source, target: edge.target, edges: [edge] });
  }
  return [...bundles.values()];
}

/**
 * Places the label of every bundle between nodes at `at` (top-left corners), drawn in `direction`,
 * along the bends the layout gave its edges when `bends` (the nodes are where it put them).
 */
export function placeEdgeLabels(
  edges: readonly GraphEdge[],
  at: ReadonlyMap<string, { x: number; y: number }>,
  direction: LayoutDirection = 'LR',
  bends = true,
): EdgeBundle[] {
  const taken = new BoxGrid();
  for (const { x, y } of at.values())
    taken.take({ x: x - GAP, y: y - GAP, width: NODE_WIDTH + 2 * GAP, height: NODE_HEIGHT + 2 * GAP });
  return bundleEdges(edges).map((bundle) => {
    const source = at.get(bundle.source);
    const target = at.get(bundle.target);
    if (!source || !target) return { ...bundle, box: undefined };
    const points = edgeLine(edgeEnds(source, target, direction), bends ? bundle.edges[0]!.via : undefined);
    const width = labelWidth(bundle.edges);
    const aside = direction === 'LR' ? { x: 0, y: LABEL_HEIGHT + GAP } : { x: width / 2 + GAP, y: 0 };
    for (const t of ALONG) {
      const { x, y } = pathPoint(points, t, direction);
      for (const across of ACROSS) {
        const box = {
          x: Math.round(x - width / 2 + across * aside.x),
          y: Math.round(y - LABEL_HEIGHT / 2 + across * aside.y),
          width,
          height: LABEL_HEIGHT,
        };
        const padded = {
          x: box.x - GAP,
          y: box.y - GAP,
          width: width + 2 * GAP,
          height: LABEL_HEIGHT + 2 * GAP,
        };
        if (taken.collides(padded)) continue;
        taken.take(box);
        return { ...bundle, box };
      }
    }
    return { ...bundle, box: undefined };
  });
}
