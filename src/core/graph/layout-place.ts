/**
 * Where each node sits across its rank (in the direction across the request path), once the ranks
 * and their order are known.
 */
import type { EgressGraph, GraphNode } from './types';

/** Each node's position across its rank: the start of its box (its top, or its left edge). */
export type Across = Map<string, number>;

/** Sizes across the ranks. */
export interface Spacing {
  /** A node's size. */
  node: number;
  /** The free room between two nodes of a rank. */
  gap: number;
}

/**
 * Places the nodes of each rank, in order, with room between them: the first rank packed, each
 * later node as near as it can be to the mean of the nodes that send to it (so a sidecar lines up
 * with its workload and a gateway sits among its clients). `quiet` nodes send nothing worth
 * following (the policy, which gates every sidecar). Linear in the graph.
 */
export function placeAcross(
  graph: EgressGraph,
  ordered: GraphNode[][],
  spacing: Spacing,
  quiet: (node: GraphNode) => boolean,
): Across {
  const ignored = new Set(graph.nodes.filter(quiet).map((n) => n.id));
  const senders = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (ignored.has(edge.source)) continue;
    const list = senders.get(edge.target);
    if (list) list.push(edge.source);
    else senders.set(edge.target, [edge.source]);
  }
  const pitch = spacing.node + spacing.gap;
  const across: Across = new Map();
  for (const rank of ordered) {
    // Each node's ideal place: the mean of its placed senders', else just after the one before.
    let previous: number | undefined;
    const ideal = rank.map((node) => {
      const placed = (senders.get(node.id) ?? []).flatMap((id) => {
        const at = across.get(id);
        return at === undefined ? [] : [at];
      });
      previous =
        placed.length > 0 ? placed.reduce((a, b) => a + b, 0) / placed.length : (previous ?? -pitch) + pitch;
      return previous;
    });
    nearestInOrder(ideal, pitch).forEach((at, i) => across.set(rank[i]!.id, at));
  }
  return across;
}

/**
 * The places nearest (least squares) to `ideal`, in order, each at least `pitch` after the one
 * before: with the distances taken out, the places must not decrease, which pooling adjacent
 * violators solves (a run that would go backwards moves as one block to its members' mean).
 */
function nearestInOrder(ideal: number[], pitch: number): number[] {
  const offset = ideal.map((_, i) => i * pitch);
  const blocks: { size: number; sum: number }[] = [];
  ideal.forEach((at, i) => {
    let block = { size: 1, sum: at - offset[i]! };
    for (;;) {
      const before = blocks[blocks.length - 1];
      if (!before || before.sum / before.size <= block.sum / block.size) break;
      blocks.pop();
      block = { size: before.size + block.size, sum: before.sum + block.sum };
    }
    blocks.push(block);
  });
  const places: number[] = [];
  for (const block of blocks)
    for (let k = 0; k < block.size; k++) places.push(block.sum / block.size + offset[places.length]!);
  return places;
}
