import type { GraphNode, NodeKind } from './types';

/** The role word of each node kind, as in the accessible names of DESIGN.md §3. */
export const NODE_ROLES: Readonly<Record<NodeKind, string>> = {
  workload: 'Workload',
  sidecar: 'Sidecar',
  'egress-gateway': 'Egress gateway',
  'external-service': 'External service',
  'mesh-policy': 'Mesh policy',
};

/** `<Role>: <label>`, e.g. `External service: api.github.com`. */
export function roleAndLabel(node: Pick<GraphNode, 'kind' | 'label'>): string {
  return `${NODE_ROLES[node.kind]}: ${node.label}`;
}
