/**
 * Egress-pattern analyzers (ISTIO.md §4.1–§4.4; PEERS.md (c) cross-cutting rules): the two-hop
 * gateway path, protocol agreement, credentialName at sidecars, REGISTRY_ONLY and Sidecar imports.
 */
import type { PathSegment } from '../../bundle';
import { ROOT_NAMESPACE } from '../../istio/kinds';
import { modeAllowsUnknown } from '../../istio/mesh';
import type { IstioVersion } from '../../istio/releases';
import type { BundleModel, ModelEntry } from '../../istio/model';
import { canonicalProtocol, hostCovers, protocolFamily, type ProtocolFamily } from '../../istio/values';
import { has, num, record, records, str, strings } from '../../istio/read';
import type { Analyzer } from '.';
import { derivedFromIndexes, derivedPer } from '../../istio/indexes';
import {
  destinationRuleTls,
  destinationsTo,
  gatewaysOf,
  isClusterLocalHost,
  isMeshBound,
  mostSpecific,
  resolveGatewayRef,
  rulesOf,
  serviceEntriesForHost,
  sidecarsIn,
  type HostMatch,
} from '../../istio/visibility';
import {
  gatewayHopsFor,
  gatewayProxies,
  gatewayProxyFor,
  gatewayProxyNamespaces,
} from '../../istio/gateway-proxies';

/**
 * The ServiceEntries with resolution NONE that define `host` (most specific first) where the
 * gateway `ref` runs: once per host and gateway, which every route through it asks about.
 */
function noneResolutionEntries(model: BundleModel, host: string, ref: string): readonly HostMatch[] {
  return derivedPer(model, 'none-resolution', [host, ref], () => {
    const seen = gatewayProxyNamespaces(model, ref).flatMap((ns) => serviceEntriesForHost(model, host, ns));
    return mostSpecific(seen).filter(
      (m) => (str(m.entry.spec['resolution'])?.toUpperCase() ?? 'NONE') === 'NONE',
    );
  });
}

const checkGatewayResolution: Analyzer = (model, report) => {
  const reported = new Set<ModelEntry>();
  for (const vs of model.virtualServices) {
    for (const rule of rulesOf(vs)) {
      const gateways = [...rule.gateways].filter((g) => g !== 'mesh');
      for (const d of gateways.length > 0 ? rule.destinations : []) {
        if (isClusterLocalHost(d.host)) continue;
        for (const ref of gateways) {
          for (const m of noneResolutionEntries(model, d.host, ref)) {
            if (reported.has(m.entry)) continue;
            reported.add(m.entry);
            const path = has(m.entry.spec, 'resolution')
              ? ['spec', 'resolution']
              : ['spec', 'hosts', m.hostIndex];
            report(
              m.entry,
              'GATEWAY-NONE-RESOLUTION',
              path,
              `gateway ${ref} forwards ${d.host} here (${vs.ref}), but with resolution NONE a gateway gets a cluster with no endpoints and requests fail or loop back to it: use DNS`,
            );
          }
        }
      }
    }
  }
};

/** Families of client traffic a Gateway server can take, or undefined when it proxies any bytes (TCP). */
function acceptedFamilies(protocol: string, mode: string | undefined): ProtocolFamily[] | undefined {
  const terminates = mode !== undefined && !['PASSTHROUGH', 'AUTO_PASSTHROUGH'].includes(mode.toUpperCase());
  const canonical = canonicalProtocol(protocol);
  if (protocolFamily(protocol) === 'http') return ['http'];
  // A terminating server decrypts and then routes HTTP (HTTPS) or proxies the stream (TLS).
  if (canonical === 'HTTPS') return terminates ? ['http'] : ['tls'];
  if (canonical === 'TLS') return terminates ? ['http', 'tcp'] : ['tls'];
  return undefined;
}

const MISMATCH_REASON: Partial<Record<ProtocolFamily, string>> = {
  tls: 'clients send TLS, which this server would try to read as plain traffic',
  http: 'clients send plain HTTP with no SNI, which a passthrough server cannot route',
  tcp: 'clients send raw TCP, which this server cannot route',
};

/** A ServiceEntry port whose traffic a Gateway server cannot take. */
interface Mismatch {
  m: HostMatch;
  sePort: Record<string, unknown>;
  family: ProtocolFamily;
}

/**
 * The first ServiceEntry port, for a host the server lists, whose traffic the server cannot take.
 * Client ports pair with the server port through the VS hop 1, or by equal number without one.
 */
function firstMismatch(
  model: BundleModel,
  hosts: string[],
  gwPort: number,
  accepts: ProtocolFamily[],
): Mismatch | undefined {
  for (const host of hosts) {
    const found = hostMismatch(model, host, gwPort, accepts);
    if (found) return found;
  }
  return undefined;
}

/** {@link firstMismatch} for one host, once per host, port and accepted families (copies of a Gateway ask alike). */
function hostMismatch(
  model: BundleModel,
  host: string,
  gwPort: number,
  accepts: ProtocolFamily[],
): Mismatch | undefined {
  return derivedPer(model, 'protocol-mismatch', [host, gwPort, accepts.join()], () => {
    // The client ports of each ServiceEntry host, read once for all the entries that list it.
    const clientPortsOf = new Map<string, (number | undefined)[]>();
    for (const m of serviceEntriesForHost(model, host)) {
      let clientPorts = clientPortsOf.get(m.host);
      if (!clientPorts) {
        const pairs = gatewayHopsFor(model, m.host).filter((h) => h.gwPort !== undefined && !h.mirror);
        clientPorts = [
          ...new Set(
            pairs.length > 0 ? pairs.filter((p) => p.gwPort === gwPort).map((p) => p.sePort) : [gwPort],
          ),
        ];
        clientPortsOf.set(m.host, clientPorts);
      }
      const sePorts = records(m.entry.spec['ports']).map(([p]) => p);
      for (const number of clientPorts) {
        // A hop without match.port takes any client port: only unambiguous for a single-port entry.
        const sePort =
          number === undefined
            ? sePorts.length === 1
              ? sePorts[0]
              : undefined
            : sePorts.find((p) => p['number'] === number);
        const family = protocolFamily(str(sePort?.['protocol']));
        if (sePort && MISMATCH_REASON[family] && !accepts.includes(family)) return { m, sePort, family };
      }
    }
    return undefined;
  });
}

const checkProtocolAgreement: Analyzer = (model, report) => {
  for (const gateway of model.gateways) {
    for (const [server, s] of records(gateway.spec['servers'])) {
      const port = record(server['port']);
      const gwPort = num(port?.['number']);
      const protocol = str(port?.['protocol']);
      const mode = str(record(server['tls'])?.['mode']);
      const accepts = protocol && gwPort !== undefined ? acceptedFamilies(protocol, mode) : undefined;
      if (!accepts || gwPort === undefined) continue;
      const hosts = strings(server['hosts'])
        .map(([raw]) => raw.slice(raw.indexOf('/') + 1))
        .filter((host) => host !== '*');
      const found = firstMismatch(model, hosts, gwPort, accepts);
      if (!found) continue;
      const declared = `${found.m.host}:${String(found.sePort['number'])} as ${String(found.sePort['protocol'])}`;
      report(
        gateway,
        'PROTOCOL-MISMATCH',
        ['spec', 'servers', s, 'port', 'protocol'],
        `this server expects ${protocol}${mode ? ` (${mode})` : ''} on port ${gwPort}, but ${found.m.entry.ref} declares ${declared}: ${MISMATCH_REASON[found.family]}`,
      );
    }
  }
};

const checkTwoHopBinding: Analyzer = (model, report) => {
  for (const vs of model.virtualServices) {
    const bound = gatewaysOf(vs);
    const explicit = strings(vs.spec['gateways']).length > 0;
    let meshReported = false;
    for (const rule of rulesOf(vs)) {
      for (const [match, m] of records(rule.rule['match'])) {
        for (const [ref, g] of strings(match['gateways'])) {
          const resolved = resolveGatewayRef(ref, vs.namespace);
          if (bound.includes(resolved)) continue;
          if (resolved === 'mesh' && explicit) {
            if (meshReported) continue;
            meshReported = true;
            const hop = rule.destinations.find((d) => gatewayProxyFor(model, d.host, vs.namespace));
            const effect = hop
              ? `the rule that sends traffic to ${hop.host} never runs, so calls leave directly instead of through the egress gateway`
              : 'its mesh rules never run';
            report(
              vs,
              'TWO-HOP-NO-MESH',
              ['spec', 'gateways'],
              `sidecars only apply VirtualServices bound to mesh, and gateways lists only ${bound.join(', ')}: ${effect}; add mesh`,
              { target: 'key' },
            );
            continue;
          }
          report(
            vs,
            'TWO-HOP-NO-MESH',
            [...rule.path, 'match', m, 'gateways', g],
            `the VirtualService is not bound to ${resolved} (gateways: ${bound.join(', ')}), so this match never applies; add ${ref} to spec.gateways`,
          );
        }
      }
    }
  }
};

/**
 * Whether some mesh rule (`via: false`) or gateway rule (`via: true`) routes to a host `host` covers;
 * a mesh rule's hop to an egress gateway is not a call to the host.
 */
function routedTo(model: BundleModel, host: string, via: boolean): boolean {
  return derivedPer(model, 'routed-to', [host, via ? 1 : 0], () =>
    destinationsTo(model, host).some(
      ({ vs, rule, destination }) =>
        hostCovers(host, destination.host) &&
        (via
          ? [...rule.gateways].some((g) => g !== 'mesh')
          : rule.gateways.has('mesh') && !gatewayProxyFor(model, destination.host, vs.namespace)),
    ),
  );
}

/**
 * Whether only egress gateways apply a DestinationRule: the host is reached through the gateway
 * hop alone, or the rule is private to a namespace where an egress gateway runs (the root
 * namespace, or that of an egress gateway Service mesh rules send traffic to).
 */
function onlyGatewaysApply(model: BundleModel, dr: ModelEntry, host: string): boolean {
  if (routedTo(model, host, true) && !routedTo(model, host, false)) return true;
  const exports = strings(dr.spec['exportTo']).map(([e]) => e);
  const isPrivate = exports.length > 0 && exports.every((e) => e === '.' || e === dr.namespace);
  if (!isPrivate) return false;
  return dr.namespace === ROOT_NAMESPACE || gatewayProxyNamespaceSet(model).has(dr.namespace);
}

/** The namespaces where some egress gateway deployment runs. */
function gatewayProxyNamespaceSet(model: BundleModel): ReadonlySet<string> {
  return derivedFromIndexes(
    model,
    'gateway-proxy-namespaces',
    () => new Set(gatewayProxies(model).map((proxy) => proxy.namespace)),
  );
}

const checkSidecarCredentials: Analyzer = (model, report) => {
  for (const dr of model.destinationRules) {
    if (record(dr.spec['workloadSelector'])) continue;
    const host = str(dr.spec['host']) ?? '';
    if (onlyGatewaysApply(model, dr, host)) continue;
    for (const { tls, path } of destinationRuleTls(dr)) {
      const mode = str(tls['mode'])?.toUpperCase();
      const credential = str(tls['credentialName']);
      if ((mode !== 'SIMPLE' && mode !== 'MUTUAL') || !credential || credential.startsWith('configmap://'))
        continue;
      report(
        dr,
        'CREDENTIAL-IGNORED',
        [...path, 'credentialName'],
        `sidecars ignore credentialName unless the DestinationRule has a workloadSelector: without one they build no TLS context for ${host} and send plaintext. Add a workloadSelector (Secret ${credential} in ${dr.namespace}), or originate at the egress gateway`,
      );
    }
  }
};

/** What blocks unregistered hosts for workloads in a namespace, or undefined when they pass. */
function blockingPolicy(
  model: BundleModel,
  sidecars: readonly ModelEntry[],
  target: IstioVersion,
): string | undefined {
  const modeOf = (sc: ModelEntry) => {
    const policy = record(sc.spec['outboundTrafficPolicy']);
    // In a Sidecar an omitted mode is the proto default REGISTRY_ONLY.
    return policy ? (str(policy['mode']) ?? 'REGISTRY_ONLY') : undefined;
  };
  const general = sidecars.find((sc) => !record(sc.spec['workloadSelector']) && modeOf(sc));
  const mode = general ? modeOf(general)! : model.meshMode;
  if (!modeAllowsUnknown(mode, target)) {
    return general ? `Sidecar ${general.ref} sets ${mode}` : `the mesh outbound policy is ${mode}`;
  }
  const selective = sidecars.find(
    (sc) => record(sc.spec['workloadSelector']) && !modeAllowsUnknown(modeOf(sc) ?? 'ALLOW_ANY', target),
  );
  return selective
    ? `Sidecar ${selective.ref} sets ${modeOf(selective)!} for the workloads it selects`
    : undefined;
}

const checkRegistryOnly: Analyzer = (model, report, target) => {
  for (const vs of model.virtualServices) {
    if (!isMeshBound(vs)) continue;
    // Once per namespace: every VirtualService there asks.
    const policy = derivedPer(model, 'blocking-policy', [vs.namespace, target, model.meshMode], () =>
      blockingPolicy(model, sidecarsIn(model, vs.namespace), target),
    );
    if (!policy) continue;
    for (const [host, i] of strings(vs.spec['hosts'])) {
      if (host === '*' || isClusterLocalHost(host)) continue;
      if (serviceEntriesForHost(model, host, vs.namespace).length > 0) continue;
      report(
        vs,
        'REGISTRY-ONLY-UNREGISTERED',
        ['spec', 'hosts', i],
        `${policy}, and no ServiceEntry visible to ${vs.namespace} registers ${host}: a VirtualService does not register a host, so only HTTP calls on port 80 follow its routes, and every other call ends at BlackHoleCluster (HTTP 502, or the connection is closed)`,
      );
    }
  }
};

/** The namespaces of the ServiceEntries with a host that `host` covers, in lookup order (once per host). */
function definingNamespaces(model: BundleModel, host: string): ReadonlySet<string> {
  return derivedPer(
    model,
    'se-namespaces',
    [host],
    () =>
      new Set(
        serviceEntriesForHost(model, host)
          .filter((m) => hostCovers(host, m.host))
          .map((m) => m.entry.namespace),
      ),
  );
}

const checkSidecarImports: Analyzer = (model, report) => {
  for (const sc of model.sidecars) {
    const imports: { ns: string; host: string; path: PathSegment[] }[] = [];
    for (const [egress, e] of records(sc.spec['egress'])) {
      for (const [raw, j] of strings(egress['hosts'])) {
        const slash = raw.indexOf('/');
        if (slash === -1) continue;
        const ns = raw.slice(0, slash);
        imports.push({
          ns: ns === '.' ? sc.namespace : ns,
          host: raw.slice(slash + 1),
          path: ['spec', 'egress', e, 'hosts', j],
        });
      }
    }
    for (const { ns, host, path } of imports) {
      // `~ns/host` (1.31) excludes rather than imports.
      if (ns === '*' || ns.startsWith('~') || host === '*' || isClusterLocalHost(host)) continue;
      const defined = definingNamespaces(model, host);
      if (defined.has(ns)) continue;
      const [elsewhere] = defined;
      const hint = elsewhere
        ? `; it is defined in ${elsewhere}: write ${elsewhere}/${host} (or */${host})`
        : '';
      report(
        sc,
        'SIDECAR-IMPORT',
        path,
        `no ServiceEntry in namespace ${ns} defines ${host}, so this entry imports nothing${hint}`,
      );
    }
  }
};

/** Egress-specific findings that neither istioctl nor Kiali reports. */
export const egressAnalyzers: Analyzer[] = [
  checkGatewayResolution,
  checkProtocolAgreement,
  checkTwoHopBinding,
  checkSidecarCredentials,
  checkRegistryOnly,
  checkSidecarImports,
];
