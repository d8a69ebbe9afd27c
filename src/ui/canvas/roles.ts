import type { GraphNode, NodeKind } from '../../core';

/** The role word of each node kind, as the accessible names of DESIGN.md §3 use it. */
export const ROLE: Record<NodeKind, string> = {
  workload: 'Workload',
  sidecar: 'Sidecar',
  'egress-gateway': 'Egress gateway',
  'external-service': 'External service',
  'mesh-policy': 'Mesh policy',
};

/** Accessible name of a graph node: `<Role>: <label>`. */
export function nodeName(node: Pick<GraphNode, 'kind' | 'label'>): string {
  return `${ROLE[node.kind]}: ${node.label}`;
}
