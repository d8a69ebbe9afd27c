import type { GraphNode, NodeKind } from './types';

/** The role word of each node kind, as in the accessible names of DESIGN.md §3. */
export const NODE_ROLES: Readonly<Record<NodeKind, string>> = {
  workload: 'Workload',
  sidecar: 'Sidecar',
  'egress-gateway': 'Egress gateway',
  'external-service': 'External service',
  'mesh-policy': 'Mesh policy',
};

/** The role word of a node standing for many of a kind (see aggregate.ts). */
const GROUP_ROLES: Readonly<Record<NodeKind, string>> = {
  workload: 'Workloads',
  sidecar: 'Sidecars',
  'egress-gateway': 'Egress gateways',
  'external-service': 'External services',
  'mesh-policy': 'Mesh policy',
};

/** A node's role word; for a group, plural and with how many it stands for: `External services (2,000)`. */
export function nodeRole(node: Pick<GraphNode, 'kind' | 'group'>): string {
  if (!node.group) return NODE_ROLES[node.kind];
  return `${GROUP_ROLES[node.kind]} (${node.group.size.toLocaleString('en-US')})`;
}

/** `<Role>: <label>`, e.g. `External service: api.github.com`, `External services (2,000): example.com`. */
export function roleAndLabel(node: Pick<GraphNode, 'kind' | 'label' | 'group'>): string {
  return `${nodeRole(node)}: ${node.label}`;
}
