/**
 * The lookup indexes of a model: by host (exact and wildcard), by gateway, by namespace. Built once
 * per model. Every read names its key (see ./reads) and every entry records the keys it is filed
 * under, so incremental derivation knows which cached results an edit can affect.
 */
import { isClusterLocalHost, qualifyHost } from './hosts';
import type { BundleModel, ModelEntry } from './model';
import { HostIndex, KeyedIndex, type Position, type Provide } from './lookup-index';
import { readsAnyOf, recordGroup, trackReads, type ReadGroup } from './reads';
import { certificateKey } from './gateway-tls';
import { isGatewayApiGateway } from './kinds';
import { record, records, strings, str } from './read';
import { gatewaysOf, rulesOf, type RouteDestination, type RouteRule } from './routes';
import { kubeListOf, podLabels } from './kube';

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
  /**
   * Values computed from these indexes (see {@link derivedFromIndexes}), by name then argument by
   * argument; after an edit, those it can affect are dropped ({@link pruneDerived}).
   */
  derived: Map<string, Asked>;
}

/** A value computed from the indexes, with what it read. */
interface Derived {
  value: unknown;
  reads: ReadGroup;
}

/** One step down a question's arguments: the answer for the arguments so far, and the next ones. */
interface Asked {
  answer?: Derived;
  next?: Map<string | number | undefined, Asked>;
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
 * `added` ones, instead of building them again. `previous` then builds its own on next use. The
 * values derived from the indexes move too: the caller drops those the change affects with
 * {@link pruneDerived}.
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

/**
 * After an edit that added, removed or changed entries filed under the keys `dirty`: drops the
 * values derived from `model`'s indexes that read one of them. A value asked without arguments
 * (one per design: the gateway deployments, ...) is kept when it read none, so an edit elsewhere
 * does not work it out again; values asked with arguments (one per host or namespace, many and
 * each cheap) are all dropped.
 */
export function pruneDerived(model: BundleModel, dirty: ReadonlySet<string>): void {
  const { derived } = indexesOf(model);
  for (const [name, asked] of derived) {
    const answer = asked.answer;
    if (answer && !readsAnyOf(answer.reads, dirty)) derived.set(name, { answer });
    else derived.delete(name);
  }
}

type IndexName = Exclude<keyof Indexes, 'provided' | 'derived'>;

/**
 * A value computed from a model's indexes alone, once per state of the indexes (a model and the
 * views that share its indexes get the same one). Each call records the index keys the
 * computation read, so per-subject caches that use the value stay exact.
 */
export function derivedFromIndexes<T>(model: BundleModel, name: string, compute: () => T): T {
  return derivedPer(model, name, [], compute);
}

/**
 * {@link derivedFromIndexes} for a question with arguments (a host, a namespace): one value per
 * distinct `args`, so the resources that ask the same question share one answer instead of each
 * scanning what the indexes hold for it.
 */
export function derivedPer<T>(
  model: BundleModel,
  name: string,
  args: readonly (string | number | undefined)[],
  compute: () => T,
): T {
  // Hundreds of thousands of questions are asked in a large design: looked up argument by argument
  // (the model's own strings, whose hashes the engine keeps), no key is built or hashed per question.
  const { derived } = indexesOf(model);
  let at: Asked | undefined = derived.get(name);
  if (!at) derived.set(name, (at = {}));
  for (const arg of args) {
    const next: Map<string | number | undefined, Asked> = (at.next ??= new Map());
    let child: Asked | undefined = next.get(arg);
    if (!child) next.set(arg, (child = {}));
    at = child;
  }
  const answer = (at.answer ??= trackReads(compute));
  // The caller read what the value was computed from: its group, shared rather than copied.
  recordGroup(answer.reads);
  return answer.value as T;
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
