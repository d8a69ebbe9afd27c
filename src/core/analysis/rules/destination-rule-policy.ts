import type { PathSegment } from '../../bundle';
import { releaseAtLeast, type IstioVersion } from '../../istio/releases';
import { isIP, validateFqdn } from '../../istio/values';
import type { RuleContext } from '../types';
import { checkLocalityLb, checkZoneAwareLb } from './destination-rule-locality';
import { checkClientTls } from './destination-rule-tls';
import { has, list, num, record, records, str } from '../../istio/read';

type Report = RuleContext['report'];

/** Fields of which a top-level or subset `trafficPolicy` must set at least one. */
const POLICY_FIELDS = [
  'loadBalancer',
  'connectionPool',
  'outlierDetection',
  'tls',
  'portLevelSettings',
  'tunnel',
  'proxyProtocol',
  'retryBudget',
];

/** Fields of which a `portLevelSettings` entry must set at least one. */
const PORT_FIELDS = ['loadBalancer', 'connectionPool', 'outlierDetection', 'tls'];

const HTTP_COUNTS = [
  ['http1MaxPendingRequests', 'http1 max pending requests must be non-negative'],
  ['http2MaxRequests', 'http2 max requests must be non-negative'],
  ['maxRequestsPerConnection', 'max requests per connection must be non-negative'],
  ['maxRetries', 'max retries must be non-negative'],
  ['maxConcurrentStreams', 'max concurrent streams must be non-negative'],
] as const;

const HASH_KEYS = ['httpHeaderName', 'httpCookie', 'useSourceIp', 'httpQueryParameterName'];
const HASH_ALGORITHMS = ['ringHash', 'maglev'];

/** Maglev's table size limit in Envoy. */
const MAGLEV_MAX = 5000011;

/**
 * Istio 1.31's webhook relaxes warmup aggression from at least 1 to above 0 and checks the fields
 * 1.31 added (istio/istio release-1.31 pkg/config/validation/validation.go validateLoadBalancer and
 * validateConnectionPool, against tag 1.30.3).
 */
const RELEASE_1_31 = '1.31';

/** Whether Go would see the field as set: present, not null, and not an empty list (nil after decoding). */
function isSet(object: Record<string, unknown>, key: string): boolean {
  const value = object[key];
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/**
 * Istio's `validateTrafficPolicy` for a top-level or subset `trafficPolicy` at `path`, including
 * its `portLevelSettings` entries. `namespace` is the DestinationRule's namespace.
 */
export function checkTrafficPolicy(
  { resource: { namespace }, report, target }: RuleContext,
  policy: Record<string, unknown>,
  path: PathSegment[],
): void {
  if (!POLICY_FIELDS.some((field) => isSet(policy, field))) {
    report('DR-02', path, 'traffic policy must have at least one field', { target: 'key' });
    return;
  }
  // Istio stops at this conflict; we keep checking so every problem shows up at once.
  if (has(policy, 'tunnel') && has(policy, 'proxyProtocol')) {
    report('DR-17', [...path, 'proxyProtocol'], 'tunnel and proxyProtocol must not be set together', {
      target: 'key',
    });
  }
  checkSettings(report, namespace, policy, path, target);
  checkTunnel(report, record(policy['tunnel']), [...path, 'tunnel']);
  list(policy['portLevelSettings']).forEach((entry, i) => {
    const entryPath = [...path, 'portLevelSettings', i];
    const settings = record(entry);
    if (entry === null || entry === undefined) {
      report('DR-03', entryPath, 'traffic policy may not be null');
      return;
    }
    if (!settings) return; // the schema reports the wrong type
    if (!has(settings, 'port')) {
      report('DR-03', entryPath, 'portTrafficPolicy must have valid port', { target: 'key' });
    }
    if (!PORT_FIELDS.some((field) => has(settings, field))) {
      report('DR-03', entryPath, 'port traffic policy must have at least one field', { target: 'key' });
      return;
    }
    checkSettings(report, namespace, settings, entryPath, target);
  });
}

/** The settings shared by whole policies and port-level entries. */
function checkSettings(
  report: Report,
  namespace: string,
  level: Record<string, unknown>,
  path: PathSegment[],
  target: IstioVersion,
): void {
  checkOutlierDetection(report, record(level['outlierDetection']), [...path, 'outlierDetection']);
  checkConnectionPool(report, record(level['connectionPool']), [...path, 'connectionPool'], target);
  checkLoadBalancer(
    report,
    record(level['loadBalancer']),
    [...path, 'loadBalancer'],
    has(level, 'outlierDetection'),
    target,
  );
  checkClientTls(report, namespace, record(level['tls']), [...path, 'tls']);
}

function checkOutlierDetection(
  report: Report,
  outlier: Record<string, unknown> | undefined,
  path: PathSegment[],
): void {
  if (!outlier) return;
  const deprecated = num(outlier['consecutiveErrors']);
  if (deprecated !== undefined && deprecated !== 0) {
    report(
      'DR-09',
      [...path, 'consecutiveErrors'],
      'outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead',
    );
  }
  const localFailures = num(outlier['consecutiveLocalOriginFailures']);
  if (
    localFailures !== undefined &&
    localFailures > 0 &&
    outlier['splitExternalLocalOriginErrors'] !== true
  ) {
    report(
      'DR-08',
      [...path, 'consecutiveLocalOriginFailures'],
      'outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false',
    );
  }
  for (const field of ['maxEjectionPercent', 'minHealthPercent']) {
    const value = num(outlier[field]);
    if (value !== undefined && (value < 0 || value > 100)) {
      report('DR-07', [...path, field], `percentage ${value} is not in range 0..100`);
    }
  }
}

function checkConnectionPool(
  report: Report,
  pool: Record<string, unknown> | undefined,
  path: PathSegment[],
  target: IstioVersion,
): void {
  if (!pool) return;
  if (!has(pool, 'tcp') && !has(pool, 'http')) {
    report('DR-04', path, 'connection pool must have at least one field', { target: 'key' });
    return;
  }
  const http = record(pool['http']);
  if (http) {
    for (const [field, message] of HTTP_COUNTS) {
      const value = num(http[field]);
      if (value !== undefined && value < 0) report('DR-05', [...path, 'http', field], message);
    }
    if (str(http['h2UpgradePolicy']) === 'UPGRADE' && http['useClientProtocol'] === true) {
      report(
        'DR-15',
        [...path, 'http', 'useClientProtocol'],
        'use client protocol must not be true when H2UpgradePolicy is UPGRADE',
      );
    }
    const keepalive = record(http['http2KeepAlive']);
    if (keepalive && releaseAtLeast(target, RELEASE_1_31)) {
      // The durations themselves are checked by the schema layer (DR-06).
      for (const field of ['interval', 'timeout']) {
        if (!has(keepalive, field)) {
          report('DR-20', [...path, 'http', 'http2KeepAlive'], `http2 keepalive ${field} is required`, {
            target: 'key',
          });
        }
      }
    }
  }
  const maxConnections = num(record(pool['tcp'])?.['maxConnections']);
  if (maxConnections !== undefined && maxConnections < 0) {
    report('DR-05', [...path, 'tcp', 'maxConnections'], 'max connections must be non-negative');
  }
}

function checkLoadBalancer(
  report: Report,
  lb: Record<string, unknown> | undefined,
  path: PathSegment[],
  hasOutlier: boolean,
  target: IstioVersion,
): void {
  if (!lb) return;
  // The CRD expresses the proto oneofs as OpenAPI oneOf; the API server refuses a second member.
  if (has(lb, 'simple') && has(lb, 'consistentHash')) {
    report(
      'DR-16',
      [...path, 'consistentHash'],
      'loadBalancer can set only one of simple or consistentHash',
      {
        target: 'key',
      },
    );
  }
  const hash = record(lb['consistentHash']);
  if (hash) checkConsistentHash(report, hash, [...path, 'consistentHash']);
  checkLocalityLb(report, record(lb['localityLbSetting']), [...path, 'localityLbSetting'], hasOutlier);
  if (releaseAtLeast(target, RELEASE_1_31)) {
    if (has(lb, 'localityLbSetting') && has(lb, 'zoneAwareLbSetting')) {
      report(
        'DR-21',
        [...path, 'zoneAwareLbSetting'],
        'only one of localityLbSetting and zoneAwareLbSetting can be set',
        { target: 'key' },
      );
    }
    checkZoneAwareLb(report, record(lb['zoneAwareLbSetting']), [...path, 'zoneAwareLbSetting'], hasOutlier);
  }
  const warmup = record(lb['warmup']);
  if (warmup) {
    const minimumPercent = num(warmup['minimumPercent']);
    if (minimumPercent !== undefined && minimumPercent > 100) {
      report(
        'DR-18',
        [...path, 'warmup', 'minimumPercent'],
        'minimumPercent value should be less than or equal to 100',
      );
    }
    const aggression = num(warmup['aggression']);
    if (aggression !== undefined && releaseAtLeast(target, RELEASE_1_31) && aggression <= 0) {
      report('DR-18', [...path, 'warmup', 'aggression'], 'aggression should be greater than 0');
    } else if (aggression !== undefined && !releaseAtLeast(target, RELEASE_1_31) && aggression < 1) {
      report('DR-18', [...path, 'warmup', 'aggression'], 'aggression should be greater than or equal to 1');
    }
  }
}

function checkConsistentHash(report: Report, hash: Record<string, unknown>, path: PathSegment[]): void {
  const keys = HASH_KEYS.filter((key) => has(hash, key));
  if (keys.length > 1) {
    report(
      'DR-16',
      [...path, keys[1]!],
      `consistentHash can set only one of ${HASH_KEYS.join(', ')} (found ${keys.join(', ')})`,
      { target: 'key' },
    );
  }
  if (HASH_ALGORITHMS.every((key) => has(hash, key))) {
    report('DR-16', [...path, 'maglev'], 'consistentHash can set only one of ringHash or maglev', {
      target: 'key',
    });
  }
  const cookie = record(hash['httpCookie']);
  // A missing name is a schema Required error; an empty one only the webhook catches.
  if (cookie && str(cookie['name']) === '') {
    report('DR-16', [...path, 'httpCookie', 'name'], 'name required for HttpCookie');
  }
  const maglev = record(hash['maglev']);
  if (!maglev) return;
  const tableSize = num(maglev['tableSize']) ?? 0;
  if (tableSize === 0) {
    const target = has(maglev, 'tableSize') ? [...path, 'maglev', 'tableSize'] : [...path, 'maglev'];
    report('DR-16', target, 'tableSize must be set for maglev', {
      target: has(maglev, 'tableSize') ? 'value' : 'key',
    });
    return;
  }
  if (!Number.isInteger(tableSize) || tableSize < 0) return; // the schema reports it
  if (tableSize >= MAGLEV_MAX) {
    report('DR-16', [...path, 'maglev', 'tableSize'], 'tableSize must be less than 5000011 for maglev');
  }
  if (!isEnvoyPrime(tableSize)) {
    report('DR-16', [...path, 'maglev', 'tableSize'], 'tableSize must be a prime number for maglev');
  }
}

/** Envoy's `isPrime` (which Istio copies), including its quirk that 1 counts as prime. */
function isEnvoyPrime(x: number): boolean {
  if (x !== 0 && x < 4) return true;
  if (x % 2 === 0) return false;
  for (let factor = 3; factor * factor <= x; factor += 2) {
    if (x % factor === 0) return false;
  }
  return true;
}

function checkTunnel(report: Report, tunnel: Record<string, unknown> | undefined, path: PathSegment[]): void {
  if (!tunnel) return;
  const protocol = str(tunnel['protocol']);
  if (protocol !== undefined && protocol !== '' && protocol !== 'CONNECT' && protocol !== 'POST') {
    report('DR-17', [...path, 'protocol'], 'tunnel protocol must be "CONNECT" or "POST"');
  }
  // A missing targetHost or targetPort is a schema Required error.
  const host = str(tunnel['targetHost']);
  const hostProblem = host === undefined ? undefined : validateFqdn(host);
  if (host !== undefined && hostProblem && !isIP(host)) {
    report(
      'DR-17',
      [...path, 'targetHost'],
      `tunnel target host must be valid FQDN or IP address: ${hostProblem}; ${host} is not a valid IP`,
    );
  }
  const port = num(tunnel['targetPort']);
  if (port !== undefined && (port < 1 || port > 65535)) {
    report(
      'DR-17',
      [...path, 'targetPort'],
      `tunnel target port is invalid: port number ${port} must be in the range 1..65535`,
    );
  }
}

/** Each policy of a DestinationRule spec: the top-level one and every subset's, with their paths. */
export function trafficPolicies(spec: Record<string, unknown>): [Record<string, unknown>, PathSegment[]][] {
  const out: [Record<string, unknown>, PathSegment[]][] = [];
  const top = record(spec['trafficPolicy']);
  if (top) out.push([top, ['spec', 'trafficPolicy']]);
  for (const [subset, i] of records(spec['subsets'])) {
    const policy = record(subset['trafficPolicy']);
    if (policy) out.push([policy, ['spec', 'subsets', i, 'trafficPolicy']]);
  }
  return out;
}
