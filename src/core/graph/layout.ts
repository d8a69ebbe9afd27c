import type { EgressGraph, NodeKind } from './types';

const COLUMN: Record<NodeKind, number> = {
  workload: 0,
  'mesh-policy': 1,
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
 * service), the mesh policy above the sidecars, rows sorted by label. Pure and deterministic.
 */
export function layoutGraph(graph: EgressGraph): EgressGraph {
  const rows = new Map<number, number>();
  const ordered = [...graph.nodes].sort(
    (a, b) =>
      COLUMN[a.kind] - COLUMN[b.kind] ||
      Number(b.kind === 'mesh-policy') - Number(a.kind === 'mesh-policy') ||
      byLabel(a.label, b.label),
  );
  const nodes = ordered.map((node) => {
    const column = COLUMN[node.kind];
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { ...node, position: { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT } };
  });
  return { nodes, edges: graph.edges };
}
