import { NODE_SIZE, type LayoutDirection } from './geometry';
import { orderByBarycentre, orderByDagre, ordersRanks } from './layout-order';
import { laneKey, placeAcross } from './layout-place';
import { OTHER_HOSTS_ID, type EgressGraph, type GraphEdge, type GraphNode, type NodeKind } from './types';

export { NODE_SIZE, type LayoutDirection } from './geometry';

// Columns (ranks) along the request path; the mesh policy heads the first one, gating every sidecar.
const COLUMN: Record<NodeKind, number> = {
  'mesh-policy': 0,
  workload: 0,
  sidecar: 1,
  'egress-gateway': 2,
  'external-service': 3,
};

/**
 * The room between ranks and between nodes of a rank, per direction. Workloads hand traffic to
 * their sidecar on unlabelled edges: a narrow gap will do. The later gaps carry edge labels
 * (protocol, port, TLS, retries…): left to right they sit side by side across a gap as wide as a
 * long label; top to bottom they are one line high and stack along the edges.
 */
const SPACING: Record<LayoutDirection, { handoff: number; labelled: number; across: number }> = {
  LR: { handoff: 50, labelled: 200, across: 44 },
  TB: { handoff: 40, labelled: 110, across: 36 },
};

/**
 * Past this size (nodes plus the edges that order the ranks) the layered layout would hold up
 * every edit that changes the graph's shape: dagre's crossing reduction grows faster than the
 * graph (about 25 ms at 200, 400 ms at 1,000 resources' worth). Larger designs get the linear
 * barycentre ordering instead, which keeps the ranks but crosses more edges.
 */
export const LAYERED_LAYOUT_LIMIT = 200;

/**
 * Lays the graph out in ranks along the request path (workload → sidecar → egress gateway →
 * external service), the mesh policy first in the first rank and "any other host" last in the
 * last; a rank no node needs (no gateway) takes no room. Within ranks, nodes are
 * ordered by a layered layout (dagre's crossing reduction; past {@link LAYERED_LAYOUT_LIMIT},
 * the barycentre of their senders) and placed near the nodes that send to them, so a sidecar
 * lines up with its workload and a gateway sits among its clients. Pure and deterministic.
 */
export function layoutGraph(graph: EgressGraph, direction: LayoutDirection = 'LR'): EgressGraph {
  const spacing = SPACING[direction];
  const ranks = rankNodes(graph.nodes);
  const crossSize = direction === 'LR' ? NODE_SIZE.height : NODE_SIZE.width;
  const pins = { first: FIRST, last: LAST };
  const ordered =
    graph.nodes.length + graph.edges.filter(ordersRanks).length <= LAYERED_LAYOUT_LIMIT
      ? orderByDagre(graph, ranks, pins)
      : orderByBarycentre(graph, ranks, pins);
  // Along the path: each rank after the one before, with the gap its edges need.
  const alongSize = direction === 'LR' ? NODE_SIZE.width : NODE_SIZE.height;
  const rankStart: number[] = [];
  let along = 0;
  for (let rank = 0; rank < ranks.count; rank++) {
    rankStart.push(along);
    along += alongSize + (ranks.handoffAfter === rank ? spacing.handoff : spacing.labelled);
  }
  // The policy gates every sidecar: where it sits says nothing about where they should.
  const geometry = { node: crossSize, gap: spacing.across, rankStart, along: alongSize };
  const { across, lanes } = placeAcross(graph, ordered, ranks, geometry, FIRST);
  const top = Math.min(0, ...across.values(), ...[...lanes.values()].flat().map((l) => l.centre));
  const point = (a: number, c: number) =>
    direction === 'LR' ? { x: a, y: Math.round(c - top) } : { x: Math.round(c - top), y: a };
  // Listed rank by rank, each in its order across: the order readers (and the CLI's output) expect.
  const nodes: GraphNode[] = ordered.flat().map((node) => {
    const a = rankStart[ranks.of.get(node.id)!]!;
    return { ...node, position: point(a, across.get(node.id)!) };
  });
  // An edge that skips a rank runs straight across it, along its lane.
  const edges = graph.edges.map((edge) => {
    const crossing = lanes.get(laneKey(edge));
    if (!crossing) return straight(edge);
    const via = crossing.flatMap(({ rank, centre }) => [
      point(rankStart[rank]!, centre),
      point(rankStart[rank]! + alongSize, centre),
    ]);
    return { ...edge, via };
  });
  return { nodes, edges };
}

/** The mesh policy heads its rank; every other host closes its own. */
const FIRST = (node: GraphNode) => node.kind === 'mesh-policy';
const LAST = (node: GraphNode) => node.id === OTHER_HOSTS_ID;

/** The nodes' ranks: their kind's column, with the columns no node needs left out. */
export interface Ranks {
  of: Map<string, number>;
  count: number;
  /** The rank followed by the workload → sidecar hand-off (unlabelled, so narrow), if any. */
  handoffAfter: number | undefined;
}

function rankNodes(nodes: readonly GraphNode[]): Ranks {
  const used = [...new Set(nodes.map((n) => COLUMN[n.kind]))].sort((a, b) => a - b);
  const rankOfColumn = new Map(used.map((column, rank) => [column, rank]));
  const of = new Map(nodes.map((n) => [n.id, rankOfColumn.get(COLUMN[n.kind])!]));
  const workloads = rankOfColumn.get(COLUMN.workload);
  const handoffAfter =
    workloads !== undefined && rankOfColumn.get(COLUMN.sidecar) === workloads + 1 ? workloads : undefined;
  return { of, count: used.length, handoffAfter };
}

/** The edge without bends: those of an earlier layout do not hold in this one. */
function straight(edge: GraphEdge): GraphEdge {
  if (!edge.via) return edge;
  const { via, ...rest } = edge;
  void via;
  return rest;
}

/** A layout per direction, kept while the graph's shape stays the same. */
export type LayoutMemo = (graph: EgressGraph, direction?: LayoutDirection) => EgressGraph;

/**
 * A memo for {@link layoutGraph}: an edit that changes no node and no edge's ends or kind (a retry
 * count, a timeout, a comment) reuses the last positions instead of laying the graph out again.
 */
export function createLayoutMemo(): LayoutMemo {
  const last = new Map<LayoutDirection, LaidOut>();
  return (graph, direction = 'LR') => {
    const cached = last.get(direction);
    if (cached?.graph === graph) return cached.laid;
    const next =
      cached && sameShape(cached.graph, graph) ? relayOut(cached, graph) : laidOut(graph, direction);
    last.set(direction, next);
    return next.laid;
  };
}

/** A graph and its layout, with where each laid-out node sits in the graph's own list. */
interface LaidOut {
  graph: EgressGraph;
  laid: EgressGraph;
  /** For each of `laid.nodes`, its index in `graph.nodes` (the layout lists nodes rank by rank). */
  source: number[];
}

function laidOut(graph: EgressGraph, direction: LayoutDirection): LaidOut {
  const laid = layoutGraph(graph, direction);
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  return { graph, laid, source: laid.nodes.map((n) => index.get(n.id)!) };
}

/**
 * The last layout with what the edit changed in the nodes and edges: the same places, in the same
 * order, and the same bends. The shape is the same, so the graphs match index for index; what the
 * derivation kept (the same object) keeps its laid-out object too, which keeps the views' memos.
 */
function relayOut(cached: LaidOut, graph: EgressGraph): LaidOut {
  const nodes = cached.laid.nodes.map((laid, k) => {
    const i = cached.source[k]!;
    const node = graph.nodes[i]!;
    return node === cached.graph.nodes[i] ? laid : { ...node, position: laid.position };
  });
  const edges = graph.edges.map((edge, i) => {
    if (edge === cached.graph.edges[i]) return cached.laid.edges[i]!;
    // Bends belong to the pair of nodes, which is the same at this index.
    const via = cached.laid.edges[i]!.via;
    return via ? { ...edge, via } : straight(edge);
  });
  return { graph, laid: { nodes, edges }, source: cached.source };
}

/** Whether two graphs read the same to the layout: nodes (id, kind, label) and edges (ends, kind), in order. */
function sameShape(a: EgressGraph, b: EgressGraph): boolean {
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const [x, y] = [a.nodes[i]!, b.nodes[i]!];
    if (x.id !== y.id || x.kind !== y.kind || x.label !== y.label) return false;
  }
  for (let i = 0; i < a.edges.length; i++) {
    const [x, y] = [a.edges[i]!, b.edges[i]!];
    if (x.source !== y.source || x.target !== y.target || x.kind !== y.kind) return false;
  }
  return true;
}
