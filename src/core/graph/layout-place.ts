/**
 * Where each node sits across its rank (in the direction across the request path), once the ranks,
 * their order and where each rank lies along the path are known; and where the edges that skip a
 * rank cross it.
 */
import type { Ranks } from './layout';
import type { EgressGraph, GraphEdge, GraphNode } from './types';

/** Sizes and places: across the ranks (node and gap), and along the path (each rank's start). */
export interface Geometry {
  /** A node's size across the ranks. */
  node: number;
  /** The free room between two nodes of a rank. */
  gap: number;
  /** Where each rank starts along the path. */
  rankStart: readonly number[];
  /** A node's size along the path. */
  along: number;
}

/** The places found: each node's start across its rank, and each skipping edge's lanes. */
export interface Placement {
  /** The start of each node's box across its rank (its top, or its left edge). */
  across: Map<string, number>;
  /** Per pair of nodes an edge joins past ranks (see {@link laneKey}), the centre of its lane across each rank it skips. */
  lanes: Map<string, { rank: number; centre: number }[]>;
}

// The room an edge takes where it crosses a rank without stopping there.
const LANE = 12;

/**
 * Places the nodes of each rank, in order, with room between them: the first rank packed, each
 * later node as near as it can be to the mean of the nodes it talks to (so a sidecar lines up with
 * its workload and a gateway sits among its clients). An edge that skips a rank (a sidecar's
 * direct call to a service passes the gateways) takes a lane there, between that rank's nodes,
 * placed with them: the edge bends through it, so a line never runs through a node it does not
 * reach. `quiet` nodes send nothing worth following (the policy, which gates every sidecar).
 */
export function placeAcross(
  graph: EgressGraph,
  ordered: GraphNode[][],
  ranks: Ranks,
  geometry: Geometry,
  quiet: (node: GraphNode) => boolean,
): Placement {
  const ignored = new Set(graph.nodes.filter(quiet).map((n) => n.id));
  const edges = graph.edges.filter((e) => !ignored.has(e.source));
  const senders = neighbours(edges, 'target', 'source');
  const receivers = neighbours(edges, 'source', 'target');
  const rankOf = (id: string) => ranks.of.get(id)!;
  // Parallel edges (one per port) share one lane.
  const skipping = [
    ...new Map(
      edges.filter((e) => rankOf(e.target) - rankOf(e.source) > 1).map((e) => [laneKey(e), e] as const),
    ).values(),
  ];
  const centres = new Map<string, number>();
  const mean = (ids: readonly string[]) => {
    const placed = ids.flatMap((id) => (centres.has(id) ? [centres.get(id)!] : []));
    return placed.length > 0 ? placed.reduce((a, b) => a + b, 0) / placed.length : undefined;
  };
  const pitch = geometry.node + geometry.gap;
  // Rank by rank; a rank that edges skip is placed again below, once their far ends are known.
  for (const rank of ordered) {
    let previous: number | undefined;
    const ideal = rank.map((node) => {
      previous = mean(senders.get(node.id) ?? []) ?? (previous ?? -pitch) + pitch;
      return previous;
    });
    const sizes = rank.map(() => ({ size: geometry.node, lane: false }));
    nearestInOrder(ideal, sizes, geometry.gap).forEach((at, i) => centres.set(rank[i]!.id, at));
  }
  const lanes = new Map<string, { rank: number; centre: number }[]>();
  const skipped = [...new Set(skipping.flatMap((e) => between(rankOf(e.source), rankOf(e.target))))].sort(
    (a, b) => a - b,
  );
  for (const number of skipped) {
    // The rank's nodes among all the nodes they talk to; the lanes where the edges would cross.
    let previous: number | undefined;
    const nodes = ordered[number]!.map((node): Item => {
      const ideal =
        mean([...(senders.get(node.id) ?? []), ...(receivers.get(node.id) ?? [])]) ??
        (previous ?? -pitch) + pitch;
      previous = ideal;
      return { id: node.id, edge: undefined, ideal, size: geometry.node, lane: false };
    });
    const crossing = skipping
      .filter((e) => rankOf(e.source) < number && rankOf(e.target) > number)
      .map((e): Item => {
        const [from, to] = [rankOf(e.source), rankOf(e.target)];
        const [start, end] = [centres.get(e.source)!, centres.get(e.target)!];
        const ideal = start + ((number - from) / (to - from)) * (end - start);
        return { id: undefined, edge: laneKey(e), ideal, size: LANE, lane: true };
      })
      .sort((a, b) => a.ideal - b.ideal);
    // Lanes go between the nodes by where they would cross; the nodes keep their order.
    const all: Item[] = [];
    for (const node of nodes) {
      while (crossing.length > 0 && crossing[0]!.ideal < node.ideal) all.push(crossing.shift()!);
      all.push(node);
    }
    all.push(...crossing);
    nearestInOrder(
      all.map((item) => item.ideal),
      all,
      geometry.gap,
    ).forEach((at, i) => {
      const item = all[i]!;
      if (item.id !== undefined) centres.set(item.id, at);
      else lanes.set(item.edge!, [...(lanes.get(item.edge!) ?? []), { rank: number, centre: at }]);
    });
  }
  const across = new Map([...centres].map(([id, centre]) => [id, centre - geometry.node / 2]));
  return { across, lanes };
}

/** The lane an edge takes: one per pair of nodes, whatever the ports. */
export const laneKey = (edge: Pick<GraphEdge, 'source' | 'target'>): string =>
  `${edge.source}\u0000${edge.target}`;

/** A node or a lane, in a rank that edges skip. */
interface Item {
  /** The node's id (a lane has none). */
  id: string | undefined;
  /** The lane's key (a node has none). */
  edge: string | undefined;
  ideal: number;
  size: number;
  lane: boolean;
}

function neighbours(edges: GraphEdge[], key: 'source' | 'target', value: 'source' | 'target') {
  const found = new Map<string, string[]>();
  for (const edge of edges) {
    const list = found.get(edge[key]);
    if (list) list.push(edge[value]);
    else found.set(edge[key], [edge[value]]);
  }
  return found;
}

/** The ranks strictly between two. */
const between = (from: number, to: number) => Array.from({ length: to - from - 1 }, (_, i) => from + 1 + i);

/**
 * The centres nearest (least squares) to `ideal`, in order, each far enough from the one before
 * for both boxes and the gap between (half a gap beside a lane): with those distances taken out,
 * the places must not decrease, which pooling adjacent violators solves (a run that would go
 * backwards moves as one block to its members' mean).
 */
function nearestInOrder(ideal: number[], items: { size: number; lane: boolean }[], gap: number): number[] {
  const offset = [0];
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1]!, items[i]!];
    offset.push(offset[i - 1]! + (a.size + b.size) / 2 + (a.lane || b.lane ? gap / 2 : gap));
  }
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
