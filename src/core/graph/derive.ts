import type { Bundle } from '../bundle';
import { ROOT_NAMESPACE } from '../istio/kinds';
import { record, strings } from '../istio/read';
import { buildModel, type BundleModel, type ModelEntry } from '../istio/model';
import { LATEST_ISTIO_VERSION, type IstioVersion } from '../istio/releases';
import { trackReads } from '../istio/reads';
import { changedKeys, stillValid, type SubjectMemo } from '../istio/subjects';
import { gatewayHopsFor, gatewayProxies } from '../istio/gateway-proxies';
import { isNetworkingKind } from '../istio/kinds';
import {
  destinationRulesForHost,
  isClusterLocalHost,
  isMeshBound,
  namedExportNamespaces,
  qualifyHost,
  serviceEntriesForHost,
  sidecarsIn,
} from '../istio/visibility';
import { GraphBuilder, GraphRecording } from './builder';
import { ANY_NAMESPACE, connectOtherHosts } from './connect';
import { connectHostFor } from './namespace-classes';
import { connectGateway } from './connect-gateway';
import { HostAudience } from './host-audience';
import { resourcesForHost } from './edges';
import { OTHER_HOSTS_ID } from './types';
import { createLayoutMemo, type LayoutMemo } from './layout';
import { needsAggregation } from './aggregate';
import type { EgressGraph } from './types';

/** What one graph derivation keeps for the next, per external host and per egress gateway. */
export interface GraphMemo {
  /** Target release, clients, outbound modes and gateways the cached parts were drawn for. */
  context: string;
  hosts: SubjectMemo<GraphRecording, string>;
  gateways: SubjectMemo<GraphRecording, string>;
  /** The last layout, kept while the graph's shape stays the same. */
  layout: LayoutMemo;
}

/** How {@link deriveGraph} draws; the defaults are what every caller but the equivalence tests wants. */
export interface GraphOptions {
  /**
   * Whether client namespaces that a host's configuration cannot tell apart share one drawing of
   * it (see namespace-classes.ts; default true). Off, each namespace is drawn on its own: the
   * same graph, slower.
   */
  shareNamespaces?: boolean;
}

/** An empty memo for {@link deriveGraph}. */
export function createGraphMemo(): GraphMemo {
  return {
    context: '',
    hosts: { model: undefined, results: new Map(), recomputed: 0 },
    gateways: { model: undefined, results: new Map(), recomputed: 0 },
    layout: createLayoutMemo(),
  };
}

/**
 * Derives the egress graph of a bundle as the `target` Istio release (default the newest) routes
 * it: for every client namespace, what its sidecar reaches directly, what goes through an egress
 * gateway, and what the outbound policy or exportTo blocks. Node ids are built from namespaces and
 * hosts, so they stay stable across edits. Laid out left to right, unless it is large enough for
 * the views to group (see aggregate.ts), which lay it out then. Deterministic. With a memo from the previous
 * derivation, only the hosts and gateways an edit can affect are drawn again.
 */
export function deriveGraph(
  bundle: Bundle,
  memo: GraphMemo = createGraphMemo(),
  target: IstioVersion = LATEST_ISTIO_VERSION,
  options: GraphOptions = {},
): EgressGraph {
  const model = buildModel(bundle);
  // The diff from the model drawn last moves its indexes over (with what was worked out from them)
  // before anything here reads them: read first, they would be built again from nothing.
  changedKeys(memo.hosts.model, model);
  const gateways = gatewayProxies(model);
  const clients = clientNamespaces(model);
  const hosts = externalHosts(model);
  const modes = clients.map((namespace) => outboundModeFor(model, namespace));
  // Parts are redrawn when the release, the clients, their modes or the gateway deployments change.
  const context = JSON.stringify([
    target,
    clients,
    modes,
    gateways.map((g) => [g.id, g.serviceHost, g.gateways.map((e) => e.ref)]),
  ]);
  const sameContext = context === memo.context;

  // One part per external host: its node, then what each client namespace's sidecar does with it
  // (only the namespaces it can draw something for).
  const audience = new HostAudience(clients, modes, target);
  const hostParts = reuseOrDraw(memo.hosts, model, sameContext, hosts, (host) => {
    const owns = `external:${host}`;
    const part = new GraphRecording(owns);
    part.node(owns, 'external-service', host, resourcesForHost(model, host));
    connectHostFor(
      model,
      part,
      host,
      audience.of(model, host),
      clients,
      modes,
      target,
      options.shareNamespaces,
    );
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
      ...gateway.gateways.map((g) => g.ref),
      ...destinationRulesForHost(model, gateway.serviceHost, gateway.namespace).map((dr) => dr.ref),
      ...(gateway.service ? [gateway.service.ref] : []),
      ...gateway.workloads.map((w) => w.ref),
    ];
    builder.node(gateway.id, 'egress-gateway', gateway.id.slice('egress-gateway:'.length), resources);
  }
  builder.node(OTHER_HOSTS_ID, 'external-service', 'any other host', []);
  // A client namespace's node edits its Namespace object, when the bundle has one.
  const namespaceObjects = new Map<string, string[]>();
  for (const entry of model.namespaceObjects) {
    if (!entry.name) continue;
    const refs = namespaceObjects.get(entry.name);
    if (refs) refs.push(entry.ref);
    else namespaceObjects.set(entry.name, [entry.ref]);
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
    connectOtherHosts(builder, namespace, modes[i]!, target);
  });
  const parts = [...hostParts, ...gatewayParts];
  for (const part of parts) part.replayNodes(builder);
  // A graph the views show grouped keeps the hops namespaces share once, and is laid out once
  // grouped (shown.ts), not here.
  const grouped = needsAggregation({ nodes: builder.nodesSoFar() });
  for (const part of parts) part.replayEdges(builder, grouped);
  const graph = builder.build();
  return grouped ? graph : memo.layout(graph);
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
      result = trackReads(() => draw(subject, i));
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

/** What one entry contributes to the client namespaces and the external hosts. */
interface EntryFacts {
  namespaces: string[];
  hosts: string[];
  /** Hosts a mesh VirtualService routes, drawn when no ServiceEntry defines them. */
  unregistered: string[];
  /** In-cluster hosts a mesh VirtualService routes (qualified), drawn when they go through a gateway. */
  inCluster: string[];
}

// An entry's spec never changes, so its facts are read once rather than on every derivation.
const entryFacts = new WeakMap<ModelEntry, EntryFacts>();

function factsOf(entry: ModelEntry): EntryFacts {
  let facts = entryFacts.get(entry);
  if (!facts) {
    const kind = entry.resource.kind;
    const istio = isNetworkingKind(kind);
    const hosts = istio ? strings(entry.spec['hosts']).map(([h]) => h) : [];
    facts = {
      // Namespaces that hold Istio config are clients; Namespace objects count through model.namespaces.
      namespaces:
        !istio || kind === 'Gateway'
          ? []
          : [entry.namespace, ...namedExportNamespaces(entry.spec['exportTo'])],
      // ServiceEntry hosts outside the cluster are drawn as external services.
      hosts:
        kind === 'ServiceEntry' && entry.spec['location'] !== 'MESH_INTERNAL'
          ? hosts.filter((h) => !isClusterLocalHost(h))
          : [],
      unregistered:
        kind === 'VirtualService' && isMeshBound(entry)
          ? hosts.filter((h) => h !== '*' && !isClusterLocalHost(h))
          : [],
      inCluster:
        kind === 'VirtualService' && isMeshBound(entry)
          ? hosts
              .filter((h) => isClusterLocalHost(h) && !h.startsWith('*'))
              .map((h) => qualifyHost(h, entry.namespace))
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
    // In-cluster Services that the mesh sends through an egress gateway are egress destinations too.
    for (const host of factsOf(entry).inCluster) {
      if (gatewayHopsFor(model, host).length > 0) hosts.add(host);
    }
  }
  return [...hosts].sort();
}
