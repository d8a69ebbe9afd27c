/**
 * Port-protocol analyzers (ISTIO.md §4.1 step 5, §4.4, §4.6): what a sidecar does on a port depends on
 * the protocol the ServiceEntry declares for it, and a TCP port without an address catches the port. On an HTTPS/TLS port the app speaks TLS, so the sidecar
 * routes by SNI only: HTTP rules never apply there, and a DestinationRule that originates TLS
 * wraps the app's TLS a second time.
 */
import type { PathSegment } from '../../bundle';
import { derivedPer } from '../../istio/indexes';
import type { BundleModel } from '../../istio/model';
import { num, record, records, str, strings } from '../../istio/read';
import { protocolFamily } from '../../istio/values';
import {
  destinationsTo,
  isClusterLocalHost,
  isMeshBound,
  rulesOf,
  serviceEntriesForHost,
} from '../../istio/visibility';
import type { Analyzer } from '.';

/** The declared protocol family of `port` on the ServiceEntries that define `host` for `namespace`. */
function portFamily(model: BundleModel, host: string, namespace: string, port: number): string | undefined {
  // Once per question: every route to a host port asks it.
  return derivedPer(model, 'port-family', [host, namespace, port], () => {
    for (const { entry } of serviceEntriesForHost(model, host, namespace)) {
      const declared = records(entry.spec['ports']).find(([p]) => num(p['number']) === port);
      if (declared) return protocolFamily(str(declared[0]['protocol']));
    }
    return undefined;
  });
}

/** Whether some http rule deliberately sends plain HTTP to `host:port`: from a gateway, or rewritten from an HTTP port. */
function receivesPlainHttp(model: BundleModel, host: string, port: number): boolean {
  return derivedPer(model, 'plain-http', [host, port], () =>
    destinationsTo(model, host).some(({ vs, rule, destination }) => {
      if (rule.kind !== 'http' || destination.port !== port) return false;
      if (destination.host.toLowerCase() !== host.toLowerCase()) return false;
      if ([...rule.gateways].some((g) => g !== 'mesh')) return true;
      return rule.matches.some(
        (m) =>
          m.port !== undefined &&
          rule.destinations.some((d) => portFamily(model, d.host, vs.namespace, m.port!) === 'http'),
      );
    }),
  );
}

/** The port numbers the ServiceEntries of `host` visible to `namespace` declare HTTPS/TLS, in order, once per host and namespace. */
function tlsPorts(model: BundleModel, host: string, namespace: string): readonly number[] {
  return derivedPer(model, 'tls-ports', [host, namespace], () => {
    const numbers = new Set<number>();
    for (const { entry } of serviceEntriesForHost(model, host, namespace)) {
      for (const [p] of records(entry.spec['ports'])) {
        const number = num(p['number']);
        if (number !== undefined && protocolFamily(str(p['protocol'])) === 'tls') numbers.add(number);
      }
    }
    return [...numbers];
  });
}

const checkHttpRulesOnTlsPorts: Analyzer = (model, report) => {
  for (const vs of model.virtualServices) {
    if (!isMeshBound(vs)) continue;
    for (const rule of rulesOf(vs)) {
      if (rule.kind !== 'http' || !rule.gateways.has('mesh')) continue;
      if (rule.matches.some((m) => m.port !== undefined)) continue;
      for (const d of rule.destinations) {
        if (d.mirror || d.port === undefined || isClusterLocalHost(d.host)) continue;
        if (portFamily(model, d.host, vs.namespace, d.port) !== 'tls') continue;
        report(
          vs,
          'HTTP-ROUTES-ON-TLS-PORT',
          [...d.path, 'port', 'number'],
          `port ${d.port} of ${d.host} is declared HTTPS/TLS, so sidecars see only encrypted traffic there and route it by SNI: this http rule never applies`,
        );
      }
    }
  }
};

const checkTlsOriginationOnTlsPorts: Analyzer = (model, report) => {
  for (const dr of model.destinationRules) {
    const host = str(dr.spec['host']);
    if (!host || isClusterLocalHost(host)) continue;
    const policy = record(dr.spec['trafficPolicy']);
    const ports = new Map<number, { tls: Record<string, unknown>; path: PathSegment[] } | undefined>();
    const topTls = record(policy?.['tls']);
    for (const number of tlsPorts(model, host, dr.namespace)) {
      ports.set(number, topTls ? { tls: topTls, path: ['spec', 'trafficPolicy', 'tls'] } : undefined);
    }
    // A port-level entry replaces the top-level policy for its port (ISTIO.md §4.4).
    for (const [setting, i] of records(policy?.['portLevelSettings'])) {
      const number = num(record(setting['port'])?.['number']);
      if (number === undefined || !ports.has(number)) continue;
      const tls = record(setting['tls']);
      ports.set(
        number,
        tls ? { tls, path: ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls'] } : undefined,
      );
    }
    for (const [port, found] of ports) {
      const mode = str(found?.tls['mode']);
      if (!found || (mode !== 'SIMPLE' && mode !== 'MUTUAL') || receivesPlainHttp(model, host, port))
        continue;
      report(
        dr,
        'TLS-ON-TLS-PORT',
        [...found.path, 'mode'],
        `${mode} TLS origination on port ${port} of ${host}, which the ServiceEntry declares HTTPS/TLS: the app already encrypts there, so its TLS would be wrapped twice`,
      );
    }
  }
};

// Fields a port-level entry replaces for its port (ISTIO.md §4.4: replaced, not merged) whose loss
// changes security or resilience. loadBalancer is replaced too, but losing it only changes the
// balancing algorithm, and Istio's own egress examples pair a top-level one with port-level tls.
const PORT_LEVEL_FIELDS = ['connectionPool', 'outlierDetection', 'tls'] as const;

const checkPortLevelDrops: Analyzer = (model, report) => {
  for (const dr of model.destinationRules) {
    const policy = record(dr.spec['trafficPolicy']);
    const top = PORT_LEVEL_FIELDS.filter((field) => record(policy?.[field]) !== undefined);
    if (top.length === 0) continue;
    for (const [setting, i] of records(policy?.['portLevelSettings'])) {
      const dropped = top.filter((field) => record(setting[field]) === undefined);
      if (dropped.length === 0) continue;
      const port = num(record(setting['port'])?.['number']);
      report(
        dr,
        'PORT-LEVEL-DROPS-POLICY',
        ['spec', 'trafficPolicy', 'portLevelSettings', i],
        `the top-level ${dropped.join(', ')} ${dropped.length > 1 ? 'do' : 'does'} not apply to port ${port ?? '?'}: its port-level settings replace the whole top-level policy; repeat ${dropped.length > 1 ? 'them' : 'it'} here`,
      );
    }
  }
};

const checkAddressesRequired: Analyzer = (model, report) => {
  if (model.meshAllocatesAddresses) return;
  for (const se of model.serviceEntries) {
    if (strings(se.spec['addresses']).length > 0) continue;
    // An address the controller allocated and wrote to status counts (IST0134 reads it too).
    if (records(record(se.resource.value['status'])?.['addresses']).length > 0) continue;
    const none = (str(se.spec['resolution']) ?? 'NONE') === 'NONE';
    for (const [port, p] of records(se.spec['ports'])) {
      const protocol = str(port['protocol']) ?? '';
      if (protocol !== '' && protocol.toUpperCase() !== 'TCP') continue;
      const number = num(port['number']);
      // A port still without its number (half typed) is the schema's to report first.
      if (number === undefined) continue;
      const why = none
        ? `with resolution NONE Istio allocates no address, so sidecars listen on 0.0.0.0:${number}`
        : `Istio allocates the entry an address, but only sidecars that capture DNS give it to the app (istioctl looks for ISTIO_META_DNS_CAPTURE with ISTIO_META_DNS_AUTO_ALLOCATE in meshConfig.defaultConfig.proxyMetadata); the others listen on 0.0.0.0:${number}`;
      report(
        se,
        'ADDRESSES-REQUIRED',
        ['spec', 'ports', p],
        `port ${number} serves TCP${protocol ? '' : ' (protocol unset)'} and the entry has no addresses: ${why} and send every TCP connection to port ${number}, whatever its destination IP, to this entry. Add the service's addresses${none ? '' : ', or turn on DNS capture with address allocation mesh-wide'}`,
      );
    }
  }
};

/** Analyzers for how declared port protocols interact with routes and TLS origination, and port-level policy. */
export const portAnalyzers: Analyzer[] = [
  checkAddressesRequired,
  checkHttpRulesOnTlsPorts,
  checkTlsOriginationOnTlsPorts,
  checkPortLevelDrops,
];
