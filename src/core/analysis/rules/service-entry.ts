import {
  canonicalProtocol,
  isCIDR,
  isDns1123Label,
  isIP,
  isPartialWildcard,
  isWildcardHost,
  protocolFamily,
  validateFqdn,
  validateWildcardDomain,
} from '../../istio/values';
import type { ResourceRule, RuleContext } from '../types';
import { has, num, record, records, str, strings } from '../../istio/read';

const DYNAMIC_DNS_PROTOCOLS = ['HTTP', 'TLS', 'GRPC', 'HTTP2'];

/** ServiceEntry admission rules (ISTIO.md §2.1), as the CRD's CEL rules and istiod's webhook apply them. */
export const serviceEntryRules: ResourceRule[] = [
  { kinds: ['ServiceEntry'], check: checkHosts },
  { kinds: ['ServiceEntry'], check: checkAddresses },
  { kinds: ['ServiceEntry'], check: checkPorts },
  { kinds: ['ServiceEntry'], check: checkEndpoints },
  { kinds: ['ServiceEntry'], check: checkSelector },
  { kinds: ['ServiceEntry'], check: checkResolutionCombinations },
];

function resolutionOf(spec: Record<string, unknown>): string {
  return str(spec['resolution']) ?? 'NONE';
}

function checkHosts({ resource, report }: RuleContext): void {
  const { spec } = resource;
  const hosts = strings(spec['hosts']);
  if (hosts.length === 0) {
    report('SE-01', ['spec', 'hosts'], 'service entry must have at least one host');
    return;
  }
  const resolution = resolutionOf(spec);
  const hasEndpoints = records(spec['endpoints']).length > 0;
  for (const [host, i] of hosts) {
    const path = ['spec', 'hosts', i];
    if (host === '*') {
      report('SE-02', path, 'invalid host *');
      continue;
    }
    if (resolution === 'DYNAMIC_DNS') {
      if (!isWildcardHost(host))
        report('SE-24', path, 'host must be wildcarded for resolution mode DYNAMIC_DNS');
    } else if (isPartialWildcard(host)) {
      report('SE-04', path, `partial wildcard "${host}" not allowed`);
    }
    const problem = validateWildcardDomain(host);
    if (problem) {
      report(problem.includes('all-numeric') ? 'SE-05' : 'SE-03', path, problem);
      continue;
    }
    if ((resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN') && !hasEndpoints) {
      const fqdnProblem = validateFqdn(host);
      if (fqdnProblem) {
        report(
          'SE-06',
          path,
          `hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode ${resolution}, ${fqdnProblem}`,
        );
      }
    }
  }
}

function checkAddresses({ resource, report }: RuleContext): void {
  const { spec } = resource;
  const resolution = resolutionOf(spec);
  for (const [address, i] of strings(spec['addresses'])) {
    const path = ['spec', 'addresses', i];
    if (address.startsWith('unix://')) {
      report('SE-10', path, `${address} is not a valid IP: unix addresses are not allowed`);
    } else if (address.includes('/')) {
      if (!isCIDR(address)) report('SE-10', path, `${address} is not a valid CIDR block`);
      else if (resolution !== 'NONE' && resolution !== 'STATIC' && resolution !== 'DYNAMIC_DNS') {
        report('SE-09', path, 'CIDR addresses are allowed only for NONE/STATIC resolution types');
      }
    } else if (!isIP(address)) {
      report('SE-10', path, `${address} is not a valid IP`);
    }
    if (resolution === 'DYNAMIC_DNS') {
      report(
        'SE-24',
        path,
        'addresses cannot be set for resolution type DYNAMIC_DNS. HTTP route domains will only be generatedfrom the hosts field values',
      );
    }
  }
}

function checkPorts({ resource, report }: RuleContext): void {
  const { spec } = resource;
  const resolution = resolutionOf(spec);
  const names = new Set<string>();
  const numbers = new Set<number>();
  for (const [port, i] of records(spec['ports'])) {
    const name = str(port['name']);
    const number = num(port['number']);
    const protocol = str(port['protocol']);
    if (name !== undefined) {
      if (names.has(name))
        report('SE-15', ['spec', 'ports', i, 'name'], `service entry port name "${name}" already defined`);
      else if (!isDns1123Label(name))
        report('SE-16', ['spec', 'ports', i, 'name'], `invalid port name: ${name}`);
      names.add(name);
    }
    if (number !== undefined) {
      if (numbers.has(number))
        report('SE-14', ['spec', 'ports', i, 'number'], `service entry port ${number} already defined`);
      else if (number < 1 || number > 65535) {
        report(
          'SE-18',
          ['spec', 'ports', i, 'number'],
          `port number ${number} must be in the range 1..65535`,
        );
      }
      numbers.add(number);
    }
    const targetPort = num(port['targetPort']);
    if (targetPort !== undefined && (targetPort < 1 || targetPort > 65535)) {
      report(
        'SE-18',
        ['spec', 'ports', i, 'targetPort'],
        `port number ${targetPort} must be in the range 1..65535`,
      );
    }
    if (protocol !== undefined && protocol !== '' && !canonicalProtocol(protocol)) {
      report('SE-17', ['spec', 'ports', i, 'protocol'], `unsupported protocol: ${protocol}`);
    } else if (
      resolution === 'DYNAMIC_DNS' &&
      !DYNAMIC_DNS_PROTOCOLS.includes(canonicalProtocol(protocol ?? '') ?? '')
    ) {
      report(
        'SE-24',
        ['spec', 'ports', i, 'protocol'],
        'only HTTP, TLS, GRPC, and HTTP2 protocols are supported for resolution type DYNAMIC_DNS',
      );
    }
  }
}

function checkEndpoints({ resource, report }: RuleContext): void {
  const { spec } = resource;
  const resolution = resolutionOf(spec);
  const endpoints = records(spec['endpoints']);
  if (endpoints.length === 0) return;
  if (resolution === 'NONE') {
    report('SE-08', ['spec', 'endpoints'], 'no endpoints should be provided for resolution type none', {
      target: 'key',
    });
    return;
  }
  if (resolution === 'DYNAMIC_DNS') {
    report(
      'SE-24',
      ['spec', 'endpoints'],
      'endpoints cannot be set for resolution type DYNAMIC_DNS. Destination IP address determined from hostsfield values',
      { target: 'key' },
    );
    return;
  }
  if (resolution === 'DNS_ROUND_ROBIN' && endpoints.length > 1) {
    report(
      'SE-07',
      ['spec', 'endpoints'],
      'there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN',
      {
        target: 'key',
      },
    );
  }
  const ports = records(spec['ports']);
  const portNumberByName = new Map(ports.map(([p]) => [str(p['name']) ?? '', num(p['number'])]));
  let unixEndpoint = false;
  for (const [endpoint, i] of endpoints) {
    const path = ['spec', 'endpoints', i];
    const address = str(endpoint['address']);
    const endpointPorts = record(endpoint['ports']);
    if (address === undefined || address === '') {
      if (has(endpoint, 'network'))
        report('SE-22', path, 'address is not set; the endpoint relies on its network gateway', {
          severity: 'warning',
        });
      else report('SE-22', path, 'address is required');
    } else if (address.startsWith('unix://')) {
      unixEndpoint = true;
      if (resolution !== 'STATIC') {
        report(
          'SE-12',
          [...path, 'address'],
          `endpoint address "${address}" is not a valid FQDN or an IP address`,
        );
      } else {
        const socket = address.slice('unix://'.length);
        if (!socket.startsWith('/') && !socket.startsWith('@'))
          report('SE-23', [...path, 'address'], 'UDS must be an absolute path or abstract socket');
        else if (socket.endsWith('/')) report('SE-23', [...path, 'address'], 'UDS may not be a dir');
        if (endpointPorts && Object.keys(endpointPorts).length > 0) {
          report('SE-23', [...path, 'ports'], `unix endpoint ${address} must not include ports`, {
            target: 'key',
          });
        }
      }
    } else if (resolution === 'STATIC') {
      if (!isIP(address))
        report('SE-11', [...path, 'address'], `endpoint address "${address}" is not a valid IP address`);
    } else if (!isIP(address) && validateFqdn(address)) {
      report(
        'SE-12',
        [...path, 'address'],
        `endpoint address "${address}" is not a valid FQDN or an IP address`,
      );
    }
    for (const [portName, value] of Object.entries(endpointPorts ?? {})) {
      const portPath = [...path, 'ports', portName];
      if (!isDns1123Label(portName))
        report('SE-16', portPath, `invalid port name: ${portName}`, { target: 'key' });
      else if (!portNumberByName.has(portName)) {
        const shown = typeof value === 'number' ? value : portName;
        report('SE-13', portPath, `endpoint port ${shown} is not defined by the service entry`, {
          target: 'key',
        });
      }
      if (typeof value === 'number' && (value < 1 || value > 65535)) {
        report('SE-18', portPath, `port number ${value} must be in the range 1..65535`);
      }
    }
  }
  if (unixEndpoint && resolution === 'STATIC' && ports.length !== 1) {
    // Point at the first port too many (or at `ports` when there is none).
    const extra = ports.length > 1 ? ['spec', 'ports', ports[1]![1]] : ['spec', 'ports'];
    report('SE-23', extra, 'exactly 1 service port required for unix endpoints', { target: 'key' });
  }
}

function checkSelector({ resource, report }: RuleContext): void {
  const { spec } = resource;
  const selector = record(spec['workloadSelector']);
  if (!selector) return;
  if (records(spec['endpoints']).length > 0) {
    report(
      'SE-21',
      ['spec', 'endpoints'],
      'only one of WorkloadSelector or Endpoints is allowed in Service Entry',
      {
        target: 'key',
      },
    );
  }
  const labels = record(selector['labels']) ?? {};
  if (Object.keys(labels).length === 0) {
    report(
      'SE-25',
      ['spec', 'workloadSelector'],
      'service entry: workload selector specified without labels, will be applied to all services in namespace',
      { target: 'key' },
    );
  }
  for (const [key, value] of Object.entries(labels)) {
    const path = ['spec', 'workloadSelector', 'labels', key];
    if (key === '')
      report('SE-25', path, `empty key is not supported in selector: "${key}=${String(value)}"`, {
        severity: 'error',
      });
    else if (key.includes('*') || String(value).includes('*')) {
      report('SE-25', path, `wildcard is not supported in selector: "${key}=${String(value)}"`, {
        severity: 'error',
      });
    }
  }
  if (resolutionOf(spec) === 'NONE') {
    report(
      'SE-25',
      ['spec', 'workloadSelector'],
      'workloadSelector should not be set when resolution mode is NONE',
      { target: 'key' },
    );
  }
}

function checkResolutionCombinations({ resource, report }: RuleContext): void {
  const { spec } = resource;
  const resolution = resolutionOf(spec);
  const hosts = strings(spec['hosts']);
  const ports = records(spec['ports']);
  const addresses = strings(spec['addresses']);
  if (resolution !== 'NONE' && hosts.length > 1) {
    const bad = ports.find(([p]) => {
      const family = protocolFamily(str(p['protocol']));
      return family !== 'http' && family !== 'tls';
    });
    if (bad)
      report('SE-19', ['spec', 'ports', bad[1]], 'multiple hosts provided with non-HTTP, non-TLS ports');
  }
  const labels = record(record(resource.value['metadata'])?.['labels']);
  // ShouldV2AutoAllocateIP: NONE never gets an address; the label opts out (any case of "false").
  const optOut = str(labels?.['networking.istio.io/enable-autoallocate-ip'])?.toLowerCase() === 'false';
  if (addresses.length === 0 && (resolution === 'NONE' || optOut)) {
    for (const [port, p] of ports) {
      // The webhook compares the protocol as written: "tcp" is not TCP here (istioctl's IST0134 is).
      const protocol = str(port['protocol']) ?? '';
      if (protocol !== '' && protocol !== 'TCP') continue;
      report(
        'SE-20',
        ['spec', 'ports', p],
        'addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled',
      );
    }
  }
  if (resolution === 'DNS' && addresses.length > 0 && hosts.length > 1) {
    const tcpFamily = ports.find(([p]) => protocolFamily(str(p['protocol'])) !== 'http');
    if (tcpFamily) {
      report(
        'SE-25',
        ['spec', 'addresses', addresses[0]![1]],
        'service entry can not have more than one host specified simultaneously with address and tcp port',
      );
    }
  }
  if (
    resolution === 'DYNAMIC_DNS' &&
    str(spec['location']) === 'MESH_INTERNAL' &&
    labels?.['istio.io/use-waypoint']
  ) {
    report(
      'SE-24',
      ['spec', 'location'],
      'location MESH_INTERNAL with resolution type DYNAMIC_DNS is not supported when using waypoints',
    );
  }
}
