/**
 * The edges of the egress graph: what a client namespace's sidecar does with traffic for one
 * external host, and what an egress gateway forwards where. Each part reads the bundle only
 * through the model's lookups, so its result can be cached per host or gateway.
 */
import { list, record, strings } from '../istio/read';
import type { BundleModel, ModelEntry } from '../istio/model';
import { modeAllowsUnknown } from '../istio/mesh';
import { ROOT_NAMESPACE } from '../istio/kinds';
import type { IstioVersion } from '../istio/releases';
import { canonicalProtocol, hostCovers, protocolFamily } from '../istio/values';
import {
  destinationRulesForHost,
  isClusterLocalHost,
  serviceEntriesForHost,
  virtualServicesBoundTo,
  virtualServicesForHost,
} from '../istio/visibility';
import type { GraphSink } from './builder';
import { destinationRuleFor, hasCircuitBreaker, policyFor, tlsBehaviour } from './policy';
import { meshVirtualServiceFor, routesAt, type RouteTarget } from './routing';
import type { EdgeKind, GraphEdge, TlsBehaviour } from './types';

/** The client used when a bundle names no namespace other than the mesh root. */
export const ANY_NAMESPACE = '*';

/** An egress gateway deployment: its Service and the Gateway resources that configure it. */
export interface EgressGatewayInfo {
  id: string;
  serviceHost: string;
  namespace: string;
  /** `ns/name` of the Gateway resources that configure it. */
  refs: string[];
}

export function connectHost(
  model: BundleModel,
  builder: GraphSink,
  gateways: EgressGatewayInfo[],
  namespace: string,
  host: string,
  mode: string,
  target: IstioVersion,
): void {
  const sidecar = `sidecar:${namespace}`;
  const registered = [...new Set(serviceEntriesForHost(model, host, namespace).map((m) => m.entry))];
  const vs = meshVirtualServiceFor(model, host, namespace);
  const targets = vs ? routesAt(vs, 'mesh') : [];
  const allowed = modeAllowsUnknown(mode, target);
  if (registered.length === 0) {
    // A host that exportTo hides is drawn only where it is blocked: under ALLOW_ANY the traffic
    // quietly passes through, and an edge per namespace and hidden host would only add noise.
    const hidden = serviceEntriesForHost(model, host).length > 0;
    if (!vs && !(hidden && !allowed && namespace !== ANY_NAMESPACE)) return;
    const reason = vs
      ? 'no ServiceEntry registers this host for this namespace'
      : 'exportTo hides the ServiceEntry from this namespace';
    const kind: EdgeKind = allowed ? 'passthrough' : 'blocked';
    const label = allowed ? 'passthrough (unmanaged)' : `blocked by ${mode}`;
    builder.edge(sidecar, `external:${host}`, kind, label, { reason: `${reason}; outbound policy ${mode}` });
    return;
  }
  if (targets.length === 0) {
    for (const se of registered) {
      for (const port of list(se.spec['ports']).map(record)) {
        const number = typeof port?.['number'] === 'number' ? port['number'] : undefined;
        const protocol = typeof port?.['protocol'] === 'string' ? port['protocol'] : '';
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
      }
    }
    return;
  }
  for (const target of targets) {
    const gateway = gateways.find(
      (g) => hostCovers(target.host, g.serviceHost) || g.serviceHost === target.host,
    );
    if (gateway) {
      const dr = destinationRuleFor(model, gateway.serviceHost, namespace, gateway.namespace);
      const policy = policyFor(dr, target.port, target.subset);
      const family = target.protocol === 'http' ? 'http' : target.protocol === 'tls' ? 'tls' : 'tcp';
      const tls = tlsBehaviour(family, policy, dr, false);
      builder.edge(
        sidecar,
        gateway.id,
        'to-gateway',
        labelFor(target.protocol.toUpperCase(), target.port, tls),
        {
          protocol: target.protocol.toUpperCase(),
          ...(target.port !== undefined ? { port: target.port } : {}),
          tls,
          ...routeExtras(target),
        },
      );
      continue;
    }
    const destination = isClusterLocalHost(target.host) ? undefined : target.host;
    if (!destination) continue;
    builder.ensureNode(
      `external:${destination}`,
      'external-service',
      destination,
      resourcesForHost(model, destination),
    );
    const se =
      registered.find((s) =>
        strings(s.spec['hosts'])
          .map(([s]) => s)
          .some((h) => hostCovers(h, destination)),
      ) ?? registered[0]!;
    const port = target.port ?? soleServicePort(se);
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
}

export function connectGateway(model: BundleModel, builder: GraphSink, gateway: EgressGatewayInfo): void {
  for (const ref of gateway.refs) {
    for (const vs of virtualServicesBoundTo(model, ref)) {
      for (const target of routesAt(vs, ref)) {
        if (isClusterLocalHost(target.host)) continue;
        builder.ensureNode(
          `external:${target.host}`,
          'external-service',
          target.host,
          resourcesForHost(model, target.host),
        );
        const se = serviceEntriesForHost(model, target.host, gateway.namespace)[0]?.entry;
        const port = target.port ?? (se ? soleServicePort(se) : undefined);
        const protocol = se ? protocolOfPort(se, port) : target.protocol.toUpperCase();
        addServiceEdge(
          model,
          builder,
          gateway.id,
          gateway.namespace,
          target.host,
          port,
          protocol,
          se,
          'via-gateway',
          target,
          true,
        );
      }
    }
  }
}

function addServiceEdge(
  model: BundleModel,
  builder: GraphSink,
  source: string,
  proxyNamespace: string,
  host: string,
  port: number | undefined,
  protocol: string,
  se: ModelEntry | undefined,
  kind: EdgeKind,
  target: RouteTarget | undefined,
  atGateway: boolean,
): void {
  const dr = destinationRuleFor(model, host, proxyNamespace, se?.namespace);
  const policy = policyFor(dr, port, target?.subset);
  // What travels is set by the rule that routes it: an http rule sends plain HTTP even to a port
  // declared HTTPS (the egress gateway hop of TLS origination), and TLS otherwise follows the port.
  const family = target?.protocol === 'http' ? 'http' : protocolFamily(protocol);
  const tls = tlsBehaviour(family, policy, dr, atGateway);
  const shown = canonicalProtocol(protocol) ?? (protocol || 'TCP');
  builder.edge(source, `external:${host}`, kind, labelFor(shown, port, tls), {
    protocol: shown,
    ...(port !== undefined ? { port } : {}),
    tls,
    ...(hasCircuitBreaker(policy) ? { circuitBreaker: true } : {}),
    ...(target ? routeExtras(target) : {}),
  });
}

function routeExtras(target: RouteTarget): Partial<GraphEdge> {
  return {
    ...(target.timeout !== undefined ? { timeout: target.timeout } : {}),
    ...(target.retries !== undefined ? { retries: target.retries } : {}),
  };
}

const TLS_LABEL: Record<TlsBehaviour, string> = {
  'pass-through': 'TLS pass-through',
  origination: 'TLS origination',
  mutual: 'mTLS origination',
  'istio-mutual': 'Istio mTLS',
  double: 'TLS inside TLS (broken)',
  plaintext: '',
  none: '',
};

function labelFor(protocol: string, port: number | undefined, tls: TlsBehaviour): string {
  const head = port !== undefined ? `${protocol}:${port}` : protocol;
  return TLS_LABEL[tls] ? `${head} · ${TLS_LABEL[tls]}` : head;
}

function soleServicePort(se: ModelEntry): number | undefined {
  const ports = list(se.spec['ports']).map(record);
  const only = ports.length === 1 ? ports[0]?.['number'] : undefined;
  return typeof only === 'number' ? only : undefined;
}

function protocolOfPort(se: ModelEntry, port: number | undefined): string {
  const match = list(se.spec['ports'])
    .map(record)
    .find((p) => p?.['number'] === port);
  return typeof match?.['protocol'] === 'string' ? match['protocol'] : '';
}

export function resourcesForHost(model: BundleModel, host: string): string[] {
  return [
    ...serviceEntriesForHost(model, host).map((m) => m.entry.ref),
    ...destinationRulesForHost(model, host, ROOT_NAMESPACE).map((e) => e.ref),
    ...virtualServicesForHost(model, host, ROOT_NAMESPACE).map((e) => e.ref),
  ];
}
