import type { Bundle } from '../bundle';
import { ROOT_NAMESPACE } from '../istio/kinds';
import { record, strings } from '../istio/read';
import { buildModel, type BundleModel, type ModelEntry } from '../istio/model';
import { LATEST_ISTIO_VERSION, type IstioVersion } from '../istio/releases';
import { trackReads } from '../istio/reads';
import { changedKeys, stillValid, type SubjectMemo } from '../istio/subjects';
import {
  destinationRulesForHost,
  gatewayHopHosts,
  isClusterLocalHost,
  isMeshBound,
  namedExportNamespaces,
  serviceEntriesForHost,
  sidecarsIn,
  virtualServicesBoundTo,
} from '../istio/visibility';
import { GraphBuilder, GraphRecording } from './builder';
import {
  ANY_NAMESPACE,
  connectGateway,
  connectHost,
  resourcesForHost,
  type EgressGatewayInfo,
} from './connect';
import { layoutGraph } from './layout';
import type { EgressGraph } from './types';

/** What one graph derivation keeps for the next, per external host and per egress gateway. */
export interface GraphMemo {
  /** Target release, clients, outbound modes and gateways the cached parts were drawn for. */
  context: string;
  hosts: SubjectMemo<GraphRecording, string>;
  gateways: SubjectMemo<GraphRecording, string>;
}

/** An empty memo for {@link deriveGraph}. */
export function createGraphMemo(): GraphMemo {
  return {
    context: '',
    hosts: { model: undefined, results: new Map(), recomputed: 0 },
    gateways: { model: undefined, results: new Map(), recomputed: 0 },
  };
}

/**
 * Derives the egress graph of a bundle as the `target` Istio release (default the newest) routes
 * it: for every client namespace, what its sidecar reaches directly, what goes through an egress
 * gateway, and what the outbound policy or exportTo blocks. Node ids are built from namespaces and
 * hosts, so they stay stable across edits. Deterministic. With a memo from the previous
 * derivation, only the hosts and gateways an edit can affect are drawn again.
 */
export function deriveGraph(
  bundle: Bundle,
  memo: GraphMemo = createGraphMemo(),
  target: IstioVersion = LATEST_ISTIO_VERSION,
): EgressGraph {
  const model = buildModel(bundle);
  const gateways = findEgressGateways(model);
  const clients = clientNamespaces(model);
  const hosts = externalHosts(model);
  const modes = clients.map((namespace) => outboundModeFor(model, namespace));
  const context = JSON.stringify([target, clients, modes, gateways]);
  const sameContext = context === memo.context;

  // One part per external host: its node, then what each client namespace's sidecar does with it.
  const hostParts = reuseOrDraw(memo.hosts, model, sameContext, hosts, (host) => {
    const owns = `external:${host}`;
    const part = new GraphRecording(owns);
    part.node(owns, 'external-service', host, resourcesForHost(model, host));
    clients.forEach((namespace, i) => connectHost(model, part, gateways, namespace, host, modes[i]!, target));
    return part;
  });
  const gatewayParts = reuseOrDraw(
    memo.gateways,
    model,
    sameContext,
    gateways.map((g) => g.id),
    (_id, i) => {
      const part = new GraphRecording();
      connectGateway(model, part, gateways[i]!);
      return part;
    },
  );
  memo.context = context;

  const shared = new Set<string>();
  for (const part of hostParts) for (const target of part.sharedTargets) shared.add(target);
  for (const part of gatewayParts) for (const target of part.sharedTargets) shared.add(target);
  const builder = new GraphBuilder(shared);
  builder.node(
    'mesh-policy',
    'mesh-policy',
    model.meshMode,
    model.meshSource ? [model.meshSource.resource.ref] : [],
  );
  for (const gateway of gateways) {
    const resources = [
      ...gateway.refs.map((r) => `Gateway/${r}`),
      ...destinationRulesForHost(model, gateway.serviceHost, gateway.namespace).map((dr) => dr.ref),
    ];
    builder.node(gateway.id, 'egress-gateway', gateway.id.slice('egress-gateway:'.length), resources);
  }
  // A client namespace's node edits its Namespace object, when the bundle has one.
  const namespaceObjects = new Map<string, string[]>();
  for (const resource of model.others) {
    if (resource.kind !== 'Namespace' || !resource.name) continue;
    namespaceObjects.set(resource.name, [...(namespaceObjects.get(resource.name) ?? []), resource.ref]);
  }
  clients.forEach((namespace, i) => {
    const workload = `workload:${namespace}`;
    const sidecar = `sidecar:${namespace}`;
    const label = namespace === ANY_NAMESPACE ? 'any namespace' : namespace;
    builder.node(workload, 'workload', label, namespaceObjects.get(namespace) ?? []);
    builder.node(
      sidecar,
      'sidecar',
      label,
      sidecarsIn(model, namespace).map((s) => s.ref),
    );
    builder.edge(workload, sidecar, 'workload', 'outbound', {});
    builder.edge('mesh-policy', sidecar, 'policy', modes[i]!, {});
  });
  for (const part of hostParts) part.replay(builder);
  for (const part of gatewayParts) part.replay(builder);
  return layoutGraph(builder.build());
}

/** Each subject's cached part when nothing it read changed, else a fresh one; the memo keeps this run's. */
function reuseOrDraw<T>(
  memo: SubjectMemo<T, string>,
  model: BundleModel,
  sameContext: boolean,
  subjects: string[],
  draw: (subject: string, index: number) => T,
): T[] {
  const dirty = sameContext ? changedKeys(memo.model, model) : 'all';
  const results: SubjectMemo<T, string>['results'] = new Map();
  let recomputed = 0;
  const parts = subjects.map((subject, i) => {
    const cached = memo.results.get(subject);
    let result = stillValid(cached, dirty) ? cached! : undefined;
    if (!result) {
      const { value, reads } = trackReads(() => draw(subject, i));
      result = { value, reads: [...reads] };
      recomputed++;
    }
    results.set(subject, result);
    return result.value;
  });
  memo.model = model;
  memo.results = results;
  memo.recomputed = recomputed;
  return parts;
}

/** The outbound mode a namespace's sidecars use: its Sidecar, the root namespace's, or the mesh's. */
function outboundModeFor(model: BundleModel, namespace: string): string {
  for (const ns of [namespace, ROOT_NAMESPACE]) {
    const sidecar = sidecarsIn(model, ns).find((s) => !record(s.spec['workloadSelector']));
    const mode = record(sidecar?.spec['outboundTrafficPolicy'])?.['mode'];
    if (typeof mode === 'string') return mode;
  }
  return model.meshMode;
}

// What one entry contributes to the client namespaces and the external hosts; its spec never
// changes, so this is read once per entry rather than on every derivation.
const entryFacts = new WeakMap<
  ModelEntry,
  { namespaces: string[]; hosts: string[]; unregistered: string[] }
>();

function factsOf(entry: ModelEntry): { namespaces: string[]; hosts: string[]; unregistered: string[] } {
  let facts = entryFacts.get(entry);
  if (!facts) {
    const kind = entry.resource.kind;
    const hosts = strings(entry.spec['hosts']).map(([h]) => h);
    facts = {
      namespaces:
        kind === 'Gateway' ? [] : [entry.namespace, ...namedExportNamespaces(entry.spec['exportTo'])],
      // ServiceEntry hosts outside the cluster are drawn as external services.
      hosts:
        kind === 'ServiceEntry' && entry.spec['location'] !== 'MESH_INTERNAL'
          ? hosts.filter((h) => !isClusterLocalHost(h))
          : [],
      // Hosts a mesh VirtualService routes: drawn too when no ServiceEntry defines them.
      unregistered:
        kind === 'VirtualService' && isMeshBound(entry)
          ? hosts.filter((h) => h !== '*' && !isClusterLocalHost(h))
          : [],
    };
    entryFacts.set(entry, facts);
  }
  return facts;
}

function clientNamespaces(model: BundleModel): string[] {
  const found = new Set<string>();
  for (const entry of model.entries) for (const ns of factsOf(entry).namespaces) found.add(ns);
  for (const ns of model.namespaces) found.add(ns);
  found.delete(ROOT_NAMESPACE);
  return found.size > 0 ? [...found].sort() : [ANY_NAMESPACE];
}

function externalHosts(model: BundleModel): string[] {
  const hosts = new Set<string>();
  for (const entry of model.entries) for (const host of factsOf(entry).hosts) hosts.add(host);
  for (const entry of model.entries) {
    for (const host of factsOf(entry).unregistered) {
      if (!hosts.has(host) && serviceEntriesForHost(model, host).length === 0) hosts.add(host);
    }
  }
  return [...hosts].sort();
}

function findEgressGateways(model: BundleModel): EgressGatewayInfo[] {
  const byId = new Map<string, EgressGatewayInfo>();
  const add = (serviceHost: string, ref?: string): void => {
    const [service = serviceHost, namespace = ROOT_NAMESPACE] = serviceHost.split('.');
    const id = `egress-gateway:${service}`;
    const info = byId.get(id) ?? {
      id,
      serviceHost: `${service}.${namespace}.svc.cluster.local`,
      namespace,
      refs: [],
    };
    if (ref && !info.refs.includes(ref)) info.refs.push(ref);
    byId.set(id, info);
  };
  for (const gateway of model.gateways) {
    const selector = record(gateway.spec['selector']) ?? {};
    const values = Object.values(selector).map(String);
    const isEgress = values.some((v) => v.includes('egress')) || gateway.name.includes('egress');
    const usedForEgress = virtualServicesBoundTo(model, `${gateway.namespace}/${gateway.name}`).some(
      isMeshBound,
    );
    if (!isEgress && !usedForEgress) continue;
    const service =
      typeof selector['istio'] === 'string'
        ? `istio-${selector['istio']}`
        : String(selector['app'] ?? gateway.name);
    add(`${service}.${gateway.namespace}`, `${gateway.namespace}/${gateway.name}`);
  }
  for (const host of gatewayHopHosts(model).sort()) add(host);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
