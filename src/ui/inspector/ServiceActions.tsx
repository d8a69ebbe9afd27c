import {
  createServiceRule,
  createVirtualService,
  nameForHost,
  gatewayRouteResources,
  type Bundle,
  type EgressGraph,
  type GraphNode,
} from '../../core';
import { useStudioApi } from '../../store';
import { routedViaGateway, serviceTarget } from '../panels/gateway-route';

/**
 * What an external service's node offers besides its forms: a DestinationRule (connection pool,
 * circuit breaker, TLS) and a VirtualService (timeouts, retries) when it has none, and its route
 * through the egress gateway, or back to direct. Each is one undo step.
 */
export function ServiceActions({
  node,
  graph,
  bundle,
  readOnly,
}: {
  node: GraphNode;
  graph: EgressGraph;
  bundle: Bundle;
  readOnly: boolean;
}) {
  const { store } = useStudioApi();
  const service = serviceTarget(node, bundle.resources);
  const routed = routedViaGateway(node, graph);
  if (!service) return null;
  const { entry, target, protocol } = service;
  // Only a route this app made can be taken back (the plan itself is made on click).
  const reversible = routed && gatewayRouteResources(bundle, target).length > 0;
  const own = bundle.resources.filter((r) => node.resources.includes(r.id));
  const hasRule = own.some((r) => r.kind === 'DestinationRule');
  const hasRoute = own.some((r) => r.kind === 'VirtualService');
  // Sidecars route TCP by port alone: a VirtualService for the host would not apply.
  const routable = protocol !== 'TCP';
  const named = { name: nameForHost(target.host), namespace: entry.namespace ?? 'default' };
  return (
    <div className="service-actions">
      {!hasRule && (
        <button
          type="button"
          disabled={readOnly}
          onClick={() => store.getState().addResources([createServiceRule({ ...named, host: target.host })])}
        >
          Add DestinationRule
        </button>
      )}
      {!hasRoute && routable && (
        <button
          type="button"
          disabled={readOnly}
          onClick={() =>
            store.getState().addResources([
              createVirtualService({
                ...named,
                host: target.host,
                port: target.port,
                protocol: target.protocol,
              }),
            ])
          }
        >
          Add VirtualService
        </button>
      )}
      {!routed && (
        <button
          type="button"
          disabled={readOnly}
          onClick={() => store.getState().routeThroughEgressGateway(target)}
        >
          Route through the egress gateway
        </button>
      )}
      {reversible && (
        <button type="button" disabled={readOnly} onClick={() => store.getState().routeDirect(target)}>
          Route directly, not through the egress gateway
        </button>
      )}
    </div>
  );
}
