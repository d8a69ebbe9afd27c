/**
 * Shared lookups for the cross-resource analyzers and the graph: who can see a resource (exportTo),
 * which ServiceEntries and DestinationRules define a host, which gateways a VirtualService binds
 * and where its rules apply (ISTIO.md §4.2, §4.3, §4.7). Indexes are built once per model and keyed
 * by host, so lookups cost a few map reads instead of a scan of the bundle.
 */
import type { PathSegment } from '../bundle';
import { isClusterLocalHost, namespaceOfClusterHost, qualifyHost } from './hosts';
import { derivedPer, indexesOf, type GatewayHop, type HostMatch, type IndexedDestination } from './indexes';
import { ROOT_NAMESPACE } from './kinds';
import type { BundleModel, ModelEntry } from './model';
import { record, records, strings } from './read';
import type { Scoped } from './routes';
import { exportIndexOf } from './export-index';

export type { GatewayHop, HostMatch, IndexedDestination } from './indexes';
export { exportAudience, exportIndexOf } from './export-index';
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
export {
  allEndpointLabels,
  allWorkloads,
  hasWorkloads,
  kubeNode,
  kubeSecret,
  kubeSecretsIn,
  kubeSecretsNamed,
  kubeService,
  kubeServiceForHost,
  kubeServiceLookup,
  kubeServices,
  kubeServicesIn,
  kubeServiceVisibleTo,
  namespaceObject,
  workloadsIn,
  workloadsWithLabel,
  type KubeServiceLookup,
} from './kube-lookups';

/**
 * Whether a resource in `ownNamespace` with the given `exportTo` is visible to `namespace`
 * (ISTIO.md §4.2): an empty list means the mesh default `*`; `.` is the own namespace; `~` hides it.
 */
export function isExportedTo(exportTo: unknown, ownNamespace: string, namespace: string): boolean {
  // Read in place, with no list built: this runs for every candidate of every lookup.
  if (!Array.isArray(exportTo)) return true;
  let named = false;
  for (const e of exportTo as unknown[]) {
    if (typeof e !== 'string') continue;
    if (e === '*' || e === namespace || (e === '.' && ownNamespace === namespace)) return true;
    named = true;
  }
  return !named;
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
 * keeping only entries visible to `fromNamespace` when one is given. Worked out once per host and
 * namespace while the indexes stay as they are; the list is shared, do not mutate it.
 */
export function serviceEntriesForHost(
  model: BundleModel,
  host: string,
  fromNamespace?: string,
): readonly HostMatch[] {
  const matches = indexesOf(model).serviceEntries.lookup(host);
  if (fromNamespace === undefined) return matches;
  return exportIndexOf(matches, (m) => m.entry).visibleTo(fromNamespace);
}

/**
 * {@link mostSpecific} of the ServiceEntries visible to `namespace` for `host`, once per host and
 * namespace (a shared list).
 */
export function mostSpecificServiceEntries(
  model: BundleModel,
  host: string,
  namespace: string,
): readonly HostMatch[] {
  return derivedPer(model, 'se-specific', [host.toLowerCase(), namespace], () =>
    mostSpecific(serviceEntriesForHost(model, host, namespace)),
  );
}

/** The matches Istio would pick for a concrete host: the exact host, else the longest wildcard. */
export function mostSpecific(matches: readonly HostMatch[]): HostMatch[] {
  const first = matches[0]?.host.toLowerCase();
  return matches.filter((m) => m.host.toLowerCase() === first);
}

/** DestinationRules whose host covers `host` (any namespace, any exportTo); short names resolve in `namespace`. */
export function destinationRulesForHost(
  model: BundleModel,
  host: string,
  namespace: string,
): readonly ModelEntry[] {
  return indexesOf(model).destinationRules.lookup(qualifyHost(host, namespace));
}

/** VirtualServices (any binding, any namespace) whose hosts cover `host`, most specific first (a shared list). */
export function virtualServicesForHost(
  model: BundleModel,
  host: string,
  namespace: string,
): readonly ModelEntry[] {
  const qualified = qualifyHost(host, namespace);
  const found = indexesOf(model).virtualServices.lookup(qualified);
  return derivedPer(model, 'vs-host', [qualified.toLowerCase()], () => [...new Set(found)]);
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
): readonly ModelEntry[] {
  // Once per host and proxy namespace: every route to a host asks the same question.
  return derivedPer(model, 'dr-path', [host, proxyNamespace], () => {
    const path = new Set([proxyNamespace, ROOT_NAMESPACE]);
    if (isClusterLocalHost(host)) path.add(namespaceOfClusterHost(host, proxyNamespace));
    else for (const m of serviceEntriesForHost(model, host, proxyNamespace)) path.add(m.entry.namespace);
    const rules = destinationRulesForHost(model, host, proxyNamespace);
    return exportIndexOf(rules, (dr) => dr)
      .visibleTo(proxyNamespace)
      .filter((dr) => path.has(dr.namespace));
  });
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
export function serviceEntriesWithHost(model: BundleModel, host: string): readonly HostMatch[] {
  return indexesOf(model).serviceEntries.exactly(host);
}

/** The Sidecars of a namespace, in bundle order. */
export function sidecarsIn(model: BundleModel, namespace: string): readonly ModelEntry[] {
  return indexesOf(model).sidecarsByNamespace.get(namespace);
}

/** Route and mirror destinations, in any VirtualService, whose host covers or is covered by `host`. */
export function destinationsTo(model: BundleModel, host: string): readonly IndexedDestination[] {
  return indexesOf(model).destinations.lookup(host);
}

/**
 * Mesh rules that send traffic for `host` (a VS host) to an in-cluster Service; those whose Service
 * is an egress gateway are hop 1 of a two-hop route (see gateway-proxies' `gatewayHopsFor`).
 */
export function meshHopsFor(model: BundleModel, host: string): readonly GatewayHop[] {
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
