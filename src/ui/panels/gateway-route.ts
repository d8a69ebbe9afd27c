import type { EgressGraph, GatewayRouteTarget, GraphNode, Resource } from '../../core';

/**
 * An external service node's ServiceEntry and the route target its first numbered port makes
 * (HTTP, or TLS for anything else), or undefined for other nodes and for entries without one.
 */
export function serviceTarget(
  node: GraphNode,
  resources: Resource[],
): { entry: Resource; target: GatewayRouteTarget; protocol: string } | undefined {
  if (node.kind !== 'external-service') return undefined;
  const entry = resources.find((r) => r.kind === 'ServiceEntry' && node.resources.includes(r.id));
  const spec = entry?.value['spec'] as { ports?: { number?: unknown; protocol?: unknown }[] } | undefined;
  const port = spec?.ports?.find((p) => typeof p.number === 'number');
  if (!entry || !port) return undefined;
  const protocol = String(port.protocol ?? '').toUpperCase();
  return {
    entry,
    protocol,
    target: { host: node.label, protocol: protocol === 'HTTP' ? 'HTTP' : 'TLS', port: port.number as number },
  };
}

/** True when the node's traffic reaches it through the egress gateway. */
export function routedViaGateway(node: GraphNode, graph: EgressGraph): boolean {
  return graph.edges.some((e) => e.target === node.id && e.kind === 'via-gateway');
}

/**
 * For an external service that its clients call directly and that a ServiceEntry with a numbered
 * port defines, the route through the egress gateway to create; otherwise undefined.
 */
export function gatewayRouteFor(
  node: GraphNode,
  graph: EgressGraph,
  resources: Resource[],
): GatewayRouteTarget | undefined {
  return routedViaGateway(node, graph) ? undefined : serviceTarget(node, resources)?.target;
}
