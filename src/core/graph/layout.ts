import { OTHER_HOSTS_ID, type EgressGraph, type GraphNode, type NodeKind } from './types';

// Columns along the request path; the mesh policy heads the first column, gating every sidecar.
const COLUMN: Record<NodeKind, number> = {
  'mesh-policy': 0,
  workload: 0,
  sidecar: 1,
  'egress-gateway': 2,
  'external-service': 3,
};

/** The size of every node on the canvas (and in the SVG export): the layout leaves room around it. */
export const NODE_SIZE = { width: 210, height: 52 } as const;

// Workloads hand traffic to their sidecar on unlabelled edges: a narrow gap will do. The later gaps
// carry edge labels (protocol, port, TLS, retries…), which need room between the columns.
const HANDOFF_GAP = 50;
const LABEL_GAP = 200;
const ROW_HEIGHT = 96;
// localeCompare's order, without building a collator on every comparison.
const byLabel = new Intl.Collator().compare;

/**
 * Places nodes in columns along the request path (workload → sidecar → egress gateway → external
 * service), the mesh policy at the top of the first; a column no node needs (no gateway) takes no
 * room. Workloads and sidecars are sorted by label (so
 * each sidecar sits beside its workload); gateways and external services are sorted by the mean
 * height of the nodes that send to them (the barycentre heuristic), which uncrosses most edges.
 * Pure and deterministic.
 */
export function layoutGraph(graph: EgressGraph): EgressGraph {
  const senders = new Map<string, string[]>();
  for (const edge of graph.edges)
    senders.set(edge.target, [...(senders.get(edge.target) ?? []), edge.source]);
  const columns: GraphNode[][] = [[], [], [], []];
  for (const node of graph.nodes) columns[COLUMN[node.kind]]!.push(node);
  const y = new Map<string, number>();
  const placed: GraphNode[] = [];
  let x = 0;
  columns.forEach((column, index) => {
    if (column.length === 0) return;
    const weight = index >= 2 ? barycentres(graph.edges, y) : undefined;
    const weightOf = (id: string) => weight?.get(id) ?? Number.MAX_SAFE_INTEGER;
    column.sort(
      (a, b) =>
        Number(b.kind === 'mesh-policy') - Number(a.kind === 'mesh-policy') ||
        // Every other host closes the external column, below the services the design names.
        Number(a.id === OTHER_HOSTS_ID) - Number(b.id === OTHER_HOSTS_ID) ||
        weightOf(a.id) - weightOf(b.id) ||
        byLabel(a.label, b.label),
    );
    // Sidecars start one row down when the policy heads the first column: each beside its workload.
    const first = index === 1 && columns[0]!.some((n) => n.kind === 'mesh-policy') ? 1 : 0;
    column.forEach((node, row) => {
      const height = (first + row) * ROW_HEIGHT;
      y.set(node.id, height);
      placed.push({ ...node, position: { x, y: height } });
    });
    x += NODE_SIZE.width + (index === 0 ? HANDOFF_GAP : LABEL_GAP);
  });
  return { nodes: placed, edges: graph.edges };
}

/** Per edge target, the mean height of its senders placed so far (one pass over the edges). */
function barycentres(edges: EgressGraph['edges'], y: ReadonlyMap<string, number>): Map<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const edge of edges) {
    const height = y.get(edge.source);
    if (height === undefined) continue;
    const sum = sums.get(edge.target);
    if (sum) {
      sum.total += height;
      sum.count++;
    } else sums.set(edge.target, { total: height, count: 1 });
  }
  return new Map([...sums].map(([id, { total, count }]) => [id, total / count]));
}
