/**
 * The lookup indexes of a model: by host (exact and wildcard), by gateway, by namespace. Built once
 * per model. Every read names its key (see ./reads) and every entry records the keys it is filed
 * under, so incremental derivation knows which cached results an edit can affect.
 */
import { isClusterLocalHost, qualifyHost } from './hosts';
import type { BundleModel, ModelEntry } from './model';
import { hostKey, recordHostReads, recordRead, trackReads } from './reads';
import { certificateKey } from './gateway-tls';
import { isGatewayApiGateway } from './kinds';
import { record, records, strings, str } from './read';
import { gatewaysOf, rulesOf, type RouteDestination, type RouteRule } from './routes';
import { kubeListOf, podLabels } from './kube';
import { hostCovers, isWildcardHost } from './values';

/** Files `key` as provided by `owner` (the model entry that put an item there). */
type Provide = (owner: ModelEntry, key: string) => void;

/** Where an entry sits in the bundle, to keep every bucket in bundle order. */
type Position = (owner: ModelEntry) => number;

/** Inserts `item` into a bucket kept in bundle order (after items of the same or earlier entries). */
function insertOrdered<T>(bucket: T[], item: T, ownerOf: (item: T) => ModelEntry, position: Position): void {
  const at = position(ownerOf(item));
  let i = bucket.length;
  while (i > 0 && position(ownerOf(bucket[i - 1]!)) > at) i--;
  bucket.splice(i, 0, item);
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

  /** `name` prefixes the keys this index reads and provides; `ownerOf` names the entry behind an item. */
  constructor(
    private readonly name: string,
    private readonly ownerOf: (item: T) => ModelEntry,
  ) {}

  /** Adds an item under a host (case-insensitive), in bundle order; `provide` records the key. */
  add(host: string, item: T, provide: Provide, position: Position): void {
    const key = host.toLowerCase();
    const wild = isWildcardHost(key);
    const [map, k] = wild ? [this.wildcard, key.slice(1)] : [this.exact, key];
    const bucket = map.get(k);
    if (bucket) insertOrdered(bucket, item, this.ownerOf, position);
    else map.set(k, [item]);
    if (wild && !this.suffixLengths.includes(k.length)) {
      this.suffixLengths = [...this.suffixLengths, k.length].sort((a, b) => b - a);
    }
    provide(this.ownerOf(item), hostKey(this.name, key));
    provide(this.ownerOf(item), `${this.name}*`);
  }

  /** Removes every item of `owner` filed under `host`. */
  remove(host: string, owner: ModelEntry): void {
    const key = host.toLowerCase();
    const [map, k] = isWildcardHost(key) ? [this.wildcard, key.slice(1)] : [this.exact, key];
    const bucket = map.get(k)?.filter((item) => this.ownerOf(item) !== owner);
    if (bucket?.length) map.set(k, bucket);
    else map.delete(k);
  }

  /**
   * Items whose host covers `host`, most specific first (exact, then longer wildcards). For a
   * wildcard query, items whose host overlaps it (this falls back to a scan; wildcard queries are rare).
   */
  lookup(host: string): T[] {
    const key = host.toLowerCase();
    recordHostReads(this.name, key);
    const out: T[] = [];
    const exact = this.exact.get(key);
    if (exact) out.push(...exact);
    for (const length of this.suffixLengths) {
      if (length >= key.length) continue;
      const items = this.wildcard.get(key.slice(key.length - length));
      if (items) out.push(...items);
    }
    if (!isWildcardHost(key)) return out;
    recordRead(`${this.name}*`);
    // Hosts in name order: map order depends on the history of edits, results must not.
    const covered = (k: string) => k !== key && hostCovers(key, k);
    for (const k of [...this.exact.keys()].sort()) if (covered(k)) out.push(...this.exact.get(k)!);
    for (const k of [...this.wildcard.keys()].sort())
      if (k.length > key.length - 1 && covered(`*${k}`)) out.push(...this.wildcard.get(k)!);
    return out;
  }

  /** Items filed under exactly this host (case-insensitive), wildcards only by their own spelling. */
  exactly(host: string): T[] {
    const key = host.toLowerCase();
    recordRead(hostKey(this.name, key));
    return (isWildcardHost(key) ? this.wildcard.get(key.slice(1)) : this.exact.get(key)) ?? [];
  }
}

/** Items under plain string keys (a gateway reference, a namespace), with the same read tracking. */
export class KeyedIndex<T> {
  private readonly items = new Map<string, T[]>();

  constructor(
    private readonly name: string,
    private readonly ownerOf: (item: T) => ModelEntry,
  ) {}

  /** Adds an item under `key`, in bundle order; `provide` records the key. */
  add(key: string, item: T, provide: Provide, position: Position): void {
    const bucket = this.items.get(key);
    if (bucket) insertOrdered(bucket, item, this.ownerOf, position);
    else this.items.set(key, [item]);
    provide(this.ownerOf(item), `${this.name}=${key}`);
    provide(this.ownerOf(item), `${this.name}*`);
  }

  /** Removes every item of `owner` filed under `key`. */
  remove(key: string, owner: ModelEntry): void {
    const bucket = this.items.get(key)?.filter((item) => this.ownerOf(item) !== owner);
    if (bucket?.length) this.items.set(key, bucket);
    else this.items.delete(key);
  }

  /** The items under `key`, in bundle order. */
  get(key: string): readonly T[] {
    recordRead(`${this.name}=${key}`);
    return this.items.get(key) ?? [];
  }

  /** Every key with items. */
  keys(): string[] {
    recordRead(`${this.name}*`);
    return [...this.items.keys()];
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

/** One route or mirror destination of a VirtualService rule. */
export interface IndexedDestination {
  vs: ModelEntry;
  rule: RouteRule;
  destination: RouteDestination;
}

/**
 * A mesh rule that sends a VirtualService's hosts to an in-cluster Service: hop 1 of a two-hop
 * route when that Service is an egress gateway's (see ./gateway-proxies), sidecars sending the VS
 * host's traffic on `sePort` to the gateway's `gwPort`.
 */
export interface GatewayHop {
  vs: ModelEntry;
  /** The in-cluster Service host, qualified. */
  gatewayHost: string;
  sePort: number | undefined;
  gwPort: number | undefined;
  mirror: boolean;
}

/** Every index of a model, and which keys each resource (by its parsed value) is filed under. */
export interface Indexes {
  serviceEntries: HostIndex<HostMatch>;
  destinationRules: HostIndex<ModelEntry>;
  virtualServices: HostIndex<ModelEntry>;
  /** VirtualServices by each `ns/name` gateway (or `mesh`) they bind to. */
  virtualServicesByGateway: KeyedIndex<ModelEntry>;
  gateways: KeyedIndex<ModelEntry>;
  gatewaysByName: KeyedIndex<ModelEntry>;
  /** Gateways by each host their servers list (lower case, with any `ns/` prefix removed). */
  gatewaysByServerHost: KeyedIndex<ModelEntry>;
  /** Gateways by each certificate their servers serve (see ./gateway-tls). */
  gatewaysByCertificate: KeyedIndex<ModelEntry>;
  /** Kubernetes Gateway API Gateways by `ns/name`. */
  gatewayApiGateways: KeyedIndex<ModelEntry>;
  sidecarsByNamespace: KeyedIndex<ModelEntry>;
  /** Pods and pod controllers by namespace. */
  workloadsByNamespace: KeyedIndex<ModelEntry>;
  /** Pods and pod controllers by each label of their pods (`key=value`). */
  workloadsByLabel: KeyedIndex<ModelEntry>;
  /** Kubernetes Services by `ns/name`. */
  servicesByName: KeyedIndex<ModelEntry>;
  /** Kubernetes Services by namespace. */
  servicesByNamespace: KeyedIndex<ModelEntry>;
  /** Secrets by `ns/name`. */
  secretsByName: KeyedIndex<ModelEntry>;
  /** Secrets by namespace. */
  secretsByNamespace: KeyedIndex<ModelEntry>;
  /** Secrets by name alone (to find one in the wrong namespace). */
  secretsByBareName: KeyedIndex<ModelEntry>;
  /** Namespace objects by name. */
  namespaceObjectsByName: KeyedIndex<ModelEntry>;
  /** Nodes by name. */
  nodesByName: KeyedIndex<ModelEntry>;
  /** Route and mirror destinations of every VirtualService, by destination host. */
  destinations: HostIndex<IndexedDestination>;
  /** Mesh rules that send a VirtualService's hosts to an in-cluster Service, by VS host. */
  gatewayHops: HostIndex<GatewayHop>;
  /** Hops that carry traffic (not mirrors), by the qualified in-cluster host they go to. */
  gatewayHopsByTarget: KeyedIndex<GatewayHop>;
  /** Keys each entry is filed under. */
  provided: Map<ModelEntry, string[]>;
  /** Values computed from these indexes (see {@link derivedFromIndexes}), dropped when they change. */
  derived: Map<string, { value: unknown; reads: string[] }>;
}

const cache = new WeakMap<BundleModel, Indexes>();

/** The indexes of a model, built on first use. */
export function indexesOf(model: BundleModel): Indexes {
  let indexes = cache.get(model);
  if (!indexes) {
    indexes = emptyIndexes();
    const position = positionIn(model);
    for (const entry of model.entries) fileEntry(indexes, entry, position);
    cache.set(model, indexes);
  }
  return indexes;
}

/** Makes `view` (a narrowed copy of `model`) answer lookups from the whole model's indexes. */
export function shareIndexes(view: BundleModel, model: BundleModel): void {
  cache.set(view, indexesOf(model));
}

/**
 * Moves the indexes of `previous` to `next`, taking out the `removed` entries and filing the
 * `added` ones, instead of building them again. `previous` then builds its own on next use.
 */
export function carryIndexes(
  previous: BundleModel,
  next: BundleModel,
  removed: readonly ModelEntry[],
  added: readonly ModelEntry[],
): void {
  const indexes = cache.get(previous);
  if (!indexes || cache.has(next)) return;
  cache.delete(previous);
  if (removed.length > 0 || added.length > 0) indexes.derived.clear();
  for (const entry of removed) {
    for (const { index, key } of filingsOf(entry)) indexes[index].remove(key, entry);
    indexes.provided.delete(entry);
  }
  const position = positionIn(next);
  for (const entry of added) fileEntry(indexes, entry, position);
  cache.set(next, indexes);
}

// Bundle positions of a model's entries, built on first use.
const positions = new WeakMap<BundleModel, Map<ModelEntry, number>>();

/** The position of each entry in `model` (entries are unique objects per distinct document text). */
export function positionIn(model: BundleModel): Position {
  let map = positions.get(model);
  if (!map) {
    map = new Map();
    const { entries } = model;
    for (let i = 0; i < entries.length; i++) if (!map.has(entries[i]!)) map.set(entries[i]!, i);
    positions.set(model, map);
  }
  const found = map;
  return (entry) => found.get(entry) ?? -1;
}

type IndexName = Exclude<keyof Indexes, 'provided' | 'derived'>;

/**
 * A value computed from a model's indexes alone, once per state of the indexes (a model and the
 * views that share its indexes get the same one). Each call records the index keys the
 * computation read, so per-subject caches that use the value stay exact.
 */
export function derivedFromIndexes<T>(model: BundleModel, name: string, compute: () => T): T {
  const { derived } = indexesOf(model);
  let found = derived.get(name);
  if (!found) {
    const { value, reads } = trackReads(compute);
    found = { value, reads: [...reads] };
    derived.set(name, found);
  }
  for (const key of found.reads) recordRead(key);
  return found.value as T;
}

/** One item an entry files in one index, under one key. */
interface Filing {
  index: IndexName;
  key: string;
  item: unknown;
}

// What each entry files where; an entry's spec does not change, so this is computed once.
const filings = new WeakMap<ModelEntry, Filing[]>();

function filingsOf(entry: ModelEntry): Filing[] {
  let found = filings.get(entry);
  if (!found) {
    found = [];
    collectFilings(entry, found);
    filings.set(entry, found);
  }
  return found;
}

function fileEntry(indexes: Indexes, entry: ModelEntry, position: Position): void {
  const provide: Provide = (owner, key) => {
    const keys = indexes.provided.get(owner);
    if (keys) keys.push(key);
    else indexes.provided.set(owner, [key]);
  };
  for (const { index, key, item } of filingsOf(entry)) {
    // Each index takes its own item type; filings pair them by construction.
    (indexes[index] as HostIndex<unknown>).add(key, item, provide, position);
  }
}

function emptyIndexes(): Indexes {
  const self = (entry: ModelEntry) => entry;
  const byVs = (item: { vs: ModelEntry }) => item.vs;
  return {
    serviceEntries: new HostIndex<HostMatch>('se', (m) => m.entry),
    destinationRules: new HostIndex('dr', self),
    virtualServices: new HostIndex('vs', self),
    virtualServicesByGateway: new KeyedIndex('vs-gateway', self),
    gateways: new KeyedIndex('gateway', self),
    gatewaysByName: new KeyedIndex('gateway-name', self),
    gatewaysByServerHost: new KeyedIndex('gateway-host', self),
    gatewaysByCertificate: new KeyedIndex('gateway-cert', self),
    gatewayApiGateways: new KeyedIndex('gateway-api', self),
    sidecarsByNamespace: new KeyedIndex('sidecar', self),
    workloadsByNamespace: new KeyedIndex('workload', self),
    workloadsByLabel: new KeyedIndex('workload-label', self),
    servicesByName: new KeyedIndex('service', self),
    servicesByNamespace: new KeyedIndex('service-ns', self),
    secretsByName: new KeyedIndex('secret', self),
    secretsByNamespace: new KeyedIndex('secret-ns', self),
    secretsByBareName: new KeyedIndex('secret-name', self),
    namespaceObjectsByName: new KeyedIndex('namespace', self),
    nodesByName: new KeyedIndex('node', self),
    destinations: new HostIndex<IndexedDestination>('destination', byVs),
    gatewayHops: new HostIndex<GatewayHop>('hop', byVs),
    gatewayHopsByTarget: new KeyedIndex<GatewayHop>('hop-target', byVs),
    provided: new Map(),
    derived: new Map(),
  };
}

function collectFilings(entry: ModelEntry, out: Filing[]): void {
  const file = (index: IndexName, key: string, item: unknown) => out.push({ index, key, item });
  if (isGatewayApiGateway(entry.resource)) {
    file('gatewayApiGateways', `${entry.namespace}/${entry.name}`, entry);
    return;
  }
  switch (entry.resource.kind) {
    case 'ServiceEntry':
      for (const [host, hostIndex] of strings(entry.spec['hosts']))
        file('serviceEntries', host, { entry, host, hostIndex } satisfies HostMatch);
      break;
    case 'DestinationRule': {
      const host = str(entry.spec['host']);
      if (host) file('destinationRules', qualifyHost(host, entry.namespace), entry);
      break;
    }
    case 'VirtualService':
      collectVirtualServiceFilings(entry, file);
      break;
    case 'Gateway': {
      file('gateways', `${entry.namespace}/${entry.name}`, entry);
      file('gatewaysByName', entry.name, entry);
      const hosts = new Set<string>();
      const certificates = new Set<string>();
      for (const [server] of records(entry.spec['servers'])) {
        for (const [raw] of strings(server['hosts']))
          hosts.add(raw.slice(raw.indexOf('/') + 1).toLowerCase());
        const certificate = certificateKey(record(server['tls']));
        if (certificate) certificates.add(certificate);
      }
      for (const host of hosts) file('gatewaysByServerHost', host, entry);
      for (const certificate of certificates) file('gatewaysByCertificate', certificate, entry);
      break;
    }
    case 'Sidecar':
      file('sidecarsByNamespace', entry.namespace, entry);
      break;
    default:
      collectKubeFilings(entry, file);
  }
}

function collectKubeFilings(
  entry: ModelEntry,
  file: (index: IndexName, key: string, item: unknown) => void,
): void {
  switch (kubeListOf(entry.resource.group, entry.resource.kind)) {
    case 'workloads':
      file('workloadsByNamespace', entry.namespace, entry);
      for (const [key, value] of Object.entries(podLabels(entry)))
        file('workloadsByLabel', `${key}=${value}`, entry);
      break;
    case 'services':
      file('servicesByName', `${entry.namespace}/${entry.name}`, entry);
      file('servicesByNamespace', entry.namespace, entry);
      break;
    case 'secrets':
      file('secretsByName', `${entry.namespace}/${entry.name}`, entry);
      file('secretsByNamespace', entry.namespace, entry);
      file('secretsByBareName', entry.name, entry);
      break;
    case 'namespaceObjects':
      file('namespaceObjectsByName', entry.name, entry);
      break;
    case 'nodes':
      file('nodesByName', entry.name, entry);
      break;
  }
}

function collectVirtualServiceFilings(
  vs: ModelEntry,
  file: (index: IndexName, key: string, item: unknown) => void,
): void {
  const hosts = strings(vs.spec['hosts']).map(([host]) => host);
  for (const host of hosts) file('virtualServices', qualifyHost(host, vs.namespace), vs);
  for (const gateway of new Set(gatewaysOf(vs))) file('virtualServicesByGateway', gateway, vs);
  for (const rule of rulesOf(vs)) {
    for (const destination of rule.destinations) {
      file('destinations', destination.host, { vs, rule, destination } satisfies IndexedDestination);
      if (!isClusterLocalHost(destination.host)) continue;
      for (const match of rule.matches) {
        if (!match.gateways.includes('mesh')) continue;
        const hop: GatewayHop = {
          vs,
          gatewayHost: qualifyHost(destination.host, vs.namespace),
          sePort: match.port,
          gwPort: destination.port,
          mirror: destination.mirror,
        };
        for (const host of hosts) file('gatewayHops', host, hop);
        if (!destination.mirror) file('gatewayHopsByTarget', hop.gatewayHost, hop);
      }
    }
  }
}
