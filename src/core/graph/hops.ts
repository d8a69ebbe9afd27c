/**
 * Edges that stand for the same hop from several sources ({@link GraphEdge.alsoFrom}): a large
 * graph keeps a hop that a hundred namespaces share as one edge. Each source's hop is the edge
 * drawn from it, its id beginning with that source instead (edge ids begin with their source).
 */
import type { GraphEdge } from './types';

/** Where `edge` is drawn from: its source, and the others it stands for. */
export function sourcesOf(edge: GraphEdge): readonly string[] {
  return edge.alsoFrom ? [edge.source, ...edge.alsoFrom] : [edge.source];
}

/** The id of `edge`'s hop from `source`, one of its sources. */
export function edgeIdFrom(edge: GraphEdge, source: string): string {
  return source === edge.source ? edge.id : source + edge.id.slice(edge.source.length);
}

/** `edge` as the one hop from `source` (its own source, or one it also stands for). */
export function hopFrom(edge: GraphEdge, source: string): GraphEdge {
  if (!edge.alsoFrom) return edge;
  const { alsoFrom: _, ...hop } = edge;
  return source === edge.source ? hop : { ...hop, id: edgeIdFrom(edge, source), source };
}

/** `edge` drawn from the first of `sources` (some of its own), and standing for the others. */
export function withSources(edge: GraphEdge, sources: readonly string[]): GraphEdge {
  const [first, ...others] = sources as [string, ...string[]];
  const hop = hopFrom(edge, first);
  return others.length > 0 ? { ...hop, alsoFrom: others } : hop;
}

/** `edges` one per hop: an edge standing for several sources' hops is listed once per source, in order. */
export function expandEdges(edges: readonly GraphEdge[]): GraphEdge[] {
  return edges.flatMap((edge) =>
    edge.alsoFrom ? sourcesOf(edge).map((source) => hopFrom(edge, source)) : [edge],
  );
}
