/**
 * Conflict analyzers, as istioctl analyze finds them (ISTIO.md §3): several VirtualServices for one
 * host on sidecars (IST0109), Gateways competing for a host and port (IST0145), ServiceEntries
 * disagreeing on a port's protocol (IST0177), several namespace-wide Sidecars (IST0111) and one
 * certificate served by several Gateways (IST0138). Istio reports every party of a conflict, so
 * each analyzer reports on the resource it checks and names the others.
 */
import type { PathSegment } from '../../bundle';
import { podsOfGateway } from '../../istio/gateway-proxies';
import type { BundleModel, ModelEntry } from '../../istio/model';
import { certificateKey } from '../../istio/gateway-tls';
import { has, num, record, records, str, strings } from '../../istio/read';
import { hostsOverlap } from '../../istio/values';
import {
  exportScopes,
  gatewaysServingHost,
  gatewaysWithCertificate,
  isMeshBound,
  qualifyHost,
  scopesCollide,
  serviceEntriesWithHost,
  sidecarsIn,
  virtualServicesForHost,
} from '../../istio/visibility';
import type { Analyzer } from '.';

const names = (entries: Iterable<ModelEntry>) => [...entries].map((e) => e.ref).join(', ');

const checkMeshHosts: Analyzer = (model, report) => {
  for (const vs of model.virtualServices) {
    if (!isMeshBound(vs)) continue;
    const scopes = exportScopes(vs);
    for (const [host, i] of strings(vs.spec['hosts'])) {
      const fqdn = qualifyHost(host, vs.namespace).toLowerCase();
      const rivals: string[] = [];
      for (const other of virtualServicesForHost(model, host, vs.namespace)) {
        if (other === vs || !isMeshBound(other)) continue;
        // istioctl groups hosts by scope and exact name; a wildcard counts only against `*`.
        const clash = strings(other.spec['hosts']).find(([h]) => {
          const theirs = qualifyHost(h, other.namespace).toLowerCase();
          return scopesCollide(scopes, exportScopes(other), theirs === fqdn, hostsOverlap(theirs, fqdn));
        });
        if (clash) rivals.push(clash[0] === host ? other.ref : `${other.ref} (as ${clash[0]})`);
      }
      if (rivals.length === 0) continue;
      report(
        vs,
        'CONFLICT-MESH-VS',
        ['spec', 'hosts', i],
        `${rivals.join(', ')} also ${rivals.length > 1 ? 'bind' : 'binds'} ${host} to sidecars for some of the same namespaces: sidecars do not merge VirtualServices, so only one of them applies (namespace-local first, then the oldest) and the rules of the others are ignored. Merge them into one VirtualService`,
      );
    }
  }
};

/** A selector as istioctl compares them: `k=v` pairs sorted by key, joined by commas. */
function selectorKey(gateway: ModelEntry): string {
  const selector = record(gateway.spec['selector']) ?? {};
  return Object.keys(selector)
    .sort()
    .map((k) => `${k}=${String(selector[k])}`)
    .join(',');
}

interface ServerHost {
  port: number;
  bind: string;
  host: string;
  path: PathSegment[];
}

function serverHosts(gateway: ModelEntry): ServerHost[] {
  const out: ServerHost[] = [];
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

const checkGateways: Analyzer = (model, report) => {
  for (const gateway of model.gateways) {
    const selector = selectorKey(gateway);
    for (const { port, bind, host, path } of serverHosts(gateway)) {
      const rivals = gatewaysServingHost(model, host.slice(host.indexOf('/') + 1)).filter(
        (other) =>
          other !== gateway &&
          serverHosts(other).some((o) => o.port === port && o.bind === bind && o.host === host) &&
          (selectorKey(other) === selector || shareAPod(model, gateway, other)),
      );
      if (rivals.length === 0) continue;
      report(
        gateway,
        'CONFLICT-GATEWAY',
        path,
        `${names(rivals)} also ${rivals.length > 1 ? 'serve' : 'serves'} ${host} on port ${port} for the same gateway pods (selector ${selector || 'empty'}): the gateway builds one listener per port, so only one of these servers takes effect. Keep one server per host and port`,
      );
    }
  }
};

/** A port protocol as istioctl compares them: upper case, and an unset protocol is its own value. */
const protocolOf = (port: Record<string, unknown>) => (str(port['protocol']) ?? '').toUpperCase();

const checkServiceEntryProtocols: Analyzer = (model, report) => {
  for (const se of model.serviceEntries) {
    const scopes = exportScopes(se);
    for (const [port, p] of records(se.spec['ports'])) {
      const number = num(port['number']);
      if (number === undefined) continue;
      const protocol = protocolOf(port);
      for (const [host] of strings(se.spec['hosts'])) {
        const clashes = serviceEntriesWithHost(model, host).flatMap(({ entry, host: theirs }) => {
          if (entry === se || theirs !== host || !scopesCollide(scopes, exportScopes(entry), true, true))
            return [];
          return records(entry.spec['ports'])
            .filter(([q]) => num(q['number']) === number && protocolOf(q) !== protocol)
            .map(([q]) => `${entry.ref} (${protocolOf(q) || 'unset'})`);
        });
        if (clashes.length === 0) continue;
        report(
          se,
          'CONFLICT-SE-PROTOCOL',
          has(port, 'protocol') ? ['spec', 'ports', p, 'protocol'] : ['spec', 'ports', p],
          `${host}:${number} is ${protocol || 'unset (sniffed)'} here but ${clashes.join(', ')} for some of the same namespaces: only one definition wins, so the port may be handled with the wrong protocol. Use one protocol for the host and port`,
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
    const others = sidecarsIn(model, sidecar.namespace).filter((o) => o !== sidecar && !hasSelector(o));
    if (others.length === 0) continue;
    report(
      sidecar,
      'CONFLICT-SIDECAR',
      has(sidecar.resource.value, 'spec') ? ['spec'] : ['metadata', 'name'],
      `${names(others)} also ${others.length > 1 ? 'apply' : 'applies'} to every workload in namespace ${sidecar.namespace} (no workloadSelector): which one a proxy uses is undefined. Keep one namespace-wide Sidecar and give the others a workloadSelector`,
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
      const sharing = gatewaysWithCertificate(model, key).filter(
        (other) => other !== gateway && selectorWithin(selector, record(other.spec['selector']) ?? {}),
      );
      if (sharing.length === 0) continue;
      const field = has(tls, 'credentialName') ? 'credentialName' : 'serverCertificate';
      report(
        gateway,
        'GATEWAY-DUPLICATE-CERT',
        ['spec', 'servers', s, 'tls', field],
        `${names(sharing)} ${sharing.length > 1 ? 'serve' : 'serves'} the same certificate on the same gateway workload: a client that reuses an HTTP/2 connection opened for one of these hosts to call a host of the other Gateway gets 404, because the connection stays on the server chosen at the TLS handshake. Use a separate certificate per Gateway, or merge the servers into one Gateway`,
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
