/**
 * Shared lookups for the cross-resource analyzers and the graph: who can see a resource (exportTo),
 * which ServiceEntries and DestinationRules define a host, which gateways a VirtualService binds
 * and where its rules apply (ISTIO.md §4.2, §4.3, §4.7). Indexes are built once per model and keyed
 * by host, so lookups cost a few map reads instead of a scan of the bundle.
 */
import type { PathSegment } from '../bundle';
import { ROOT_NAMESPACE } from './kinds';
import type { BundleModel, ModelEntry } from './model';
import { num, record, records, str, strings } from './read';
import { hostCovers, isWildcardHost } from './values';

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

/** True for hosts that name in-cluster Kubernetes services rather than external ones. */
export function isClusterLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h.endsWith('.svc.cluster.local') || h.endsWith('.svc') || !h.includes('.');
}

/** The namespace and spec of a resource: all that visibility needs. */
export type Scoped = Pick<ModelEntry, 'namespace' | 'spec'>;

/** Whether a resource is visible to proxies in `namespace` (exportTo; empty means the default `*`). */
export function isVisibleTo(entry: Scoped, namespace: string): boolean {
  return isExportedTo(entry.spec['exportTo'], entry.namespace, namespace);
}

/** Where a resource is visible: everywhere, or a set of namespaces (empty for `~`). */
export interface ExportScope {
  everywhere: boolean;
  namespaces: ReadonlySet<string>;
}

/** The export scope of a resource, with `.` resolved to its own namespace. */
export function exportScope(entry: Scoped): ExportScope {
  const values = strings(entry.spec['exportTo']).map(([v]) => v);
  if (values.length === 0 || values.includes('*')) return { everywhere: true, namespaces: new Set() };
  const namespaces = new Set(values.filter((v) => v !== '~').map((v) => (v === '.' ? entry.namespace : v)));
  return { everywhere: false, namespaces };
}

/** Whether two export scopes share at least one namespace. */
export function scopesOverlap(a: ExportScope, b: ExportScope): boolean {
  if (a.everywhere) return b.everywhere || b.namespaces.size > 0;
  if (b.everywhere) return a.namespaces.size > 0;
  return [...a.namespaces].some((ns) => b.namespaces.has(ns));
}

/**
 * Items keyed by host. Exact hosts sit in one map and wildcards in another, keyed by the suffix
 * after `*`, so looking up a concrete name costs one read per character instead of a scan.
 */
export class HostIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly wildcard = new Map<string, T[]>();
  /** Lengths of the wildcard suffixes present, longest first: the only slices worth looking up. */
  private suffixLengths: number[] = [];

  /** Adds an item under a host (case-insensitive). */
  add(host: string, item: T): void {
    const key = host.toLowerCase();
    const wild = isWildcardHost(key);
    const [map, k] = wild ? [this.wildcard, key.slice(1)] : [this.exact, key];
    const bucket = map.get(k);
    if (bucket) bucket.push(item);
    else map.set(k, [item]);
    if (wild && !this.suffixLengths.includes(k.length)) {
      this.suffixLengths = [...this.suffixLengths, k.length].sort((a, b) => b - a);
    }
  }

  /**
   * Items whose host covers `host`, most specific first (exact, then longer wildcards). For a
   * wildcard query, items whose host overlaps it (this falls back to a scan; wildcard queries are rare).
   */
  lookup(host: string): T[] {
    const key = host.toLowerCase();
    const out: T[] = [];
    const exact = this.exact.get(key);
    if (exact) out.push(...exact);
    for (const length of this.suffixLengths) {
      if (length >= key.length) continue;
      const items = this.wildcard.get(key.slice(key.length - length));
      if (items) out.push(...items);
    }
    if (!isWildcardHost(key)) return out;
    const covered = (k: string) => k !== key && hostCovers(key, k);
    for (const [k, items] of this.exact) if (covered(k)) out.push(...items);
    for (const [k, items] of this.wildcard)
      if (k.length > key.length - 1 && covered(`*${k}`)) out.push(...items);
    return out;
  }
}

/** One host of one ServiceEntry that matched a lookup. */
export interface HostMatch {
  entry: ModelEntry;
  /** The host as the ServiceEntry writes it. */
  host: string;
  /** Its index in `spec.hosts`. */
  hostIndex: number;
}

interface Indexes {
  serviceEntries: HostIndex<HostMatch>;
  destinationRules: HostIndex<ModelEntry>;
  virtualServices: HostIndex<ModelEntry>;
  /** VirtualServices by each `ns/name` gateway (or `mesh`) they bind to. */
  virtualServicesByGateway: Map<string, ModelEntry[]>;
  gateways: Map<string, ModelEntry>;
  gatewaysByName: Map<string, ModelEntry[]>;
}

const cache = new WeakMap<BundleModel, Indexes>();

function indexesOf(model: BundleModel): Indexes {
  let indexes = cache.get(model);
  if (indexes) return indexes;
  indexes = {
    serviceEntries: new HostIndex(),
    destinationRules: new HostIndex(),
    virtualServices: new HostIndex(),
    virtualServicesByGateway: new Map(),
    gateways: new Map(),
    gatewaysByName: new Map(),
  };
  for (const entry of model.serviceEntries) {
    for (const [host, hostIndex] of strings(entry.spec['hosts'])) {
      indexes.serviceEntries.add(host, { entry, host, hostIndex });
    }
  }
  for (const dr of model.destinationRules) {
    const host = str(dr.spec['host']);
    if (host) indexes.destinationRules.add(qualifyHost(host, dr.namespace), dr);
  }
  for (const vs of model.virtualServices) {
    for (const [host] of strings(vs.spec['hosts']))
      indexes.virtualServices.add(qualifyHost(host, vs.namespace), vs);
    for (const gateway of gatewaysOf(vs)) {
      const bound = indexes.virtualServicesByGateway.get(gateway);
      if (bound) bound.push(vs);
      else indexes.virtualServicesByGateway.set(gateway, [vs]);
    }
  }
  for (const gateway of model.gateways) {
    indexes.gateways.set(`${gateway.namespace}/${gateway.name}`, gateway);
    const named = indexes.gatewaysByName.get(gateway.name);
    if (named) named.push(gateway);
    else indexes.gatewaysByName.set(gateway.name, [gateway]);
  }
  cache.set(model, indexes);
  return indexes;
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

/**
 * A Kubernetes service name in its full form (`svc` and `svc.ns.svc` → `svc.ns.svc.cluster.local`),
 * with short names taken relative to `namespace`; other hosts unchanged.
 */
export function qualifyHost(host: string, namespace: string): string {
  if (!isClusterLocalHost(host) || isWildcardHost(host)) return host;
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h.includes('.')) return `${h}.${namespace}.svc.cluster.local`;
  return h.endsWith('.svc') ? `${h}.cluster.local` : h;
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
export function virtualServicesBoundTo(model: BundleModel, gateway: string): ModelEntry[] {
  return indexesOf(model).virtualServicesByGateway.get(gateway) ?? [];
}

/** The namespace a Kubernetes service name lives in: `svc.ns.svc...` → ns; a short name → `fallback`. */
export function namespaceOfClusterHost(host: string, fallback: string): string {
  const labels = host.split('.');
  return labels.length >= 2 ? labels[1]! : fallback;
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

// --- Gateways and VirtualService rules ---------------------------------------------------------

/**
 * A VS `gateways` entry as `ns/name`, or `mesh`. Short names resolve to the VS namespace; the legacy
 * `name.ns.svc.cluster.local` form names `ns/name`.
 */
export function resolveGatewayRef(ref: string, namespace: string): string {
  if (ref === 'mesh' || ref.includes('/')) return ref;
  const [name, ns] = ref.split('.');
  return ns ? `${ns}/${name!}` : `${namespace}/${ref}`;
}

/** The gateways a VirtualService binds to, resolved; an empty list means `mesh` alone. */
export function gatewaysOf(vs: Scoped): string[] {
  const refs = strings(vs.spec['gateways']).map(([ref]) => resolveGatewayRef(ref, vs.namespace));
  return refs.length > 0 ? refs : ['mesh'];
}

/** True when sidecars apply the VirtualService (no gateways, or `mesh` among them). */
export function isMeshBound(vs: Scoped): boolean {
  return gatewaysOf(vs).includes('mesh');
}

/** The Gateway in the bundle for a resolved `ns/name` reference. */
export function findGateway(model: BundleModel, ref: string): ModelEntry | undefined {
  return indexesOf(model).gateways.get(ref);
}

/** Gateways in the bundle with this name, in any namespace (to explain a short-name mistake). */
export function gatewaysNamed(model: BundleModel, name: string): ModelEntry[] {
  return indexesOf(model).gatewaysByName.get(name) ?? [];
}

/** The namespace part of a resolved gateway reference (where its proxies usually run). */
export function gatewayNamespace(ref: string): string {
  return ref.slice(0, ref.indexOf('/'));
}

/** True for the egress gateway's Kubernetes Service (`istio-egressgateway.istio-system.svc...`). */
export function isEgressGatewayHost(host: string): boolean {
  const h = host.toLowerCase();
  return isClusterLocalHost(h) && /egress-?gateway/.test(h.split('.')[0]!);
}

/** One `destination` of a route or mirror, with its path from the resource root. */
export interface RouteDestination {
  host: string;
  port: number | undefined;
  subset: string | undefined;
  path: PathSegment[];
  mirror: boolean;
}

/** One http, tls or tcp rule of a VirtualService and where it applies. */
export interface RouteRule {
  kind: 'http' | 'tls' | 'tcp';
  path: PathSegment[];
  rule: Record<string, unknown>;
  /** Per match (one entry with no port when the rule has none): the gateways it applies at, and its port. */
  matches: { gateways: string[]; port: number | undefined }[];
  /** Every gateway (or `mesh`) where some match of the rule applies. */
  gateways: Set<string>;
  destinations: RouteDestination[];
}

function destinationOf(value: unknown, path: PathSegment[], mirror: boolean): RouteDestination[] {
  const destination = record(value);
  const host = str(destination?.['host']);
  if (!destination || !host) return [];
  const port = num(record(destination['port'])?.['number']);
  return [{ host, port, subset: str(destination['subset']), path, mirror }];
}

/**
 * The rules of a VirtualService. A match's `gateways` narrows the VS gateways; a match without
 * them applies wherever the VS is bound. A match naming a gateway the VS is not bound to applies nowhere.
 * The result is cached per spec object and shared between callers: do not mutate it.
 */
export function rulesOf(vs: Scoped): RouteRule[] {
  const cached = rulesCache.get(vs.spec);
  if (cached?.namespace === vs.namespace) return cached.rules;
  const rules = readRules(vs);
  rulesCache.set(vs.spec, { namespace: vs.namespace, rules });
  return rules;
}

// Several analyzers walk the same rules; the spec object is stable while its document text is.
const rulesCache = new WeakMap<object, { namespace: string; rules: RouteRule[] }>();

function readRules(vs: Scoped): RouteRule[] {
  const bound = gatewaysOf(vs);
  const out: RouteRule[] = [];
  for (const kind of ['http', 'tls', 'tcp'] as const) {
    for (const [rule, i] of records(vs.spec[kind])) {
      const path: PathSegment[] = ['spec', kind, i];
      const matchList = records(rule['match']);
      const matches = (matchList.length > 0 ? matchList.map(([m]) => m) : [{}]).map((m) => {
        const named = strings(m['gateways']).map(([g]) => resolveGatewayRef(g, vs.namespace));
        return {
          gateways: named.length > 0 ? named.filter((g) => bound.includes(g)) : bound,
          port: num(m['port']),
        };
      });
      const destinations: RouteDestination[] = [];
      for (const [route, r] of records(rule['route'])) {
        destinations.push(
          ...destinationOf(route['destination'], [...path, 'route', r, 'destination'], false),
        );
      }
      destinations.push(...destinationOf(rule['mirror'], [...path, 'mirror'], true));
      for (const [mirror, m] of records(rule['mirrors'])) {
        destinations.push(
          ...destinationOf(mirror['destination'], [...path, 'mirrors', m, 'destination'], true),
        );
      }
      out.push({
        kind,
        path,
        rule,
        matches,
        gateways: new Set(matches.flatMap((m) => m.gateways)),
        destinations,
      });
    }
  }
  return out;
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
