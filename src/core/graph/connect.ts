/**
 * The sidecar's part of the egress graph: what a client namespace's sidecar does with traffic for
 * one external host (the gateway's part is in ./connect-gateway). Each part reads the bundle only
 * through the model's lookups, so its result can be cached per host or gateway.
 */
import { gatewayProxyFor } from '../istio/gateway-proxies';
import { sidecarSees } from '../istio/sidecar-scope';
import { list, record, strings } from '../istio/read';
import type { BundleModel, ModelEntry } from '../istio/model';
import { modeAllowsUnknown } from '../istio/mesh';
import type { IstioVersion } from '../istio/releases';
import { hostCovers, protocolFamily } from '../istio/values';
import { isClusterLocalHost, qualifyHost, serviceEntriesForHost } from '../istio/visibility';
import type { GraphSink } from './builder';
import {
  addInClusterEdge,
  addServiceEdge,
  labelFor,
  protocolOfPort,
  resourcesForHost,
  routeExtras,
  policyExtras,
  deciders,
  soleServicePort,
} from './edges';
import { destinationRuleFor, policyFor, tlsBehaviour } from './policy';
import { meshVirtualServiceFor, routesAt, type RouteTarget } from '../istio/routing';
import { OTHER_HOSTS_ID, type EdgeKind } from './types';

/** The client used when a bundle names no namespace other than the mesh root. */
export const ANY_NAMESPACE = '*';

/**
 * What a client namespace's sidecar does with traffic for hosts nothing registers: under ALLOW_ANY
 * it leaves through the PassthroughCluster, unmanaged; under REGISTRY_ONLY it ends at BlackHoleCluster.
 */
export function connectOtherHosts(
  builder: GraphSink,
  namespace: string,
  mode: string,
  release: IstioVersion,
): void {
  const sidecar = `sidecar:${namespace}`;
  if (modeAllowsUnknown(mode, release)) {
    builder.edge(sidecar, OTHER_HOSTS_ID, 'passthrough', 'passthrough (unmanaged)', {
      reason: `hosts no ServiceEntry registers for this namespace leave through the PassthroughCluster, with no routing, TLS or policy; outbound policy ${mode}`,
    });
  } else {
    builder.edge(sidecar, OTHER_HOSTS_ID, 'blocked', `blocked by ${mode}`, {
      reason: `hosts no ServiceEntry registers for this namespace end at BlackHoleCluster (502, or a closed connection); outbound policy ${mode}`,
    });
  }
}

export function connectHost(
  model: BundleModel,
  builder: GraphSink,
  namespace: string,
  host: string,
  mode: string,
  release: IstioVersion,
): void {
  const sidecar = `sidecar:${namespace}`;
  const vs = meshVirtualServiceFor(model, host, namespace, release);
  if (isClusterLocalHost(host)) {
    // An in-cluster Service the mesh sends through an egress gateway: Kubernetes registers it, and
    // the mesh rules' ports are its listeners (the bundle rarely holds the Service itself).
    for (const target of vs ? routesAt(vs, 'mesh') : []) {
      const port = target.rule.matches.find((m) => m.gateways.includes('mesh'))?.port;
      connectTarget(model, builder, sidecar, namespace, vs!, target, port, NONE_REGISTERED);
    }
    return;
  }
  // Visible through exportTo, and known to the namespace's sidecars (its Sidecar's egress hosts).
  const registered = new Registered([
    ...new Set(
      serviceEntriesForHost(model, host, namespace)
        .filter((m) => sidecarSees(model, namespace, m.host, m.entry.namespace, release))
        .map((m) => m.entry),
    ),
  ]);
  if (registered.entries.length === 0) {
    connectUnregistered(model, builder, sidecar, namespace, host, vs, mode, release);
    return;
  }
  // Each port of each visible entry is a listener of its own: on it, only the rules Envoy consults
  // for that port's protocol apply, and without one the sidecar sends the traffic straight on.
  for (const se of registered.entries) {
    for (const port of list(se.spec['ports']).map(record)) {
      const number = typeof port?.['number'] === 'number' ? port['number'] : undefined;
      const protocol = typeof port?.['protocol'] === 'string' ? port['protocol'] : '';
      const targets = vs ? routesAt(vs, 'mesh', number, protocolFamily(protocol)) : [];
      if (targets.length === 0) {
        addServiceEdge(
          model,
          builder,
          sidecar,
          namespace,
          host,
          number,
          protocol,
          se,
          'direct',
          undefined,
          false,
        );
        continue;
      }
      for (const target of targets)
        connectTarget(model, builder, sidecar, namespace, vs!, target, number, registered);
    }
  }
}

/** The edge for one mesh route target of a sidecar: to an egress gateway, an in-cluster Service or an external host. */
function connectTarget(
  model: BundleModel,
  builder: GraphSink,
  sidecar: string,
  namespace: string,
  vs: ModelEntry,
  target: RouteTarget,
  listenerPort: number | undefined,
  registered: Registered,
): void {
  const proxy = gatewayProxyFor(model, target.host, vs.namespace);
  if (proxy) {
    const port = target.port ?? listenerPort;
    const dr = destinationRuleFor(model, proxy.serviceHost, namespace, proxy.namespace);
    const policy = policyFor(dr, port, target.subset);
    const tls = tlsBehaviour(target.protocol, policy, dr, false);
    builder.edge(sidecar, proxy.id, 'to-gateway', labelFor(target.protocol.toUpperCase(), port, tls), {
      protocol: target.protocol.toUpperCase(),
      ...(port !== undefined ? { port } : {}),
      tls,
      ...policyExtras(policy),
      ...routeExtras(target),
      ...deciders(undefined, dr, target),
    });
    return;
  }
  if (isClusterLocalHost(target.host)) {
    const host = qualifyHost(target.host, vs.namespace);
    addInClusterEdge(model, builder, sidecar, namespace, host, target, target.port ?? listenerPort, false);
    return;
  }
  const destination = target.host;
  builder.ensureNode(
    `external:${destination}`,
    'external-service',
    destination,
    resourcesForHost(model, destination),
  );
  const se =
    registered.covering(destination) ??
    serviceEntriesForHost(model, destination, namespace)[0]?.entry ??
    registered.entries[0];
  // Envoy's cluster port: the route's, else the destination's only port, else the listener's.
  const port = target.port ?? (se && soleServicePort(se)) ?? listenerPort;
  addServiceEdge(
    model,
    builder,
    sidecar,
    namespace,
    destination,
    port,
    protocolOfPort(se, port),
    se,
    'direct',
    target,
    false,
  );
}

/**
 * A host no ServiceEntry visible to the namespace registers. Istio builds the routes of a
 * VirtualService for such a host on port 80 alone (route.go: "to affect traffic to hosts outside
 * of the service registry (e.g. google.com) on port 80"), so its HTTP rules there still apply; every
 * other call to the host is left to the outbound policy. A route back to the host itself names a
 * cluster that does not exist.
 */
function connectUnregistered(
  model: BundleModel,
  builder: GraphSink,
  sidecar: string,
  namespace: string,
  host: string,
  vs: ModelEntry | undefined,
  mode: string,
  release: IstioVersion,
): void {
  const targets = vs ? routesAt(vs, 'mesh', UNREGISTERED_HOST_PORT, 'http') : [];
  for (const target of targets) {
    const known = serviceEntriesForHost(model, target.host, namespace).some((m) =>
      sidecarSees(model, namespace, m.host, m.entry.namespace, release),
    );
    if (isClusterLocalHost(target.host) || known) {
      connectTarget(model, builder, sidecar, namespace, vs!, target, UNREGISTERED_HOST_PORT, NONE_REGISTERED);
      continue;
    }
    builder.ensureNode(
      `external:${target.host}`,
      'external-service',
      target.host,
      resourcesForHost(model, target.host),
    );
    builder.edge(sidecar, `external:${target.host}`, 'blocked', 'no cluster', {
      protocol: 'HTTP',
      port: UNREGISTERED_HOST_PORT,
      reason: `no ServiceEntry visible to this namespace registers ${target.host}, so the route's destination has no cluster: HTTP 503 (NC), whatever the outbound policy`,
    });
  }
  if (targets.length > 0) return;
  // A host that exportTo hides is drawn only where it is blocked: under ALLOW_ANY the traffic
  // quietly passes through (the edge to the other hosts says so), and an edge per namespace and
  // hidden host would only add noise.
  const allowed = modeAllowsUnknown(mode, release);
  const hidden = serviceEntriesForHost(model, host).length > 0;
  if (!vs && !(hidden && !allowed && namespace !== ANY_NAMESPACE)) return;
  const reason = vs
    ? 'no ServiceEntry registers this host for this namespace'
    : "exportTo or the namespace's Sidecar (egress hosts) hides the ServiceEntry from this namespace";
  const kind: EdgeKind = allowed ? 'passthrough' : 'blocked';
  const label = allowed ? 'passthrough (unmanaged)' : `blocked by ${mode}`;
  builder.edge(sidecar, `external:${host}`, kind, label, { reason: `${reason}; outbound policy ${mode}` });
}

/** The one port on which Istio routes VirtualServices for hosts outside the registry. */
const UNREGISTERED_HOST_PORT = 80;

/** The ServiceEntries a namespace's sidecars see for one host, and which of them lists a destination. */
class Registered {
  private readonly found = new Map<string, ModelEntry | undefined>();

  constructor(readonly entries: readonly ModelEntry[]) {}

  /** The first entry with a host that covers `destination`, looked for once per destination. */
  covering(destination: string): ModelEntry | undefined {
    if (this.entries.length === 0) return undefined;
    if (this.found.has(destination)) return this.found.get(destination);
    const se = this.entries.find((s) => strings(s.spec['hosts']).some(([h]) => hostCovers(h, destination)));
    this.found.set(destination, se);
    return se;
  }
}

const NONE_REGISTERED = new Registered([]);
