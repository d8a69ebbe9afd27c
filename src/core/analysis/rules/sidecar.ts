import type { PathSegment } from '../../bundle';
import { releaseAtLeast, type IstioVersion } from '../../istio/releases';
import { canonicalProtocol, isDns1123Label, isIP, validateFqdn } from '../../istio/values';
import type { ResourceRule, RuleContext } from '../types';
import { dnsNameProblems, splitNamespacedHost } from './namespaced-host';
import { has, list, num, record, records, str, strings } from '../../istio/read';

type Report = RuleContext['report'];

const UNIX_PREFIX = 'unix://';

/**
 * From Istio 1.31 an egress host's namespace may carry a `~` prefix to exclude it (`~team/*`):
 * istio/istio release-1.31 pkg/config/validation/agent/validation.go
 * ValidateNamespaceSlashWildcardHostname, and ValidateSidecar leaves excluded hosts out of the
 * duplicate checks. In 1.30.3 the namespace is `*`, `.`, `~` or a DNS label.
 */
const EXCLUSIONS_SINCE = '1.31';

/** Sidecar admission rules (ISTIO.md §2.6), as istiod's `ValidateSidecar` applies them. */
export const sidecarRules: ResourceRule[] = [
  { kinds: ['Sidecar'], check: checkSelectorAndEmptiness },
  { kinds: ['Sidecar'], check: checkIngress },
  { kinds: ['Sidecar'], check: checkEgress },
  { kinds: ['Sidecar'], check: checkOutboundTrafficPolicy },
];

/** True when the Sidecar configures something (Go's nil/empty test on the four top fields). */
function configuresSomething(spec: Record<string, unknown>): boolean {
  return (
    list(spec['egress']).length > 0 ||
    list(spec['ingress']).length > 0 ||
    has(spec, 'outboundTrafficPolicy') ||
    has(spec, 'inboundConnectionPool')
  );
}

function checkSelectorAndEmptiness({ resource, report }: RuleContext): void {
  const { spec } = resource;
  const selector = record(spec['workloadSelector']);
  const labels = record(selector?.['labels']) ?? {};
  for (const [key, value] of Object.entries(labels)) {
    const path = ['spec', 'workloadSelector', 'labels', key];
    const shown = `"${key}=${String(value)}"`;
    if (key === '')
      report('SC-10', path, `empty key is not supported in selector: ${shown}`, {
        severity: 'error',
        target: 'key',
      });
    if (key.includes('*') || String(value).includes('*')) {
      report('SC-10', path, `wildcard is not supported in selector: ${shown}`, { severity: 'error' });
    }
  }
  if (!configuresSomething(spec)) {
    const path: PathSegment[] = record(resource.value['spec']) ? ['spec'] : ['kind'];
    report('SC-01', path, 'sidecar: empty configuration provided', { target: 'key' });
    return; // the webhook stops here, so the selector warning below is never printed
  }
  if (selector && Object.keys(labels).length === 0) {
    report(
      'SC-10',
      ['spec', 'workloadSelector'],
      'sidecar: workload selector specified without labels, will be applied to all services in namespace',
      { target: 'key' },
    );
  }
}

/** Port name and protocol rules shared by ingress and egress listeners (SE-16/SE-17 wording). */
function checkPortNameAndProtocol(port: Record<string, unknown>, path: PathSegment[], report: Report): void {
  const name = str(port['name']);
  if (name && !isDns1123Label(name)) report('SC-08', [...path, 'name'], `invalid port name: ${name}`);
  const protocol = str(port['protocol']);
  if (protocol && !canonicalProtocol(protocol))
    report('SC-08', [...path, 'protocol'], `unsupported protocol: ${protocol}`);
  const targetPort = num(port['targetPort']);
  if (targetPort !== undefined && targetPort > 0) {
    report('SC-08', [...path, 'targetPort'], 'targetPort has no impact on Sidecars');
  }
}

function checkPortRange(number: number, path: PathSegment[], report: Report): void {
  if (number < 1 || number > 65535)
    report('SC-08', path, `port number ${number} must be in the range 1..65535`);
}

/** Istio's `ValidateUnixAddress` on the part after `unix://`. */
function unixAddressProblem(socket: string): string | undefined {
  if (socket === '') return 'unix address must not be empty';
  if (socket.startsWith('@')) return undefined;
  return socket.startsWith('/') && !socket.endsWith('/')
    ? undefined
    : `${socket} is not an absolute path to a file`;
}

/** Ingress listeners are not about egress, but their ports follow the same SC-08 rules. */
function checkIngress({ resource, report }: RuleContext): void {
  const numbers = new Set<number>();
  for (const [listener, i] of records(resource.spec['ingress'])) {
    const port = record(listener['port']);
    if (!port) continue; // a missing port is SCHEMA-REQUIRED
    const path: PathSegment[] = ['spec', 'ingress', i, 'port'];
    checkPortNameAndProtocol(port, path, report);
    const number = num(port['number']) ?? 0;
    checkPortRange(number, [...path, 'number'], report);
    const bind = str(listener['bind']) ?? '';
    if (bind !== '' && !isIP(bind))
      report('SC-08', ['spec', 'ingress', i, 'bind'], `${bind} is not a valid IP`);
    if (numbers.has(number))
      report('SC-08', [...path, 'number'], 'sidecar: ports on IP bound listeners must be unique');
    numbers.add(number);
  }
}

function checkEgress({ resource, report, target }: RuleContext): void {
  const listeners = records(resource.spec['egress']);
  const last = list(resource.spec['egress']).length - 1;
  const numbers = new Set<number>();
  const sockets = new Set<string>();
  for (const [listener, i] of listeners) {
    const base: PathSegment[] = ['spec', 'egress', i];
    const port = record(listener['port']);
    if (!port) {
      // Istio only accepts the catch-all at the end; an earlier one is blamed even when a later one exists.
      if (i !== last) {
        report(
          'SC-07',
          base,
          'sidecar: the egress listener with empty port should be the last listener in the list',
        );
      }
    } else {
      checkEgressPort(listener, port, base, numbers, sockets, report);
    }
    checkEgressHosts(listener['hosts'], [...base, 'hosts'], resource.namespace, report, target);
  }
}

function checkEgressPort(
  listener: Record<string, unknown>,
  port: Record<string, unknown>,
  base: PathSegment[],
  numbers: Set<number>,
  sockets: Set<string>,
  report: Report,
): void {
  const path = [...base, 'port'];
  checkPortNameAndProtocol(port, path, report);
  const number = num(port['number']) ?? 0;
  const bind = str(listener['bind']) ?? '';
  if (number === 0) {
    if (!bind.startsWith(UNIX_PREFIX)) {
      report(
        'SC-08',
        [...path, 'number'],
        'sidecar: ports with 0 value must have a unix domain socket bind address',
        {
          target: has(port, 'number') ? 'value' : 'key',
        },
      );
    } else {
      const problem = unixAddressProblem(bind.slice(UNIX_PREFIX.length));
      if (problem) report('SC-08', [...base, 'bind'], problem);
    }
    const captureMode = str(listener['captureMode']) ?? 'DEFAULT';
    if (captureMode !== 'DEFAULT' && captureMode !== 'NONE') {
      report(
        'SC-08',
        [...base, 'captureMode'],
        'sidecar: captureMode must be DEFAULT/NONE for unix domain socket listeners',
      );
    }
    if (sockets.has(bind))
      report('SC-08', [...base, 'bind'], 'sidecar: unix domain socket values for listeners must be unique');
    sockets.add(bind);
    return;
  }
  checkPortRange(number, [...path, 'number'], report);
  if (bind !== '' && !isIP(bind)) report('SC-08', [...base, 'bind'], `${bind} is not a valid IP`);
  if (numbers.has(number))
    report('SC-08', [...path, 'number'], 'sidecar: ports on IP bound listeners must be unique');
  numbers.add(number);
}

function checkEgressHosts(
  hosts: unknown,
  path: PathSegment[],
  namespace: string,
  report: Report,
  target: IstioVersion,
): void {
  const exclusions = releaseAtLeast(target, EXCLUSIONS_SINCE);
  if (Array.isArray(hosts) && hosts.length === 0) {
    report('SC-02', path, 'sidecar: egress listener must contain at least one host');
    return;
  }
  // Per namespace (with `.` resolved), the dnsNames already imported by this listener.
  const imported = new Map<string, Set<string>>();
  let everything: number | undefined;
  for (const [host, j] of strings(hosts)) {
    const hostPath = [...path, j];
    const { namespace: ns, dnsName } = splitNamespacedHost(host);
    if (ns === undefined) {
      report('SC-03', hostPath, 'host must be of form namespace/dnsName');
      continue;
    }
    const excluded = exclusions && ns.startsWith('~');
    if (!excluded) {
      const key = ns === '.' ? namespace : ns;
      const names = imported.get(key) ?? new Set<string>();
      imported.set(key, names);
      const duplicated = dnsName === '*' ? names.size > 0 : names.has(dnsName) || names.has('*');
      if (duplicated) report('SC-06', hostPath, `duplicated egress host: ${host}`);
      names.add(dnsName);
      if (ns === '*' && dnsName === '*') everything ??= j;
    }

    const named = excluded ? ns.slice(1) : ns;
    if (ns === '' || dnsName === '') {
      report('SC-04', hostPath, 'config namespace and dnsName in host entry cannot be empty');
    } else if (named !== '*' && named !== '.' && named !== (excluded ? '' : '~') && !isDns1123Label(named)) {
      report('SC-04', hostPath, `invalid namespace value "${ns}" in sidecar`);
    }
    if (dnsName !== '') {
      const problems = dnsNameProblems(dnsName, false);
      if (problems.length > 0) report('SC-05', hostPath, problems.join('; '));
    }
  }
  if (everything !== undefined && imported.size !== 1) {
    report('SC-06', [...path, everything], '`*/*` host select all resources, no other hosts can be added');
  }
}

function checkOutboundTrafficPolicy({ resource, report }: RuleContext): void {
  const policy = record(resource.spec['outboundTrafficPolicy']);
  const proxy = record(policy?.['egressProxy']);
  if (!policy || !proxy) return;
  const base: PathSegment[] = ['spec', 'outboundTrafficPolicy', 'egressProxy'];
  // In a Sidecar the proto default of mode is REGISTRY_ONLY, not the mesh setting.
  const mode = str(policy['mode']) ?? 'REGISTRY_ONLY';
  if (mode !== 'ALLOW_ANY') {
    // ALLOW_ANY_DYNAMIC_DNS is outside the 1.30 CRD enum: GEN-02 already refuses it.
    if (mode === 'REGISTRY_ONLY') {
      report(
        'SC-09',
        base,
        'sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode',
        {
          target: 'key',
        },
      );
    }
    return;
  }
  const host = str(proxy['host']);
  const hostProblem = host === undefined ? undefined : validateFqdn(host);
  if (hostProblem) report('SC-09', [...base, 'host'], hostProblem);
  const port = record(proxy['port']);
  if (!port) {
    report('SC-09', base, 'sidecar: egress_proxy port must be non-nil', { target: 'key' });
    return;
  }
  const subset = str(proxy['subset']);
  if (subset && !isDns1123Label(subset))
    report('SC-09', [...base, 'subset'], `subset name is invalid: ${subset}`);
  const number = num(port['number']) ?? 0;
  if (number < 1 || number > 65535) {
    report('SC-09', [...base, 'port', 'number'], `port number ${number} must be in the range 1..65535`, {
      target: has(port, 'number') ? 'value' : 'key',
    });
  }
}
