import type { GraphEdge } from '../../core';

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
