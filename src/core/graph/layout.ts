import type { EgressGraph, GraphNode, NodeKind } from './types';

// Columns along the request path; the mesh policy heads the first column, gating every sidecar.
const COLUMN: Record<NodeKind, number> = {
  'mesh-policy': 0,
  workload: 0,
  sidecar: 1,
  'egress-gateway': 2,
  'external-service': 3,
};
const COLUMN_WIDTH = 320;
// localeCompare's order, without building a collator on every comparison.
const byLabel = new Intl.Collator().compare;
const ROW_HEIGHT = 110;

/**
 * Places nodes in columns along the request path (workload → sidecar → egress gateway → external
 * service), the mesh policy at the top of the first. Workloads and sidecars are sorted by label (so
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
  columns.forEach((column, index) => {
    const weight = new Map(column.map((node) => [node.id, barycentre(senders.get(node.id), y)]));
    column.sort(
      (a, b) =>
        Number(b.kind === 'mesh-policy') - Number(a.kind === 'mesh-policy') ||
        (index >= 2 ? weight.get(a.id)! - weight.get(b.id)! : 0) ||
        byLabel(a.label, b.label),
    );
    // Sidecars start one row down when the policy heads the first column: each beside its workload.
    const first = index === 1 && columns[0]!.some((n) => n.kind === 'mesh-policy') ? 1 : 0;
    column.forEach((node, row) => {
      const height = (first + row) * ROW_HEIGHT;
      y.set(node.id, height);
      placed.push({ ...node, position: { x: index * COLUMN_WIDTH, y: height } });
    });
  });
  return { nodes: placed, edges: graph.edges };
}

/** Mean height of the already placed senders; nodes nobody sends to go last. */
function barycentre(sources: string[] | undefined, y: ReadonlyMap<string, number>): number {
  const heights = (sources ?? []).flatMap((id) => (y.has(id) ? [y.get(id)!] : []));
  return heights.length ? heights.reduce((sum, h) => sum + h, 0) / heights.length : Number.MAX_SAFE_INTEGER;
}
