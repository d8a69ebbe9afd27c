import type { PathSegment } from '../../bundle';
import {
  canonicalProtocol,
  isDns1123Label,
  isDns1123Subdomain,
  isIP,
  protocolFamily,
} from '../../istio/values';
import type { ResourceRule, RuleContext, RuleResource } from '../types';
import { checkServerTls, isPlainPassthrough } from './gateway-tls';
import { dnsNameProblems, splitNamespacedHost } from './namespaced-host';
import { list, num, record, records, str, strings } from '../../istio/read';

type Report = RuleContext['report'];

const UNIX_PREFIX = 'unix://';

/** Gateway admission rules (ISTIO.md §2.5), as istiod's `ValidateGateway` applies them. */
export const gatewayRules: ResourceRule[] = [
  { kinds: ['Gateway'], check: checkName },
  { kinds: ['Gateway'], check: checkServers },
];

function checkName({ resource, report }: RuleContext): void {
  const name = str(record(resource.value['metadata'])?.['name']);
  // Names that are not lower-case subdomains at all are SCHEMA-NAME's; Istio adds "no dots".
  if (name && isDns1123Subdomain(name) && !isDns1123Label(name)) {
    report('GW-13', ['metadata', 'name'], `invalid gateway name: "${name}"`);
  }
}

/** Where to point when a top-level spec field is missing: the field, else `spec`, else `kind`. */
function specFieldPath(resource: RuleResource, field: string): { path: PathSegment[]; key: boolean } {
  const spec = record(resource.value['spec']);
  if (spec && field in spec) return { path: ['spec', field], key: false };
  return spec ? { path: ['spec'], key: true } : { path: ['kind'], key: true };
}

function checkServers({ resource, report }: RuleContext): void {
  const { spec } = resource;
  const servers = spec['servers'];
  if (servers !== undefined && servers !== null && !Array.isArray(servers)) return; // SCHEMA-TYPE
  if (list(servers).length === 0) {
    const { path, key } = specFieldPath(resource, 'servers');
    report('GW-01', path, 'gateway must have at least one server', key ? { target: 'key' } : undefined);
    return;
  }
  for (const [server, i] of records(servers)) checkServer(server, ['spec', 'servers', i], report);

  const names = new Set<string>();
  for (const [server, i] of records(servers)) {
    const port = record(server['port']);
    if (!port) continue;
    const name = str(port['name']);
    if (name) {
      if (names.has(name)) {
        report(
          'GW-05',
          ['spec', 'servers', i, 'port', 'name'],
          `port names in servers must be unique: duplicate name ${name}`,
        );
      }
      names.add(name);
    }
    const tls = record(server['tls']);
    if (tls?.['httpsRedirect'] === true && protocolFamily(str(port['protocol'])) !== 'http') {
      report(
        'GW-14',
        ['spec', 'servers', i, 'tls', 'httpsRedirect'],
        'tls.httpsRedirect should only be used with http servers',
      );
    }
  }
}

function checkServer(server: Record<string, unknown>, base: PathSegment[], report: Report): void {
  const hosts = server['hosts'];
  if (Array.isArray(hosts) && hosts.length === 0) {
    report('GW-02', [...base, 'hosts'], 'server config must contain at least one host');
  }
  for (const [host, j] of strings(hosts)) {
    const problems = gatewayHostProblems(host);
    if (problems.length > 0) report('GW-03', [...base, 'hosts', j], problems.join('; '));
  }

  const port = record(server['port']);
  const bind = str(server['bind']) ?? '';
  const portValid = port ? checkPort(port, bind, [...base, 'port'], report) : false;
  checkBind(port, bind, base, report);

  const tls = record(server['tls']);
  if (tls) checkServerTls(tls, [...base, 'tls'], report);

  // Like the webhook, only judge the TLS/protocol pairing once the port itself is valid.
  if (!port || !portValid) return;
  const family = protocolFamily(str(port['protocol']));
  if (family === 'tls' && !tls) {
    report('GW-06', [...base, 'port'], 'server must have TLS settings for HTTPS/TLS protocols', {
      target: 'key',
    });
  } else if (family === 'http' && tls && !isPlainPassthrough(tls)) {
    report('GW-07', [...base, 'tls'], 'server cannot have TLS settings for plain text HTTP ports', {
      target: 'key',
    });
  } else if (family !== 'tls' && family !== 'http' && tls) {
    report('GW-07', [...base, 'tls'], 'server cannot have TLS settings for non HTTPS/TLS ports', {
      target: 'key',
    });
  }
}

/** Istio's `ValidateNamespaceSlashWildcardHostname` for Gateways: every message for one host. */
function gatewayHostProblems(host: string): string[] {
  const { namespace, dnsName } = splitNamespacedHost(host);
  if (namespace === undefined) return dnsNameProblems(dnsName, true);
  const problems: string[] = [];
  if (namespace === '' || dnsName === '')
    problems.push('config namespace and dnsName in host entry cannot be empty');
  // `~` is only allowed for gateways generated from the Gateway API.
  if (namespace !== '' && namespace !== '*' && namespace !== '.' && !isDns1123Label(namespace)) {
    problems.push(`invalid namespace value "${namespace}" in gateway`);
  }
  if (dnsName !== '') problems.push(...dnsNameProblems(dnsName, true));
  return problems;
}

/** Go's `%v` of a Port message, as the webhook prints it inside some messages. */
function formatPort(port: Record<string, unknown>): string {
  const parts: string[] = [];
  const number = num(port['number']);
  if (number) parts.push(`number:${number}`);
  for (const key of ['protocol', 'name']) {
    const value = str(port[key]);
    if (value) parts.push(`${key}:${JSON.stringify(value)}`);
  }
  return parts.join(' ');
}

/** GW-02 (empty name), GW-04 and GW-12; returns whether the webhook would find the port valid. */
function checkPort(
  port: Record<string, unknown>,
  bind: string,
  path: PathSegment[],
  report: Report,
): boolean {
  let valid = true;
  const protocol = str(port['protocol']);
  if (protocol === undefined)
    valid = false; // missing or not a string: the schema reports it
  else if (protocol === '' || !canonicalProtocol(protocol)) {
    report(
      'GW-04',
      [...path, 'protocol'],
      `invalid protocol "${protocol}", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP`,
    );
    valid = false;
  }
  const number = num(port['number']);
  if (number === undefined || !Number.isInteger(number)) valid = false;
  else if ((number > 0 || !bind.startsWith(UNIX_PREFIX)) && (number < 1 || number > 65535)) {
    report('GW-04', [...path, 'number'], `port number ${number} must be in the range 1..65535`);
    valid = false;
  }
  const targetPort = num(port['targetPort']);
  if (targetPort !== undefined && targetPort > 0) {
    report('GW-12', [...path, 'targetPort'], 'targetPort has no impact on Gateways');
    valid = false;
  }
  const name = str(port['name']);
  if (name === undefined) valid = false;
  else if (name === '') {
    report('GW-02', [...path, 'name'], `port name must be set: ${formatPort(port)}`);
    valid = false;
  }
  return valid;
}

/** Istio's `validateServerBind`: a unix socket path (with port 0) or an IP address. */
function checkBind(
  port: Record<string, unknown> | undefined,
  bind: string,
  base: PathSegment[],
  report: Report,
): void {
  if (bind.startsWith(UNIX_PREFIX)) {
    const socket = bind.slice(UNIX_PREFIX.length);
    if (socket === '')
      report('GW-14', [...base, 'bind'], 'unix address must not be empty', { severity: 'error' });
    else if (!socket.startsWith('@') && (!socket.startsWith('/') || socket.endsWith('/'))) {
      report('GW-14', [...base, 'bind'], `${socket} is not an absolute path to a file`, {
        severity: 'error',
      });
    }
    const number = port ? num(port['number']) : undefined;
    if (port && number !== undefined && number !== 0) {
      report(
        'GW-04',
        [...base, 'port', 'number'],
        `port number must be 0 for unix domain socket: ${formatPort(port)}`,
      );
    }
  } else if (bind !== '' && !isIP(bind)) {
    report('GW-14', [...base, 'bind'], `${bind} is not a valid IP`, { severity: 'error' });
  }
}
