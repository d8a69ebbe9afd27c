import type { EgressGraph, GatewayRouteTarget, GraphNode, Resource } from '../../core';

/**
 * For an external service that its clients call directly and that a ServiceEntry with a numbered
 * port defines, the route through the egress gateway to create; otherwise undefined.
 */
export function gatewayRouteFor(
  node: GraphNode,
  graph: EgressGraph,
  resources: Resource[],
): GatewayRouteTarget | undefined {
  if (node.kind !== 'external-service') return undefined;
  if (graph.edges.some((e) => e.target === node.id && e.kind === 'via-gateway')) return undefined;
  const entry = resources.find((r) => r.kind === 'ServiceEntry' && node.resources.includes(r.id));
  const spec = entry?.value['spec'] as { ports?: { number?: unknown; protocol?: unknown }[] } | undefined;
  const port = spec?.ports?.find((p) => typeof p.number === 'number');
  if (!entry || !port) return undefined;
  const protocol = String(port.protocol ?? '').toUpperCase() === 'HTTP' ? 'HTTP' : 'TLS';
  return { host: node.label, protocol, port: port.number as number };
}
