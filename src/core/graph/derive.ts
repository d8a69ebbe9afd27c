import { resourceRef, type Bundle } from '../bundle';
import { ROOT_NAMESPACE } from '../istio/kinds';
import { list, record, strings } from '../istio/read';
import { modeAllowsUnknown } from '../istio/mesh';
import { buildModel, type BundleModel, type ModelEntry } from '../istio/model';
import { canonicalProtocol, hostCovers, protocolFamily } from '../istio/values';
import {
  destinationRulesForHost,
  isClusterLocalHost,
  isEgressGatewayHost,
  isMeshBound,
  namedExportNamespaces,
  serviceEntriesForHost,
  virtualServicesBoundTo,
  virtualServicesForHost,
} from '../istio/visibility';
import { layoutGraph } from './layout';
import { destinationRuleFor, hasCircuitBreaker, policyFor, tlsBehaviour } from './policy';
import { meshVirtualServiceFor, routesAt, type RouteTarget } from './routing';
import type { EdgeKind, EgressGraph, GraphEdge, GraphNode, NodeKind, TlsBehaviour } from './types';

/** The client used when a bundle names no namespace other than the mesh root. */
const ANY_NAMESPACE = '*';

interface EgressGatewayInfo {
  id: string;
  serviceHost: string;
  namespace: string;
  /** `ns/name` of the Gateway resources that configure it. */
  refs: string[];
}

/**
 * Derives the egress graph of a bundle: for every client namespace, what its sidecar reaches
 * directly, what goes through an egress gateway, and what the outbound policy or exportTo blocks.
 * Node ids are built from namespaces and hosts, so they stay stable across edits. Deterministic.
 */
export function deriveGraph(bundle: Bundle): EgressGraph {
  const model = buildModel(bundle);
  const builder = new GraphBuilder();
  const gateways = findEgressGateways(model);
  const clients = clientNamespaces(model);
  const hosts = externalHosts(model);

  builder.node(
    'mesh-policy',
    'mesh-policy',
    model.meshMode,
    model.meshSource ? [resourceRef(model.meshSource.resource)] : [],
  );
  for (const gateway of gateways) {
    const resources = [
      ...gateway.refs.map((r) => `Gateway/${r}`),
      ...destinationRulesForHost(model, gateway.serviceHost, gateway.namespace).map((dr) => dr.ref),
    ];
    builder.node(gateway.id, 'egress-gateway', gateway.id.slice('egress-gateway:'.length), resources);
  }
  for (const host of hosts)
    builder.node(`external:${host}`, 'external-service', host, resourcesForHost(model, host));

  for (const namespace of clients) {
    const workload = `workload:${namespace}`;
    const sidecar = `sidecar:${namespace}`;
    const label = namespace === ANY_NAMESPACE ? 'any namespace' : namespace;
    builder.node(workload, 'workload', label, []);
    builder.node(
      sidecar,
      'sidecar',
      label,
      model.sidecars.filter((s) => s.namespace === namespace).map((s) => s.ref),
    );
    builder.edge(workload, sidecar, 'workload', 'outbound', {});
    const mode = outboundModeFor(model, namespace);
    builder.edge('mesh-policy', sidecar, 'policy', mode, {});
    for (const host of hosts) connectHost(model, builder, gateways, namespace, host, mode);
  }
  for (const gateway of gateways) connectGateway(model, builder, gateway);
  return layoutGraph(builder.build());
}

function connectHost(
  model: BundleModel,
  builder: GraphBuilder,
  gateways: EgressGatewayInfo[],
  namespace: string,
  host: string,
  mode: string,
): void {
  const sidecar = `sidecar:${namespace}`;
  const registered = [...new Set(serviceEntriesForHost(model, host, namespace).map((m) => m.entry))];
  const vs = meshVirtualServiceFor(model, host, namespace);
  const targets = vs ? routesAt(vs, 'mesh') : [];
  const allowed = modeAllowsUnknown(mode);
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

function connectGateway(model: BundleModel, builder: GraphBuilder, gateway: EgressGatewayInfo): void {
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
  builder: GraphBuilder,
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

/** The outbound mode a namespace's sidecars use: its Sidecar, the root namespace's, or the mesh's. */
function outboundModeFor(model: BundleModel, namespace: string): string {
  for (const ns of [namespace, ROOT_NAMESPACE]) {
    const sidecar = model.sidecars.find((s) => s.namespace === ns && !record(s.spec['workloadSelector']));
    const mode = record(sidecar?.spec['outboundTrafficPolicy'])?.['mode'];
    if (typeof mode === 'string') return mode;
  }
  return model.meshMode;
}

function clientNamespaces(model: BundleModel): string[] {
  const found = new Set<string>();
  for (const entry of [
    ...model.serviceEntries,
    ...model.virtualServices,
    ...model.destinationRules,
    ...model.sidecars,
  ]) {
    found.add(entry.namespace);
    for (const ns of namedExportNamespaces(entry.spec['exportTo'])) found.add(ns);
  }
  for (const ns of model.namespaces) found.add(ns);
  found.delete(ROOT_NAMESPACE);
  return found.size > 0 ? [...found].sort() : [ANY_NAMESPACE];
}

function externalHosts(model: BundleModel): string[] {
  const hosts = new Set<string>();
  for (const se of model.serviceEntries) {
    if (se.spec['location'] === 'MESH_INTERNAL') continue;
    for (const host of strings(se.spec['hosts']).map(([s]) => s))
      if (!isClusterLocalHost(host)) hosts.add(host);
  }
  for (const vs of model.virtualServices) {
    if (!isMeshBound(vs)) continue;
    for (const host of strings(vs.spec['hosts']).map(([s]) => s)) {
      if (host !== '*' && !isClusterLocalHost(host) && serviceEntriesForHost(model, host).length === 0) {
        hosts.add(host);
      }
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
  for (const vs of virtualServicesBoundTo(model, 'mesh')) {
    for (const target of routesAt(vs, 'mesh')) if (isEgressGatewayHost(target.host)) add(target.host);
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function resourcesForHost(model: BundleModel, host: string): string[] {
  return [
    ...serviceEntriesForHost(model, host).map((m) => m.entry.ref),
    ...destinationRulesForHost(model, host, ROOT_NAMESPACE).map((e) => e.ref),
    ...virtualServicesForHost(model, host, ROOT_NAMESPACE).map((e) => e.ref),
  ];
}

class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  node(id: string, kind: NodeKind, label: string, resources: string[]): void {
    this.nodes.set(id, { id, kind, label, resources: [...new Set(resources)], position: { x: 0, y: 0 } });
  }

  ensureNode(id: string, kind: NodeKind, label: string, resources: string[]): void {
    if (!this.nodes.has(id)) this.node(id, kind, label, resources);
  }

  edge(source: string, target: string, kind: EdgeKind, label: string, extra: Partial<GraphEdge>): void {
    const id = `${source}->${target}:${kind}:${extra.port ?? ''}`;
    if (!this.edges.has(id)) this.edges.set(id, { id, source, target, kind, label, ...extra });
  }

  build(): EgressGraph {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}
