/**
 * Shared lookups for the cross-resource analyzers and the graph: who can see a resource (exportTo),
 * which ServiceEntries and DestinationRules define a host, which gateways a VirtualService binds
 * and where its rules apply (ISTIO.md §4.2, §4.3, §4.7). Indexes are built once per model and keyed
 * by host, so lookups cost a few map reads instead of a scan of the bundle.
 */
import type { PathSegment } from '../bundle';
import { isClusterLocalHost, namespaceOfClusterHost, qualifyHost } from './hosts';
import {
  derivedFromIndexes,
  indexesOf,
  type GatewayHop,
  type HostMatch,
  type IndexedDestination,
} from './indexes';
import { ROOT_NAMESPACE } from './kinds';
import { endpointLabels, metadataMap, podNodeName } from './kube';
import type { BundleModel, ModelEntry } from './model';
import { record, records, strings } from './read';
import type { Scoped } from './routes';

export type { GatewayHop, HostMatch, IndexedDestination } from './indexes';
export { isClusterLocalHost, isEgressGatewayHost, namespaceOfClusterHost, qualifyHost } from './hosts';
export {
  gatewaysOf,
  isMeshBound,
  resolveGatewayRef,
  rulesOf,
  type RouteDestination,
  type RouteRule,
  type Scoped,
} from './routes';

/**
 * Whether a resource in `ownNamespace` with the given `exportTo` is visible to `namespace`
 * (ISTIO.md §4.2): an empty list means the mesh default `*`; `.` is the own namespace; `~` hides it.
 */
export function isExportedTo(exportTo: unknown, ownNamespace: string, namespace: string): boolean {
  const entries = strings(exportTo).map(([e]) => e);
  if (entries.length === 0) return true;
  return entries.some((e) => e === '*' || e === namespace || (e === '.' && ownNamespace === namespace));
}

/** The namespaces an `exportTo` names explicitly (not `*`, `.` or `~`). */
export function namedExportNamespaces(exportTo: unknown): string[] {
  return strings(exportTo)
    .map(([e]) => e)
    .filter((e) => e !== '*' && e !== '.' && e !== '~');
}

/** Whether a resource is visible to proxies in `namespace` (exportTo; empty means the default `*`). */
export function isVisibleTo(entry: Scoped, namespace: string): boolean {
  return isExportedTo(entry.spec['exportTo'], entry.namespace, namespace);
}

/**
 * Where a resource is exported, as istioctl groups conflicts by it: `['*']` when exported everywhere
 * (no exportTo, or `*` among them), else each namespace it names, with `.` resolved to its own.
 * `~` (ServiceEntry only: exported to nobody) adds none.
 */
export function exportScopes(entry: Scoped): string[] {
  const values = strings(entry.spec['exportTo']).map(([v]) => v);
  if (values.length === 0 || values.includes('*')) return ['*'];
  return [...new Set(values.filter((v) => v !== '~').map((v) => (v === '.' ? entry.namespace : v)))];
}

/**
 * Whether two resources' export scopes make them compete, as istioctl's conflict analyzers decide:
 * a shared namespace, or `*` on one side, when their terms are `exact`ly the same; and a namespace
 * against `*` when the terms merely `overlap` (a wildcard host against a host it covers).
 */
export function scopesCollide(
  a: readonly string[],
  b: readonly string[],
  exact: boolean,
  overlap: boolean,
): boolean {
  return a.some((sa) => b.some((sb) => (sa === sb ? exact : (sa === '*' || sb === '*') && overlap)));
}

/**
 * ServiceEntry hosts that define `host` (wildcard SE hosts match by suffix), most specific first,
 * keeping only entries visible to `fromNamespace` when one is given.
 */
export function serviceEntriesForHost(model: BundleModel, host: string, fromNamespace?: string): HostMatch[] {
  const matches = indexesOf(model).serviceEntries.lookup(host);
  return fromNamespace === undefined ? matches : matches.filter((m) => isVisibleTo(m.entry, fromNamespace));
}

/** The matches Istio would pick for a concrete host: the exact host, else the longest wildcard. */
export function mostSpecific(matches: HostMatch[]): HostMatch[] {
  const first = matches[0]?.host.toLowerCase();
  return matches.filter((m) => m.host.toLowerCase() === first);
}

/** DestinationRules whose host covers `host` (any namespace, any exportTo); short names resolve in `namespace`. */
export function destinationRulesForHost(model: BundleModel, host: string, namespace: string): ModelEntry[] {
  return indexesOf(model).destinationRules.lookup(qualifyHost(host, namespace));
}

/** VirtualServices (any binding, any namespace) whose hosts cover `host`, most specific first. */
export function virtualServicesForHost(model: BundleModel, host: string, namespace: string): ModelEntry[] {
  return [...new Set(indexesOf(model).virtualServices.lookup(qualifyHost(host, namespace)))];
}

/** VirtualServices bound to a resolved gateway reference (`ns/name`, or `mesh`). */
export function virtualServicesBoundTo(model: BundleModel, gateway: string): readonly ModelEntry[] {
  return indexesOf(model).virtualServicesByGateway.get(gateway);
}

/**
 * DestinationRules for `host` that a proxy in `proxyNamespace` may use (ISTIO.md §4.7): those in
 * its own namespace, in the service's namespace, or in the root namespace, each exported to it.
 * The lookup stops at the first non-empty step in Istio; this returns all candidates.
 */
export function destinationRulesOnLookupPath(
  model: BundleModel,
  host: string,
  proxyNamespace: string,
): ModelEntry[] {
  const path = new Set([proxyNamespace, ROOT_NAMESPACE]);
  if (isClusterLocalHost(host)) path.add(namespaceOfClusterHost(host, proxyNamespace));
  else for (const m of serviceEntriesForHost(model, host, proxyNamespace)) path.add(m.entry.namespace);
  return destinationRulesForHost(model, host, proxyNamespace).filter(
    (dr) => path.has(dr.namespace) && isVisibleTo(dr, proxyNamespace),
  );
}

/** The Gateway in the bundle for a resolved `ns/name` reference. */
export function findGateway(model: BundleModel, ref: string): ModelEntry | undefined {
  return indexesOf(model).gateways.get(ref)[0];
}

/** The Kubernetes Gateway API Gateway in the bundle for a resolved `ns/name` reference. */
export function findGatewayApiGateway(model: BundleModel, ref: string): ModelEntry | undefined {
  return indexesOf(model).gatewayApiGateways.get(ref)[0];
}

/** Gateways in the bundle with this name, in any namespace (to explain a short-name mistake). */
export function gatewaysNamed(model: BundleModel, name: string): readonly ModelEntry[] {
  return indexesOf(model).gatewaysByName.get(name);
}

/** Gateways with a server listing `host` (case-insensitive, any `ns/` prefix), in bundle order. */
export function gatewaysServingHost(model: BundleModel, host: string): readonly ModelEntry[] {
  return indexesOf(model).gatewaysByServerHost.get(host.toLowerCase());
}

/** Gateways with a server serving this certificate (a key from `certificateKey` of ./gateway-tls), in bundle order. */
export function gatewaysWithCertificate(model: BundleModel, certificate: string): readonly ModelEntry[] {
  return indexesOf(model).gatewaysByCertificate.get(certificate);
}

/** ServiceEntries listing exactly this host (case-insensitive), in bundle order. */
export function serviceEntriesWithHost(model: BundleModel, host: string): HostMatch[] {
  return indexesOf(model).serviceEntries.exactly(host);
}

/** The Sidecars of a namespace, in bundle order. */
export function sidecarsIn(model: BundleModel, namespace: string): readonly ModelEntry[] {
  return indexesOf(model).sidecarsByNamespace.get(namespace);
}

/** Route and mirror destinations, in any VirtualService, whose host covers or is covered by `host`. */
export function destinationsTo(model: BundleModel, host: string): IndexedDestination[] {
  return indexesOf(model).destinations.lookup(host);
}

/**
 * Mesh rules that send traffic for `host` (a VS host) to an in-cluster Service; those whose Service
 * is an egress gateway are hop 1 of a two-hop route (see gateway-proxies' `gatewayHopsFor`).
 */
export function meshHopsFor(model: BundleModel, host: string): GatewayHop[] {
  return indexesOf(model).gatewayHops.lookup(host);
}

/** One `tls` block of a DestinationRule (top level, port level, or in a subset), with its path. */
export interface TlsBlock {
  tls: Record<string, unknown>;
  path: PathSegment[];
}

/** Every `tls` block of a DestinationRule: its traffic policy, its port-level settings and its subsets'. */
export function destinationRuleTls(dr: Pick<ModelEntry, 'spec'>): TlsBlock[] {
  const out: TlsBlock[] = [];
  const fromPolicy = (policy: unknown, path: PathSegment[]) => {
    const p = record(policy);
    const tls = record(p?.['tls']);
    if (tls) out.push({ tls, path: [...path, 'tls'] });
    for (const [level, i] of records(p?.['portLevelSettings'])) {
      const portTls = record(level['tls']);
      if (portTls) out.push({ tls: portTls, path: [...path, 'portLevelSettings', i, 'tls'] });
    }
  };
  fromPolicy(dr.spec['trafficPolicy'], ['spec', 'trafficPolicy']);
  for (const [subset, i] of records(dr.spec['subsets'])) {
    fromPolicy(subset['trafficPolicy'], ['spec', 'subsets', i, 'trafficPolicy']);
  }
  return out;
}

/** The Kubernetes Service `ns/name` in the bundle, if it holds one. */
export function kubeService(model: BundleModel, namespace: string, name: string): ModelEntry | undefined {
  return indexesOf(model).servicesByName.get(`${namespace}/${name}`)[0];
}

/** The Kubernetes Service a cluster-local host names (`svc.ns.svc.cluster.local`), if the bundle holds it. */
export function kubeServiceForHost(
  model: BundleModel,
  host: string,
  namespace: string,
): ModelEntry | undefined {
  const qualified = qualifyHost(host, namespace);
  if (!isClusterLocalHost(qualified)) return undefined;
  const [name = '', ns = namespace] = qualified.split('.');
  return kubeService(model, ns, name);
}

/** What the design says about the Kubernetes Service an in-cluster host names. */
export interface KubeServiceLookup {
  namespace: string;
  name: string;
  /** The Service, when the design holds it. */
  service: ModelEntry | undefined;
  /** Whether the design holds Services of that namespace (then a Service it lacks is missing). */
  described: boolean;
}

/**
 * The Service a cluster-local host names (short names in `namespace`), with whether the design
 * describes that namespace's Services; undefined for hosts that name no single Service.
 */
export function kubeServiceLookup(
  model: BundleModel,
  host: string,
  namespace: string,
): KubeServiceLookup | undefined {
  const qualified = qualifyHost(host, namespace);
  if (!isClusterLocalHost(qualified) || qualified.startsWith('*')) return undefined;
  const [name = '', ns = namespace] = qualified.split('.');
  const service = kubeService(model, ns, name);
  return {
    namespace: ns,
    name,
    service,
    described: service !== undefined || kubeServicesIn(model, ns).length > 0,
  };
}

/**
 * Whether a Service is visible to proxies in `namespace`: its `networking.istio.io/exportTo`
 * annotation (comma-separated; `.` is its own namespace), every namespace when unset.
 */
export function kubeServiceVisibleTo(service: ModelEntry, namespace: string): boolean {
  const annotation = metadataMap(service, 'annotations')['networking.istio.io/exportTo'];
  if (!annotation) return true;
  return annotation
    .split(',')
    .map((e) => e.trim())
    .some((e) => e === '*' || e === namespace || (e === '.' && service.namespace === namespace));
}

/** Every Kubernetes Service in the bundle, in bundle order within each namespace. */
export function kubeServices(model: BundleModel): ModelEntry[] {
  const index = indexesOf(model).servicesByName;
  return index
    .keys()
    .sort()
    .flatMap((key) => index.get(key));
}

/** Pods and pod controllers of a namespace, in bundle order. */
export function workloadsIn(model: BundleModel, namespace: string): readonly ModelEntry[] {
  return indexesOf(model).workloadsByNamespace.get(namespace);
}

/** Pods and pod controllers, in any namespace, whose pods carry the label `key: value`, namespace by namespace. */
export function workloadsWithLabel(model: BundleModel, key: string, value: string): readonly ModelEntry[] {
  return indexesOf(model).workloadsByLabel.get(`${key}=${value}`);
}

/** Whether the bundle holds any pod or pod controller (a design without them says nothing about pods). */
export function hasWorkloads(model: BundleModel): boolean {
  return indexesOf(model).workloadsByNamespace.keys().length > 0;
}

/** Every pod and pod controller in the bundle, namespace by namespace. */
export function allWorkloads(model: BundleModel): ModelEntry[] {
  const index = indexesOf(model).workloadsByNamespace;
  return index
    .keys()
    .sort()
    .flatMap((ns) => index.get(ns));
}

/**
 * The labels of every pod of the design as Istio gives them to its endpoints (its own, with its
 * node's topology and name: see `endpointLabels`), worked out once per state of the design.
 */
export function allEndpointLabels(model: BundleModel): readonly Record<string, string>[] {
  return derivedFromIndexes(model, 'endpoint-labels', () =>
    allWorkloads(model).map((workload) => {
      const node = podNodeName(workload);
      return endpointLabels(workload, node ? kubeNode(model, node) : undefined);
    }),
  );
}

/** The Secret `ns/name` in the bundle, if it holds one. */
export function kubeSecret(model: BundleModel, namespace: string, name: string): ModelEntry | undefined {
  return indexesOf(model).secretsByName.get(`${namespace}/${name}`)[0];
}

/** The Secrets of a namespace, in bundle order (a design that holds some describes them all). */
export function kubeSecretsIn(model: BundleModel, namespace: string): readonly ModelEntry[] {
  return indexesOf(model).secretsByNamespace.get(namespace);
}

/** Secrets with this name in any namespace, in bundle order. */
export function kubeSecretsNamed(model: BundleModel, name: string): readonly ModelEntry[] {
  return indexesOf(model).secretsByBareName.get(name);
}

/** The Kubernetes Services of a namespace, in bundle order (a design that holds some describes them all). */
export function kubeServicesIn(model: BundleModel, namespace: string): readonly ModelEntry[] {
  return indexesOf(model).servicesByNamespace.get(namespace);
}

/** The Namespace object of this name, if the bundle holds it. */
export function namespaceObject(model: BundleModel, name: string): ModelEntry | undefined {
  return indexesOf(model).namespaceObjectsByName.get(name)[0];
}

/** The Node of this name, if the bundle holds it. */
export function kubeNode(model: BundleModel, name: string): ModelEntry | undefined {
  return indexesOf(model).nodesByName.get(name)[0];
}

/** Every Gateway resource in the bundle, by `ns/name` (bundle order among equal names). */
export function allGateways(model: BundleModel): ModelEntry[] {
  const index = indexesOf(model).gateways;
  return index
    .keys()
    .sort()
    .flatMap((ref) => index.get(ref));
}

/** In-cluster hosts (qualified) that some mesh rule sends traffic to. */
export function hopTargets(model: BundleModel): string[] {
  return indexesOf(model).gatewayHopsByTarget.keys().sort();
}

/** Mesh rules, in any VirtualService, that send traffic to the in-cluster host `host` (qualified). */
export function hopsInto(model: BundleModel, host: string): readonly GatewayHop[] {
  return indexesOf(model).gatewayHopsByTarget.get(host);
}
