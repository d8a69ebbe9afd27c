import { nodeRole, type Derivation, type LayoutDirection, type LayoutMemo } from '../core';
import type { DrawnGraph } from './persistence';
import { problemCounts } from './problem-counts';
import type { Point } from './studio';

/** Past this size the drawn graph is not saved: its first paint would not be quick anyway. */
const MAX_DRAWN_NODES = 300;
const MAX_DRAWN_EDGES = 2000;

/**
 * The graph as the canvas draws it (each node where the user put it, or where the layout did), in
 * the plain form saved beside the design, from which the next visit paints its first frame before
 * the app has loaded. When the user has not chosen a direction, both layouts are kept: the first
 * paint picks the one that fits the window, as the canvas will. Undefined for graphs too large to
 * be worth it.
 */
export function drawnGraph(
  { graph, diagnostics }: Pick<Derivation, 'graph' | 'diagnostics'>,
  positions: Record<string, Point>,
  direction: LayoutDirection | undefined,
  layout: LayoutMemo,
): DrawnGraph | undefined {
  if (graph.nodes.length > MAX_DRAWN_NODES || graph.edges.length > MAX_DRAWN_EDGES) return undefined;
  // Nodes moved before there was a choice were moved left to right (as the canvas draws them).
  direction ??= Object.keys(positions).length > 0 ? 'LR' : undefined;
  // The derivation's graph is laid out left to right.
  const laid = direction === 'TB' ? layout(graph, 'TB') : graph;
  const topDown = direction === undefined ? layout(graph, 'TB') : undefined;
  const down = topDown && new Map(topDown.nodes.map((n) => [n.id, n.position]));
  const downVia = topDown && new Map(topDown.edges.flatMap((e) => (e.via ? [[e.id, e.via] as const] : [])));
  // Moved nodes leave the layout's bends behind: the canvas then draws every edge end to end.
  const bends = Object.keys(positions).length === 0;
  return {
    ...(direction ? { direction } : {}),
    nodes: laid.nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      role: nodeRole(node),
      label: node.label,
      ...(positions[node.id] ?? node.position),
      ...(down ? { down: down.get(node.id)! } : {}),
      ...problemCounts(diagnostics, node.resources),
    })),
    edges: laid.edges.map(({ id, source, target, kind, tls, via }) => ({
      id,
      source,
      target,
      kind,
      tls,
      ...(bends && via ? { via } : {}),
      ...(downVia?.has(id) ? { downVia: downVia.get(id) } : {}),
    })),
  };
}
