/**
 * The egress gateway's part of the graph: what it forwards where, with visibility applied from the
 * namespace its pods run in.
 */
import type { GatewayProxy } from '../istio/gateway-proxies';
import type { BundleModel, ModelEntry } from '../istio/model';
import { strings } from '../istio/read';
import type { RouteTarget } from '../istio/routing';
import { routesAt } from '../istio/routing';
import { HostSet } from '../istio/host-set';
import {
  hopsInto,
  isClusterLocalHost,
  isVisibleTo,
  qualifyHost,
  serviceEntriesForHost,
  virtualServicesBoundTo,
} from '../istio/visibility';
import type { GraphSink } from './builder';
import { addInClusterEdge, addServiceEdge, protocolOfPort, resourcesForHost, soleServicePort } from './edges';

/**
 * What an egress gateway forwards where: the routes of VirtualServices bound to the Gateways that
 * configure it and visible from its namespace, to hosts its namespace can see. A route to a host
 * the gateway cannot see, and a host the mesh sends it with no route there, end at the gateway.
 */
export function connectGateway(model: BundleModel, builder: GraphSink, proxy: GatewayProxy): void {
  const routed = new HostSet();
  // Gateways of one name (copies of one resource) bind the same VirtualServices: draw them once.
  const refs = new Set(proxy.gateways.map((gateway) => `${gateway.namespace}/${gateway.name}`));
  for (const ref of refs) {
    for (const vs of virtualServicesBoundTo(model, ref)) {
      if (!isVisibleTo(vs, proxy.namespace)) continue;
      const targets = routesAt(vs, ref);
      if (targets.length > 0) for (const [h] of strings(vs.spec['hosts'])) routed.add(h);
      for (const target of targets) forwardFromGateway(model, builder, proxy, vs, target);
    }
  }
  // Hosts the mesh sends to this gateway that no route there takes: 404 NR, or a closed connection.
  for (const hop of hopsInto(model, proxy.serviceHost)) {
    for (const [host] of strings(hop.vs.spec['hosts'])) {
      if (isClusterLocalHost(host) || routed.covers(host)) continue;
      builder.ensureNode(`external:${host}`, 'external-service', host, resourcesForHost(model, host));
      builder.edge(proxy.id, `external:${host}`, 'blocked', 'no route at the gateway', {
        reason: `no VirtualService bound to a Gateway of ${proxy.name}, and visible from ${proxy.namespace}, routes ${host}: requests end at the gateway (HTTP 404 NR, TLS and TCP connections closed)`,
      });
    }
  }
}

function forwardFromGateway(
  model: BundleModel,
  builder: GraphSink,
  proxy: GatewayProxy,
  vs: ModelEntry,
  target: RouteTarget,
): void {
  if (isClusterLocalHost(target.host)) {
    const host = qualifyHost(target.host, vs.namespace);
    if (host !== proxy.serviceHost)
      addInClusterEdge(model, builder, proxy.id, proxy.namespace, host, target, target.port, true);
    return;
  }
  builder.ensureNode(
    `external:${target.host}`,
    'external-service',
    target.host,
    resourcesForHost(model, target.host),
  );
  const se = serviceEntriesForHost(model, target.host, proxy.namespace)[0]?.entry;
  if (!se) {
    const hidden = serviceEntriesForHost(model, target.host).length > 0;
    builder.edge(proxy.id, `external:${target.host}`, 'blocked', 'no cluster at the gateway', {
      reason: hidden
        ? `exportTo hides the ServiceEntry for ${target.host} from ${proxy.namespace}, where the gateway runs: its route points at a cluster that does not exist there (HTTP 503 NC, connections closed)`
        : `no ServiceEntry registers ${target.host}: the gateway's route points at a cluster that does not exist (HTTP 503 NC, connections closed)`,
    });
    return;
  }
  const port = target.port ?? soleServicePort(se);
  const protocol = protocolOfPort(se, port);
  addServiceEdge(
    model,
    builder,
    proxy.id,
    proxy.namespace,
    target.host,
    port,
    protocol,
    se,
    'via-gateway',
    target,
    true,
  );
}
