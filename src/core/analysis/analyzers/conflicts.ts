/**
 * Conflict analyzers, as istioctl analyze finds them (ISTIO.md §3): several VirtualServices for one
 * host on sidecars (IST0109), Gateways competing for a host and port (IST0145), ServiceEntries
 * disagreeing on a port's protocol (IST0177), several namespace-wide Sidecars (IST0111) and one
 * certificate served by several Gateways (IST0138). Istio reports every party of a conflict, so
 * each analyzer reports on the resource it checks and names the others.
 */
import type { PathSegment } from '../../bundle';
import { podsOfGateway } from '../../istio/gateway-proxies';
import { derivedPer } from '../../istio/indexes';
import type { BundleModel, ModelEntry } from '../../istio/model';
import { certificateKey } from '../../istio/gateway-tls';
import { has, num, record, records, str, strings } from '../../istio/read';
import {
  exportScopes,
  gatewaysServingHost,
  gatewaysWithCertificate,
  scopesCollide,
  serviceEntriesWithHost,
  sidecarsIn,
} from '../../istio/visibility';
import type { Analyzer } from '.';
import { GroupNames, type OthersNamed } from './group-names';
import { checkMeshHosts } from './mesh-host-conflicts';

/** A group of resources named by their refs. */
const groupOf = (members: readonly ModelEntry[]) =>
  new GroupNames(
    members,
    members.map((m) => m.ref),
  );

/** A selector as istioctl compares them: `k=v` pairs sorted by key, joined by commas. */
function selectorKey(gateway: ModelEntry): string {
  let key = selectorKeys.get(gateway);
  if (key === undefined) {
    const selector = record(gateway.spec['selector']) ?? {};
    key = Object.keys(selector)
      .sort()
      .map((k) => `${k}=${String(selector[k])}`)
      .join(',');
    selectorKeys.set(gateway, key);
  }
  return key;
}

// Read once per Gateway: every Gateway serving a host compares itself with all the others.
const selectorKeys = new WeakMap<ModelEntry, string>();
const serverHostLists = new WeakMap<ModelEntry, ServerHost[]>();

interface ServerHost {
  port: number;
  bind: string;
  host: string;
  path: PathSegment[];
}

function serverHosts(gateway: ModelEntry): ServerHost[] {
  const known = serverHostLists.get(gateway);
  if (known) return known;
  const out: ServerHost[] = [];
  serverHostLists.set(gateway, out);
  for (const [server, s] of records(gateway.spec['servers'])) {
    const port = num(record(server['port'])?.['number']);
    if (port === undefined) continue;
    const bind = str(server['bind']) ?? '';
    for (const [host, h] of strings(server['hosts']))
      out.push({ port, bind, host, path: ['spec', 'servers', s, 'hosts', h] });
  }
  return out;
}

/**
 * Whether two Gateways with different selectors configure one of the design's pods (istioctl
 * compares them when one selector's text holds the other's; any pod both select is the same conflict).
 */
function shareAPod(model: BundleModel, a: ModelEntry, b: ModelEntry): boolean {
  const theirs = podsOfGateway(model, b).flatMap((pod) => (pod.workload ? [pod.workload] : []));
  return podsOfGateway(model, a).some((pod) => pod.workload !== undefined && theirs.includes(pod.workload));
}

/** Gateways with a server for exactly `host` on `port` and `bind`, in bundle order (once per server key). */
function gatewaysWithServer(
  model: BundleModel,
  host: string,
  port: number,
  bind: string,
): readonly ModelEntry[] {
  return derivedPer(model, 'gateway-servers', [host, port, bind], () =>
    gatewaysServingHost(model, host.slice(host.indexOf('/') + 1)).filter((other) =>
      serverHosts(other).some((o) => o.port === port && o.bind === bind && o.host === host),
    ),
  );
}

/** The other Gateways whose server for `host`, `port` and `bind` competes with `gateway`'s for its pods. */
function gatewayRivals(
  model: BundleModel,
  gateway: ModelEntry,
  server: ServerHost,
  selector: string,
): OthersNamed {
  const { host, port, bind } = server;
  const candidates = gatewaysWithServer(model, host, port, bind);
  // Those with the same selector, named once for all of them.
  const alike = derivedPer(model, 'gateway-rivals', [host, port, bind, selector], () =>
    groupOf(candidates.filter((other) => selectorKey(other) === selector)),
  );
  if (alike.size === candidates.length) return alike.except(gateway);
  // The others compete only for a pod of the design that both select.
  if (!podsOfGateway(model, gateway).some((pod) => pod.workload !== undefined)) return alike.except(gateway);
  const rivals = candidates.filter(
    (other) => other !== gateway && (selectorKey(other) === selector || shareAPod(model, gateway, other)),
  );
  return new GroupNames(
    rivals,
    rivals.map((r) => r.ref),
  ).except(gateway);
}

const checkGateways: Analyzer = (model, report) => {
  for (const gateway of model.gateways) {
    const selector = selectorKey(gateway);
    for (const server of serverHosts(gateway)) {
      const { port, host, path } = server;
      const rivals = gatewayRivals(model, gateway, server, selector);
      if (rivals.count === 0) continue;
      report(
        gateway,
        'CONFLICT-GATEWAY',
        path,
        `${rivals.text} also ${rivals.count > 1 ? 'serve' : 'serves'} ${host} on port ${port} for the same gateway pods (selector ${selector || 'empty'}): the gateway builds one listener per port, so only one of these servers takes effect. Keep one server per host and port`,
      );
    }
  }
};

/** A port protocol as istioctl compares them: upper case, and an unset protocol is its own value. */
const protocolOf = (port: Record<string, unknown>) => (str(port['protocol']) ?? '').toUpperCase();

/**
 * The protocols each port number has among the ServiceEntries that list exactly `host`, once per
 * host: where a port has one protocol, no entry can disagree, and none need be compared.
 */
function protocolsByPort(model: BundleModel, host: string): ReadonlyMap<number, ReadonlySet<string>> {
  return derivedPer(model, 'se-port-protocols', [host], () => {
    const out = new Map<number, Set<string>>();
    for (const { entry, host: theirs } of serviceEntriesWithHost(model, host)) {
      if (theirs !== host) continue;
      for (const [q] of records(entry.spec['ports'])) {
        const number = num(q['number']);
        if (number === undefined) continue;
        const protocols = out.get(number);
        if (protocols) protocols.add(protocolOf(q));
        else out.set(number, new Set([protocolOf(q)]));
      }
    }
    return out;
  });
}

/**
 * The ports of ServiceEntries listing exactly `host` that give `number` another protocol than
 * `protocol`, for some namespace of `scopes`, each named with its protocol: once per question,
 * which the entries that agree with one another share.
 */
function protocolClashes(
  model: BundleModel,
  host: string,
  number: number,
  protocol: string,
  scopes: string[],
): GroupNames {
  return derivedPer(model, 'se-protocol-clashes', [host, number, protocol, ...scopes], () => {
    const members: ModelEntry[] = [];
    const labels: string[] = [];
    for (const { entry, host: theirs } of serviceEntriesWithHost(model, host)) {
      if (theirs !== host || !scopesCollide(scopes, exportScopes(entry), true, true)) continue;
      for (const [q] of records(entry.spec['ports'])) {
        if (num(q['number']) !== number || protocolOf(q) === protocol) continue;
        members.push(entry);
        labels.push(`${entry.ref} (${protocolOf(q) || 'unset'})`);
      }
    }
    return new GroupNames(members, labels);
  });
}

const checkServiceEntryProtocols: Analyzer = (model, report) => {
  for (const se of model.serviceEntries) {
    const scopes = exportScopes(se);
    for (const [port, p] of records(se.spec['ports'])) {
      const number = num(port['number']);
      if (number === undefined) continue;
      const protocol = protocolOf(port);
      for (const [host] of strings(se.spec['hosts'])) {
        if ((protocolsByPort(model, host).get(number)?.size ?? 0) < 2) continue;
        const clashes = protocolClashes(model, host, number, protocol, scopes).except(se);
        if (clashes.count === 0) continue;
        report(
          se,
          'CONFLICT-SE-PROTOCOL',
          has(port, 'protocol') ? ['spec', 'ports', p, 'protocol'] : ['spec', 'ports', p],
          `${host}:${number} is ${protocol || 'unset (sniffed)'} here but ${clashes.text} for some of the same namespaces: only one definition wins, so the port may be handled with the wrong protocol. Use one protocol for the host and port`,
        );
        break;
      }
    }
  }
};

const hasSelector = (sidecar: ModelEntry) =>
  Object.keys(record(record(sidecar.spec['workloadSelector'])?.['labels']) ?? {}).length > 0;

const checkNamespaceSidecars: Analyzer = (model, report) => {
  for (const sidecar of model.sidecars) {
    if (hasSelector(sidecar)) continue;
    // The namespace-wide Sidecars of a namespace, named once for all of them.
    const others = derivedPer(model, 'namespace-sidecars', [sidecar.namespace], () =>
      groupOf(sidecarsIn(model, sidecar.namespace).filter((o) => !hasSelector(o))),
    ).except(sidecar);
    if (others.count === 0) continue;
    report(
      sidecar,
      'CONFLICT-SIDECAR',
      has(sidecar.resource.value, 'spec') ? ['spec'] : ['metadata', 'name'],
      `${others.text} also ${others.count > 1 ? 'apply' : 'applies'} to every workload in namespace ${sidecar.namespace} (no workloadSelector): which one a proxy uses is undefined. Keep one namespace-wide Sidecar and give the others a workloadSelector`,
      { target: 'key' },
    );
  }
};

/** Whether every label of `selector` is in `other` with the same value (an empty selector is in every one). */
function selectorWithin(selector: Record<string, unknown>, other: Record<string, unknown>): boolean {
  return Object.entries(selector).every(([k, v]) => k in other && String(other[k]) === String(v));
}

const checkDuplicateCertificates: Analyzer = (model, report) => {
  for (const gateway of model.gateways) {
    const selector = record(gateway.spec['selector']) ?? {};
    for (const [server, s] of records(gateway.spec['servers'])) {
      const tls = record(server['tls']);
      const key = certificateKey(tls);
      if (!key) continue;
      // istioctl reports the Gateway whose selector is within the other's: its workload serves both.
      // Gateways that select alike share the answer (a selector is within itself: each is named).
      const labels = Object.entries(selector).flatMap(([k, v]) => [k, String(v)]);
      const sharing = derivedPer(model, 'certificate-sharing', [key, ...labels], () =>
        groupOf(
          gatewaysWithCertificate(model, key).filter((other) =>
            selectorWithin(selector, record(other.spec['selector']) ?? {}),
          ),
        ),
      ).except(gateway);
      if (sharing.count === 0) continue;
      const field = has(tls, 'credentialName') ? 'credentialName' : 'serverCertificate';
      report(
        gateway,
        'GATEWAY-DUPLICATE-CERT',
        ['spec', 'servers', s, 'tls', field],
        `${sharing.text} ${sharing.count > 1 ? 'serve' : 'serves'} the same certificate on the same gateway workload: a client that reuses an HTTP/2 connection opened for one of these hosts to call a host of the other Gateway gets 404, because the connection stays on the server chosen at the TLS handshake. Use a separate certificate per Gateway, or merge the servers into one Gateway`,
      );
    }
  }
};

/** Conflicts between resources of one kind, reported on every party. */
export const conflictAnalyzers: Analyzer[] = [
  checkMeshHosts,
  checkGateways,
  checkServiceEntryProtocols,
  checkNamespaceSidecars,
  checkDuplicateCertificates,
];
