import type { GraphEdge, GraphNode, NodeKind } from '../../core';

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

/** An edge in words: what travels on it, its route settings, and why it is blocked or unmanaged. */
export function describeEdge(edge: GraphEdge): string {
  const extras = [
    edge.timeout ? `timeout ${edge.timeout}` : '',
    edge.retries ? `${edge.retries} retries` : '',
    edge.circuitBreaker ? 'circuit breaker' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${edge.kind}: ${edge.label}${extras ? ` (${extras})` : ''}${edge.reason ? ` — ${edge.reason}` : ''}`;
}
