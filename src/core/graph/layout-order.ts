/**
 * The order of the nodes within each rank, once their ranks are known: dagre's layered layout, or
 * a linear ordering for large graphs.
 */
import {
  layout as dagreLayout,
  graphlib,
  type EdgeLabel,
  type GraphLabel,
  type NodeLabel,
} from '@dagrejs/dagre';

import type { Ranks } from './layout';
import type { EdgeKind, EgressGraph, GraphEdge, GraphNode } from './types';

/** Which node heads its rank and which closes it. */
export interface Pins {
  first: (node: GraphNode) => boolean;
  last: (node: GraphNode) => boolean;
}

// localeCompare's order, without building a collator on every comparison.
const byLabel = new Intl.Collator().compare;
// Code-unit order: ids are unique, so ties end here.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The edges that order the ranks: the paths traffic takes. Blocked and unmanaged traffic goes from
 * every sidecar to whatever it may not reach, and would only tangle the ordering (and cost dagre
 * most of its time).
 */
const ORDERING: ReadonlySet<EdgeKind> = new Set(['workload', 'direct', 'to-gateway', 'via-gateway']);

/** Whether an edge takes part in ordering the ranks (see ORDERING). */
export const ordersRanks = (edge: GraphEdge): boolean => ORDERING.has(edge.kind);

/**
 * The nodes of each rank in the order dagre's layered layout gives them (crossing reduction by
 * repeated median sweeps). The ranks are ours (ranker `none`): dagre would otherwise rank an
 * unconnected service first. Edges that skip a rank get dagre's dummy nodes, so they count as
 * the crossings they make. The pinned nodes (the policy, every other host) talk to every sidecar,
 * so they would only pull the others out of order: they are left out and put at the ends.
 */
export function orderByDagre(graph: EgressGraph, ranks: Ranks, pins: Pins): GraphNode[][] {
  const g = new graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: false });
  // `none` keeps the ranks given (dagre's runtime has it; its types do not list it).
  g.setGraph({ rankdir: 'TB', ranker: 'none' as GraphLabel['ranker'] });
  const free = graph.nodes.filter((node) => !pins.first(node) && !pins.last(node));
  // Nodes in a stable order (by label within each rank): dagre's first order is the insertion order.
  free.sort(
    (a, b) => ranks.of.get(a.id)! - ranks.of.get(b.id)! || byLabel(a.label, b.label) || compare(a.id, b.id),
  );
  // Ranks as dagre keeps them internally: doubled, leaving a rank between for edge labels.
  for (const node of free) g.setNode(node.id, { width: 1, height: 1, rank: 2 * ranks.of.get(node.id)! });
  // Edges in a stable order too: the same graph, however its parts were derived, lays out the same.
  const edges = graph.edges
    .filter((edge) => ordersRanks(edge) && g.hasNode(edge.source) && g.hasNode(edge.target))
    .sort((a, b) => compare(a.source, b.source) || compare(a.target, b.target));
  for (const edge of edges) {
    const [from, to] = [ranks.of.get(edge.source)!, ranks.of.get(edge.target)!];
    if (from < to) g.setEdge(edge.source, edge.target, { minlen: 2 * (to - from) });
  }
  if (free.length > 0) dagreLayout(g);
  const order = (node: GraphNode) => g.node(node.id).order ?? 0;
  return pinnedAtEnds(graph, ranks, pins, (rank) => rank.sort((a, b) => order(a) - order(b)));
}

/**
 * The linear ordering for large graphs: ranks in turn, each sorted by the mean order of the nodes
 * that send to it (the barycentre heuristic, which uncrosses most edges), then by label.
 */
export function orderByBarycentre(graph: EgressGraph, ranks: Ranks, pins: Pins): GraphNode[][] {
  const index = new Map<string, number>();
  return pinnedAtEnds(graph, ranks, pins, (rank, number) => {
    const weight = number > 0 ? barycentres(graph.edges, index) : undefined;
    const weightOf = (id: string) => weight?.get(id) ?? Number.MAX_SAFE_INTEGER;
    rank.sort((a, b) => weightOf(a.id) - weightOf(b.id) || byLabel(a.label, b.label) || compare(a.id, b.id));
    rank.forEach((node, i) => index.set(node.id, i));
    return rank;
  });
}

/** Splits the nodes by rank, orders each rank's free nodes with `order`, and adds the pinned ones at its ends. */
function pinnedAtEnds(
  graph: EgressGraph,
  ranks: Ranks,
  pins: Pins,
  order: (rank: GraphNode[], number: number) => GraphNode[],
): GraphNode[][] {
  const byRank: GraphNode[][] = Array.from({ length: ranks.count }, () => []);
  for (const node of graph.nodes) byRank[ranks.of.get(node.id)!]!.push(node);
  return byRank.map((rank, number) => [
    ...rank.filter(pins.first),
    ...order(
      rank.filter((node) => !pins.first(node) && !pins.last(node)),
      number,
    ),
    ...rank.filter(pins.last),
  ]);
}

/** Per edge target, the mean of its senders' values (one pass over the edges). */
function barycentres(edges: EgressGraph['edges'], at: ReadonlyMap<string, number>): Map<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const edge of edges) {
    const value = at.get(edge.source);
    if (value === undefined) continue;
    const sum = sums.get(edge.target);
    if (sum) {
      sum.total += value;
      sum.count++;
    } else sums.set(edge.target, { total: value, count: 1 });
  }
  return new Map([...sums].map(([id, { total, count }]) => [id, total / count]));
}
