import { isCIDR, isDns1123Label, isIP, validateWildcardDomain } from '../../istio/values';
import type { ResourceRule, RuleContext } from '../types';
import { has, list, num, record, records, str, strings } from '../../istio/read';
import {
  appliesToGatewayOnly,
  destinationsOf,
  goQuote,
  hostSubsetOf,
  matchesOf,
  portProblem,
  ROUTE_SECTIONS,
  rulesOf,
  type Path,
} from './virtual-service-shared';

const KINDS = ['VirtualService'];

/** Destinations, weights, ports and TLS/TCP rule shape (VS-06, VS-07, VS-13..VS-16). */
export const virtualServiceRouteRules: ResourceRule[] = [
  { kinds: KINDS, check: checkDestinations },
  { kinds: KINDS, check: checkWeights },
  { kinds: KINDS, check: checkTlsRules },
  { kinds: KINDS, check: checkRouteRequired },
  { kinds: KINDS, check: checkMatchPortsAndSubnets },
];

function checkDestinations({ resource, report }: RuleContext): void {
  for (const [destination, path] of destinationsOf(resource.spec)) {
    const host = str(destination['host']);
    if (host !== undefined) {
      if (host === '*') report('VS-06', [...path, 'host'], 'invalid destination host *');
      else {
        const problem = validateWildcardDomain(host);
        if (problem) report('VS-06', [...path, 'host'], problem);
      }
    }
    const subset = str(destination['subset']);
    if (subset && !isDns1123Label(subset)) {
      report('VS-16', [...path, 'subset'], `subset name is invalid: ${subset}`);
    }
    const port = record(destination['port']);
    if (port) {
      // An omitted number is 0 to Istio, which fails the range check.
      const value = has(port, 'number') ? num(port['number']) : 0;
      const problem = value === undefined ? undefined : portProblem(value);
      if (problem) {
        const present = has(port, 'number');
        report(
          'VS-16',
          present ? [...path, 'port', 'number'] : [...path, 'port'],
          problem,
          present ? {} : { target: 'key' },
        );
      }
    }
  }
}

function checkWeights({ resource, report }: RuleContext): void {
  for (const section of ROUTE_SECTIONS) {
    for (const [rule, rulePath] of rulesOf(resource.spec, section)) {
      const entries = records(rule['route']);
      let total = 0;
      let typed = true;
      for (const [entry, i] of entries) {
        const raw = entry['weight'];
        if (raw === undefined || raw === null) continue;
        const weight = num(raw);
        if (weight === undefined) {
          typed = false;
          continue;
        }
        if (weight < 0) report('VS-07', [...rulePath, 'route', i, 'weight'], `weight ${weight} < 0`);
        total += weight;
      }
      // A mistyped weight is the schema's finding; the sum would only add noise.
      if (typed && entries.length > 1 && total === 0) {
        report('VS-07', [...rulePath, 'route'], 'total destination weight = 0', { target: 'key' });
      }
    }
  }
}

function checkSniHost(
  sni: string,
  path: Path,
  hosts: string[],
  gatewayOnly: boolean,
  report: RuleContext['report'],
): void {
  const problem = validateWildcardDomain(sni);
  if (problem) {
    if (isIP(sni)) {
      report(
        'VS-14',
        path,
        `using an IP address (${goQuote(sni)}) goes against SNI spec and most clients do not support this`,
        { severity: 'warning' },
      );
    } else if (!(gatewayOnly && sni.startsWith('outbound_'))) {
      report('VS-14', path, problem);
    }
    return;
  }
  if (hosts.some((host) => hostSubsetOf(sni, host))) return;
  report(
    'VS-14',
    path,
    `SNI host ${goQuote(sni)} is not a compatible subset of any of the virtual service hosts: [${hosts.join(', ')}]`,
  );
}

function checkTlsRules({ resource, report }: RuleContext): void {
  const { spec } = resource;
  const hosts = strings(spec['hosts']).map(([h]) => h);
  // Istio's isGateway treats an empty gateways list as gateway-bound here.
  const gatewayOnly = list(spec['gateways']).length === 0 || appliesToGatewayOnly(spec);
  for (const [rule, rulePath] of rulesOf(spec, 'tls')) {
    const match = rule['match'];
    // A missing match is the schema's "Required value"; an empty list is the webhook's finding.
    if (Array.isArray(match) && match.length === 0) {
      report('VS-13', [...rulePath, 'match'], 'TLS route must have at least one match condition');
    }
    list(match).forEach((item, i) => {
      const matchPath = [...rulePath, 'match', i];
      if (item === null || item === undefined) {
        report('VS-13', matchPath, 'TLS match may not be null');
        return;
      }
      const block = record(item);
      if (!block) return;
      const sniHosts = block['sniHosts'];
      if (Array.isArray(sniHosts) && sniHosts.length === 0) {
        report('VS-13', [...matchPath, 'sniHosts'], 'TLS match must have at least one SNI host');
      }
      for (const [sni, j] of strings(sniHosts)) {
        checkSniHost(sni, [...matchPath, 'sniHosts', j], hosts, gatewayOnly, report);
      }
    });
  }
}

function checkRouteRequired({ resource, report }: RuleContext): void {
  for (const section of ['tls', 'tcp'] as const) {
    const label = section.toUpperCase();
    for (const [rule, rulePath] of rulesOf(resource.spec, section)) {
      if (list(rule['route']).length > 0) continue;
      const path = has(rule, 'route') ? [...rulePath, 'route'] : rulePath;
      report('VS-15', path, `${label} route is required`);
    }
  }
}

function checkMatchPortsAndSubnets({ resource, report }: RuleContext): void {
  const { spec } = resource;
  for (const section of ROUTE_SECTIONS) {
    for (const [rule, rulePath] of rulesOf(spec, section)) {
      for (const [match, matchPath] of matchesOf(rule, rulePath)) {
        const port = num(match['port']);
        // 0 means "any port" to Istio and is not checked.
        const problem = port === undefined || port === 0 ? undefined : portProblem(port);
        if (problem) report('VS-16', [...matchPath, 'port'], problem);
        if (section === 'http') continue;
        for (const [subnet, i] of strings(match['destinationSubnets'])) {
          const path = [...matchPath, 'destinationSubnets', i];
          if (subnet.split('/').length === 2) {
            if (!isCIDR(subnet)) report('VS-16', path, `${subnet} is not a valid CIDR block`);
          } else if (!isIP(subnet)) {
            report('VS-16', path, `${subnet} is not a valid IP`);
          }
        }
      }
    }
  }
}
