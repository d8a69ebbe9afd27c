/** The edges the graph draws to a destination, with what travels on them (protocol, port, TLS, policy). */
import { derivedPer } from '../istio/indexes';
import type { BundleModel, ModelEntry } from '../istio/model';
import { list, record } from '../istio/read';
import { ROOT_NAMESPACE } from '../istio/kinds';
import type { RouteTarget } from '../istio/routing';
import { canonicalProtocol, protocolFamily } from '../istio/values';
import {
  destinationRulesForHost,
  kubeServiceForHost,
  namespaceOfClusterHost,
  serviceEntriesForHost,
  virtualServicesForHost,
} from '../istio/visibility';
import type { GraphSink } from './builder';
import { destinationRuleFor, hasCircuitBreaker, policyFor, tlsBehaviour } from './policy';
import type { EdgeKind, GraphEdge, TlsBehaviour } from './types';

/** An edge to an in-cluster Service a route names (not an egress gateway): drawn as a destination of its own. */
export function addInClusterEdge(
  model: BundleModel,
  builder: GraphSink,
  source: string,
  proxyNamespace: string,
  host: string,
  target: RouteTarget,
  port: number | undefined,
  atGateway: boolean,
): void {
  builder.ensureNode(
    `external:${host}`,
    'external-service',
    host,
    inClusterResources(model, host, proxyNamespace),
  );
  const dr = destinationRuleFor(model, host, proxyNamespace, namespaceOfClusterHost(host, proxyNamespace));
  const policy = policyFor(dr, port, target.subset);
  const shown = target.protocol.toUpperCase();
  const tls = tlsBehaviour(target.protocol, policy, dr, atGateway);
  builder.edge(source, `external:${host}`, atGateway ? 'via-gateway' : 'direct', labelFor(shown, port, tls), {
    protocol: shown,
    ...(port !== undefined ? { port } : {}),
    tls,
    ...policyExtras(policy),
    ...routeExtras(target),
    ...deciders(undefined, dr, target),
  });
}

function inClusterResources(model: BundleModel, host: string, namespace: string): string[] {
  const service = kubeServiceForHost(model, host, namespace);
  return [...(service ? [service.ref] : []), ...resourcesForHost(model, host)];
}

export function addServiceEdge(
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
    ...policyExtras(policy),
    ...(target ? routeExtras(target) : {}),
    ...deciders(se, dr, target),
  });
}

/** The circuit breaker of a DestinationRule policy: whether it is on, and its limits as written. */
export function policyExtras(policy: Record<string, unknown> | undefined): Partial<GraphEdge> {
  const connectionPool = record(policy?.['connectionPool']);
  const outlierDetection = record(policy?.['outlierDetection']);
  if (!connectionPool && !outlierDetection) return {};
  return {
    ...(hasCircuitBreaker(policy) ? { circuitBreaker: true } : {}),
    limits: {
      ...(connectionPool ? { connectionPool } : {}),
      ...(outlierDetection ? { outlierDetection } : {}),
    },
  };
}

/** The resources that decide a hop, in the order a request meets them. */
export function deciders(
  se: ModelEntry | undefined,
  dr: ModelEntry | undefined,
  target: RouteTarget | undefined,
): Partial<GraphEdge> {
  const refs = [target?.route, se?.ref, dr?.ref].filter((ref): ref is string => ref !== undefined);
  return refs.length > 0 ? { resources: refs } : {};
}

export function routeExtras(target: RouteTarget): Partial<GraphEdge> {
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

export function labelFor(protocol: string, port: number | undefined, tls: TlsBehaviour): string {
  const head = port !== undefined ? `${protocol}:${port}` : protocol;
  return TLS_LABEL[tls] ? `${head} · ${TLS_LABEL[tls]}` : head;
}

export function soleServicePort(se: ModelEntry): number | undefined {
  const ports = list(se.spec['ports']).map(record);
  const only = ports.length === 1 ? ports[0]?.['number'] : undefined;
  return typeof only === 'number' ? only : undefined;
}

export function protocolOfPort(se: ModelEntry | undefined, port: number | undefined): string {
  const match = list(se?.spec['ports'])
    .map(record)
    .find((p) => p?.['number'] === port);
  return typeof match?.['protocol'] === 'string' ? match['protocol'] : '';
}

/** The resources an external service's node edits: those defining, configuring or routing its host (a shared list). */
export function resourcesForHost(model: BundleModel, host: string): readonly string[] {
  // Once per host: every route to it names its node.
  return derivedPer(model, 'host-resources', [host], () => [
    ...serviceEntriesForHost(model, host).map((m) => m.entry.ref),
    ...destinationRulesForHost(model, host, ROOT_NAMESPACE).map((e) => e.ref),
    ...virtualServicesForHost(model, host, ROOT_NAMESPACE).map((e) => e.ref),
  ]);
}
