import { describe, expect, it } from 'vitest';

import { findingsFor } from '../testing';
import { ruleTable, source } from '../../../../test/support/rule-table';

const dr = (spec: string, namespace = 'app') => source`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata:
    name: dr
    namespace: ${namespace}
  spec:
  ${spec}
`;
// Lines: 1 apiVersion, 2 kind, 3 metadata, 4 name, 5 namespace, 6 spec:, 7.. spec body (indented 2).
const body = (...lines: string[]) => lines.map((l) => `  ${l}`).join('\n');

/** `host: api.example.com` then a trafficPolicy whose lines start at line 9. */
const policy = (...lines: string[]) =>
  dr(body('host: api.example.com', 'trafficPolicy:', ...lines.map((l) => `  ${l}`)));

// The seed corpus DestinationRules (test/corpus/valid/seed-*.yaml), all accepted by Istio.
const seedTlsOrigination = policy('tls:', '  mode: SIMPLE', '  sni: api.external-service.com');
const seedMutualTls = policy(
  'tls:',
  '  mode: MUTUAL',
  '  clientCertificate: /etc/certs/client-cert.pem',
  '  privateKey: /etc/certs/client-key.pem',
  '  caCertificates: /etc/certs/ca-cert.pem',
  '  sni: partner-api.secure.com',
);
const seedConnectionPool = policy(
  'connectionPool:',
  '  tcp:',
  '    maxConnections: 100',
  '    connectTimeout: 10s',
  '    tcpKeepalive:',
  '      time: 300s',
  '      interval: 60s',
  '      probes: 3',
  '  http:',
  '    h2UpgradePolicy: UPGRADE',
  '    maxRequestsPerConnection: 100',
  '    http1MaxPendingRequests: 100',
  '    http2MaxRequests: 1000',
);
const seedCircuitBreaker = policy(
  'outlierDetection:',
  '  consecutive5xxErrors: 5',
  '  interval: 30s',
  '  baseEjectionTime: 60s',
  '  maxEjectionPercent: 50',
  '  minHealthPercent: 30',
);

const ALL_CODES = Array.from({ length: 19 }, (_, i) => `DR-${String(i + 1).padStart(2, '0')}`);

describe('seed DestinationRules', () => {
  it.each([
    ['TLS origination', seedTlsOrigination],
    ['mutual TLS', seedMutualTls],
    ['connection pool', seedConnectionPool],
    ['circuit breaker', seedCircuitBreaker],
  ])('%s has no DR finding', (_name, yaml) => {
    expect(findingsFor(yaml, ALL_CODES)).toEqual([]);
  });
});

ruleTable('DR-01', [
  { name: 'FQDN host', yaml: dr(body('host: api.example.com')), expect: [] },
  { name: 'bare wildcard is allowed', yaml: dr(body('host: "*"')), expect: [] },
  { name: 'partial wildcard is allowed', yaml: dr(body('host: "*partner.example.org"')), expect: [] },
  { name: 'short name', yaml: dr(body('host: reviews')), expect: [] },
  {
    name: 'IP host',
    yaml: dr(body('host: 203.0.113.7')),
    expect: [
      { line: 7, message: 'domain name "0.113.7" invalid (top level domain "7" cannot be all-numeric)' },
    ],
  },
  {
    name: 'invalid label',
    yaml: dr(body('host: api_v1.example.com')),
    expect: [{ line: 7, message: 'domain name "api_v1.example.com" invalid (label "api_v1" invalid)' }],
  },
  {
    name: 'wildcard in a later label',
    yaml: dr(body('host: "api.*.example.com"')),
    expect: [{ line: 7, message: '(label "*" invalid)' }],
  },
  {
    name: 'empty host',
    yaml: dr(body('host: ""')),
    expect: [{ line: 7, message: 'empty domain name not allowed' }],
  },
]);

ruleTable('DR-02', [
  { name: 'policy with tls', yaml: policy('tls: {mode: SIMPLE}'), expect: [] },
  {
    name: 'policy with only port-level settings',
    yaml: policy('portLevelSettings:', '- port: {number: 443}', '  tls: {mode: SIMPLE}'),
    expect: [],
  },
  { name: 'policy with only retryBudget', yaml: policy('retryBudget: {percent: 10}'), expect: [] },
  {
    name: 'subset policy with a pool',
    yaml: dr(
      body(
        'host: api.example.com',
        'subsets:',
        '- name: v1',
        '  trafficPolicy:',
        '    connectionPool: {tcp: {}}',
      ),
    ),
    expect: [],
  },
  {
    name: 'empty top-level policy',
    yaml: dr(body('host: api.example.com', 'trafficPolicy: {}')),
    expect: [{ line: 8, message: 'traffic policy must have at least one field' }],
  },
  {
    name: 'empty subset policy',
    yaml: dr(
      body('host: egress.istio-system.svc.cluster.local', 'subsets:', '- name: cnn', '  trafficPolicy: {}'),
    ),
    expect: [{ line: 10 }],
  },
  {
    name: 'only an empty portLevelSettings list',
    yaml: policy('portLevelSettings: []'),
    expect: [{ line: 8 }],
  },
]);

ruleTable('DR-03', [
  {
    name: 'port with tls',
    yaml: policy('portLevelSettings:', '- port: {number: 443}', '  tls: {mode: SIMPLE}'),
    expect: [],
  },
  {
    name: 'entry with only a port',
    yaml: policy('portLevelSettings:', '- port: {number: 80}'),
    expect: [{ line: 10, message: 'port traffic policy must have at least one field' }],
  },
  {
    name: 'entry without a port',
    yaml: policy('portLevelSettings:', '- tls: {mode: SIMPLE}'),
    expect: [{ line: 10, message: 'portTrafficPolicy must have valid port' }],
  },
  {
    name: 'null entry',
    yaml: policy('portLevelSettings: [null]'),
    expect: [{ line: 9, message: 'traffic policy may not be null' }],
  },
  {
    name: 'subset entry with only a port',
    yaml: dr(
      body(
        'host: api.example.com',
        'subsets:',
        '- name: v1',
        '  trafficPolicy:',
        '    portLevelSettings:',
        '    - port: {number: 80}',
      ),
    ),
    expect: [{ line: 12 }],
  },
]);

ruleTable('DR-04', [
  { name: 'tcp pool', yaml: policy('connectionPool: {tcp: {maxConnections: 100}}'), expect: [] },
  { name: 'seed connection pool', yaml: seedConnectionPool, expect: [] },
  {
    name: 'empty pool',
    yaml: policy('connectionPool: {}'),
    expect: [{ line: 9, message: 'connection pool must have at least one field' }],
  },
  {
    name: 'empty port-level pool',
    yaml: policy('portLevelSettings:', '- port: {number: 80}', '  connectionPool: {}'),
    expect: [{ line: 11 }],
  },
]);

ruleTable('DR-05', [
  {
    name: 'zero limits',
    yaml: policy(
      'connectionPool:',
      '  tcp: {maxConnections: 0}',
      '  http: {maxRetries: 0, maxConcurrentStreams: 0}',
    ),
    expect: [],
  },
  {
    name: 'negative maxConnections',
    yaml: policy('connectionPool:', '  tcp:', '    maxConnections: -1'),
    expect: [{ line: 11, message: 'max connections must be non-negative' }],
  },
  {
    name: 'negative http limits',
    yaml: policy(
      'connectionPool:',
      '  http:',
      '    http1MaxPendingRequests: -10',
      '    http2MaxRequests: -1',
      '    maxRequestsPerConnection: -1',
      '    maxRetries: -3',
      '    maxConcurrentStreams: -1',
    ),
    expect: [
      { line: 11, message: 'http1 max pending requests must be non-negative' },
      { line: 12, message: 'http2 max requests must be non-negative' },
      { line: 13, message: 'max requests per connection must be non-negative' },
      { line: 14, message: 'max retries must be non-negative' },
      { line: 15, message: 'max concurrent streams must be non-negative' },
    ],
  },
  {
    name: 'negative limit in a subset port-level pool',
    yaml: dr(
      body(
        'host: api.example.com',
        'subsets:',
        '- name: v1',
        '  trafficPolicy:',
        '    portLevelSettings:',
        '    - port: {number: 80}',
        '      connectionPool: {tcp: {maxConnections: -5}}',
      ),
    ),
    expect: [{ line: 13 }],
  },
]);

// DR-06 comes from the schema walker (field docs mark these fields as durations).
ruleTable('DR-06', [
  {
    name: 'whole-millisecond durations',
    yaml: policy('connectionPool: {tcp: {connectTimeout: 1ms}}', 'outlierDetection: {interval: 10s}'),
    expect: [],
  },
  {
    name: 'idleTimeout 0s disables the timeout',
    yaml: policy('connectionPool:', '  tcp:', '    idleTimeout: 0s'),
    expect: [],
  },
  {
    name: 'sub-millisecond connectTimeout',
    yaml: policy('connectionPool:', '  tcp:', '    connectTimeout: 500us'),
    expect: [{ line: 11, message: 'duration must be greater than 1ms' }],
  },
  {
    name: 'zero interval',
    yaml: policy('outlierDetection:', '  consecutive5xxErrors: 5', '  interval: 0s'),
    expect: [{ line: 11, message: 'duration must be greater than 1ms' }],
  },
  {
    name: 'fractional milliseconds',
    yaml: policy('outlierDetection:', '  baseEjectionTime: 1.5ms'),
    expect: [{ line: 10, message: 'only durations to ms precision are supported' }],
  },
]);

ruleTable('DR-07', [
  { name: 'seed circuit breaker', yaml: seedCircuitBreaker, expect: [] },
  {
    name: 'bounds are inclusive',
    yaml: policy('outlierDetection: {maxEjectionPercent: 100, minHealthPercent: 0}'),
    expect: [],
  },
  {
    name: 'maxEjectionPercent over 100',
    yaml: policy('outlierDetection:', '  consecutive5xxErrors: 5', '  maxEjectionPercent: 150'),
    expect: [{ line: 11, message: 'percentage 150 is not in range 0..100' }],
  },
  {
    name: 'negative minHealthPercent',
    yaml: policy('outlierDetection:', '  minHealthPercent: -1'),
    expect: [{ line: 10, message: 'percentage -1 is not in range 0..100' }],
  },
]);

ruleTable('DR-08', [
  {
    name: 'local-origin failures with split errors',
    yaml: policy(
      'outlierDetection:',
      '  splitExternalLocalOriginErrors: true',
      '  consecutiveLocalOriginFailures: 3',
    ),
    expect: [],
  },
  {
    name: 'zero local-origin failures',
    yaml: policy('outlierDetection: {consecutiveLocalOriginFailures: 0}'),
    expect: [],
  },
  {
    name: 'local-origin failures without split errors',
    yaml: policy('outlierDetection:', '  consecutiveLocalOriginFailures: 3'),
    expect: [{ line: 10, message: 'split external local origin errors is set to false' }],
  },
]);

ruleTable('DR-09', [
  { name: 'consecutive5xxErrors', yaml: seedCircuitBreaker, expect: [] },
  { name: 'consecutiveErrors 0', yaml: policy('outlierDetection: {consecutiveErrors: 0}'), expect: [] },
  {
    name: 'deprecated consecutiveErrors',
    yaml: policy('outlierDetection:', '  consecutiveErrors: 5', '  interval: 10s'),
    expect: [
      { line: 10, severity: 'warning', message: 'outlier detection consecutive errors is deprecated' },
    ],
  },
]);

ruleTable('DR-10', [
  { name: 'seed mutual TLS', yaml: seedMutualTls, expect: [] },
  {
    name: 'MUTUAL with credentialName',
    yaml: policy('tls: {mode: MUTUAL, credentialName: client}'),
    expect: [],
  },
  { name: 'SIMPLE without files', yaml: seedTlsOrigination, expect: [] },
  {
    name: 'MUTUAL with only a CA',
    yaml: policy('tls: {mode: MUTUAL, caCertificates: /etc/certs/ca.pem}'),
    expect: [
      { line: 9, message: 'client certificate required for mutual tls' },
      { line: 9, message: 'private key required for mutual tls' },
    ],
  },
  {
    name: 'MUTUAL without private key',
    yaml: policy('tls:', '  mode: MUTUAL', '  clientCertificate: /etc/certs/client.pem'),
    expect: [{ line: 9, message: 'private key required for mutual tls' }],
  },
  {
    name: 'MUTUAL with an empty client certificate',
    yaml: policy('tls:', '  mode: MUTUAL', '  clientCertificate: ""', '  privateKey: /etc/certs/client.key'),
    expect: [{ line: 11, message: 'client certificate required for mutual tls' }],
  },
  {
    name: 'port-level MUTUAL without files',
    yaml: policy('portLevelSettings:', '- port: {number: 443}', '  tls:', '    mode: MUTUAL'),
    expect: [{ line: 11 }, { line: 11 }],
  },
  {
    name: 'subset MUTUAL without files',
    yaml: dr(
      body('host: api.example.com', 'subsets:', '- name: v1', '  trafficPolicy:', '    tls: {mode: MUTUAL}'),
    ),
    expect: [{ line: 11 }, { line: 11 }],
  },
]);

ruleTable('DR-11', [
  { name: 'seed mutual TLS', yaml: seedMutualTls, expect: [] },
  { name: 'credential alone', yaml: policy('tls: {mode: SIMPLE, credentialName: api-ca}'), expect: [] },
  {
    name: 'DISABLE ignores the combination',
    yaml: policy('tls: {mode: DISABLE, credentialName: api-ca, caCertificates: /etc/ca.pem}'),
    expect: [],
  },
  {
    name: 'SIMPLE credential with a CA file',
    yaml: policy('tls:', '  mode: SIMPLE', '  credentialName: api-ca', '  caCertificates: /etc/ca.pem'),
    expect: [{ line: 12, message: 'cannot specify client certificates or CA certificate or CA CRL' }],
  },
  {
    name: 'MUTUAL credential with a private key',
    yaml: policy('tls:', '  mode: MUTUAL', '  credentialName: client', '  privateKey: /etc/certs/key.pem'),
    expect: [{ line: 12 }],
  },
  {
    name: 'SIMPLE credential with a CRL',
    yaml: policy('tls:', '  mode: SIMPLE', '  credentialName: api-ca', '  caCrl: /etc/crl.pem'),
    expect: [{ line: 12 }],
  },
]);

ruleTable('DR-12', [
  {
    name: 'SIMPLE skip verify alone',
    yaml: policy('tls: {mode: SIMPLE, insecureSkipVerify: true}'),
    expect: [],
  },
  {
    name: 'MUTUAL skip verify with credentialName',
    yaml: policy('tls: {mode: MUTUAL, insecureSkipVerify: true, credentialName: client}'),
    expect: [],
  },
  {
    name: 'skip verify false with a CA',
    yaml: policy('tls: {mode: SIMPLE, insecureSkipVerify: false, caCertificates: /etc/ca.pem}'),
    expect: [],
  },
  {
    name: 'SIMPLE skip verify with SANs',
    yaml: policy('tls: {mode: SIMPLE, insecureSkipVerify: true, subjectAltNames: [api.example.com]}'),
    expect: [{ line: 9, message: 'cannot specify CaCertificates or CredentialName or SubjectAltNames' }],
  },
  {
    name: 'SIMPLE skip verify with credentialName',
    yaml: policy('tls:', '  mode: SIMPLE', '  credentialName: api-ca', '  insecureSkipVerify: true'),
    expect: [{ line: 12 }],
  },
  {
    name: 'MUTUAL skip verify with a CA',
    yaml: policy(
      'tls:',
      '  mode: MUTUAL',
      '  clientCertificate: /c.pem',
      '  privateKey: /k.pem',
      '  caCertificates: /ca.pem',
      '  insecureSkipVerify: true',
    ),
    expect: [{ line: 14, message: 'cannot specify CaCertificates or SubjectAltNames when' }],
  },
]);

ruleTable('DR-13', [
  {
    name: 'configmap in the own namespace',
    yaml: policy('tls: {mode: SIMPLE, credentialName: "configmap://app/ca-bundle"}'),
    expect: [],
  },
  {
    name: 'configmap without a namespace',
    yaml: policy('tls: {mode: SIMPLE, credentialName: "configmap://ca-bundle"}'),
    expect: [],
  },
  {
    name: 'a Secret name',
    yaml: policy('tls: {mode: SIMPLE, credentialName: other-ns-looking/name}'),
    expect: [],
  },
  {
    name: 'configmap in another namespace',
    yaml: policy('tls:', '  mode: SIMPLE', '  credentialName: "configmap://other/ca-bundle"'),
    expect: [
      {
        line: 11,
        message:
          'invalid configmap:// credentialName: namespace must match the configuration namespace "app"',
      },
    ],
  },
  {
    name: 'configmap with an empty namespace',
    yaml: policy('tls:', '  mode: SIMPLE', '  credentialName: "configmap:///ca-bundle"'),
    expect: [{ line: 11, message: 'Expected namespace' }],
  },
  {
    name: 'port-level configmap in another namespace',
    yaml: policy(
      'portLevelSettings:',
      '- port: {number: 443}',
      '  tls: {mode: SIMPLE, credentialName: "configmap://x/y"}',
    ),
    expect: [{ line: 11 }],
  },
]);

ruleTable('DR-14', [
  {
    name: 'egress gateway subsets',
    yaml: dr(
      body(
        'host: istio-egressgateway.istio-system.svc.cluster.local',
        'subsets: [{name: cnn}, {name: wiki}]',
      ),
    ),
    expect: [],
  },
  {
    name: 'upper-case name and labels',
    yaml: dr(
      body(
        'host: reviews',
        'subsets:',
        '- name: Blue',
        '  labels:',
        '    version: blue',
        '    app.kubernetes.io/name: reviews',
        '    empty: ""',
      ),
    ),
    expect: [],
  },
  {
    name: 'duplicate names',
    yaml: dr(body('host: egress.istio-system.svc.cluster.local', 'subsets:', '- name: cnn', '- name: cnn')),
    expect: [{ line: 10, message: 'duplicate subset names: cnn' }],
  },
  {
    name: 'dotted name',
    yaml: dr(body('host: reviews', 'subsets:', '- name: v1.0')),
    expect: [{ line: 9, message: 'subset name is invalid: v1.0' }],
  },
  {
    name: 'empty name',
    yaml: dr(body('host: reviews', 'subsets:', '- name: ""')),
    expect: [{ line: 9, message: 'subset name cannot be empty' }],
  },
  {
    name: 'null subset',
    yaml: dr(body('host: reviews', 'subsets: [null]')),
    expect: [{ line: 8, message: 'subset may not be null' }],
  },
  {
    name: 'invalid label value',
    yaml: dr(body('host: reviews', 'subsets:', '- name: beta', '  labels:', '    version: "v1 beta"')),
    expect: [{ line: 11, message: 'invalid tag value: "v1 beta"' }],
  },
  {
    name: 'invalid label key',
    yaml: dr(body('host: reviews', 'subsets:', '- name: beta', '  labels:', '    "-version": v1')),
    expect: [{ line: 11, message: 'invalid tag key: "-version"' }],
  },
]);

ruleTable('DR-15', [
  { name: 'seed connection pool (UPGRADE alone)', yaml: seedConnectionPool, expect: [] },
  {
    name: 'client protocol alone',
    yaml: policy('connectionPool: {http: {useClientProtocol: true}}'),
    expect: [],
  },
  {
    name: 'UPGRADE with client protocol',
    yaml: policy('connectionPool:', '  http: {h2UpgradePolicy: UPGRADE, useClientProtocol: true}'),
    expect: [{ line: 10, message: 'use client protocol must not be true when H2UpgradePolicy is UPGRADE' }],
  },
]);

ruleTable('DR-16', [
  { name: 'simple only', yaml: policy('loadBalancer: {simple: ROUND_ROBIN}'), expect: [] },
  {
    name: 'cookie hash with a prime maglev table',
    yaml: policy(
      'loadBalancer:',
      '  consistentHash:',
      '    httpCookie: {name: session, ttl: 0s}',
      '    maglev: {tableSize: 65537}',
    ),
    expect: [],
  },
  {
    name: 'simple and consistentHash',
    yaml: policy('loadBalancer: {simple: ROUND_ROBIN, consistentHash: {useSourceIp: true}}'),
    expect: [{ line: 9, message: 'loadBalancer can set only one of simple or consistentHash' }],
  },
  {
    name: 'two hash keys',
    yaml: policy('loadBalancer:', '  consistentHash:', '    httpHeaderName: x-user', '    useSourceIp: true'),
    expect: [{ line: 12, message: 'consistentHash can set only one of' }],
  },
  {
    name: 'ringHash and maglev',
    yaml: policy(
      'loadBalancer:',
      '  consistentHash:',
      '    useSourceIp: true',
      '    ringHash: {minimumRingSize: 1024}',
      '    maglev: {tableSize: 65537}',
    ),
    expect: [{ line: 13, message: 'only one of ringHash or maglev' }],
  },
  {
    name: 'empty cookie name',
    yaml: policy('loadBalancer:', '  consistentHash:', '    httpCookie:', '      name: ""'),
    expect: [{ line: 12, message: 'name required for HttpCookie' }],
  },
  {
    name: 'maglev table not prime',
    yaml: policy(
      'loadBalancer:',
      '  consistentHash:',
      '    httpHeaderName: x-user',
      '    maglev:',
      '      tableSize: 1000',
    ),
    expect: [{ line: 13, message: 'tableSize must be a prime number for maglev' }],
  },
  {
    name: 'maglev table too large',
    yaml: policy(
      'loadBalancer:',
      '  consistentHash:',
      '    httpHeaderName: x-user',
      '    maglev:',
      '      tableSize: 6000011',
    ),
    expect: [{ line: 13, message: 'tableSize must be less than 5000011 for maglev' }],
  },
  {
    name: 'maglev table too large and not prime',
    yaml: policy(
      'loadBalancer:',
      '  consistentHash:',
      '    httpHeaderName: x-user',
      '    maglev:',
      '      tableSize: 5000017',
    ),
    expect: [
      { line: 13, message: 'less than 5000011' },
      { line: 13, message: 'prime number' },
    ],
  },
  {
    name: 'maglev without a table size',
    yaml: policy('loadBalancer:', '  consistentHash:', '    httpHeaderName: x-user', '    maglev: {}'),
    expect: [{ line: 12, message: 'tableSize must be set for maglev' }],
  },
  {
    name: 'port-level simple and consistentHash',
    yaml: policy(
      'portLevelSettings:',
      '- port: {number: 80}',
      '  loadBalancer:',
      '    simple: RANDOM',
      '    consistentHash: {httpHeaderName: x-user}',
    ),
    expect: [{ line: 13 }],
  },
]);

ruleTable('DR-17', [
  {
    name: 'CONNECT tunnel to a proxy',
    yaml: policy('tunnel: {protocol: CONNECT, targetHost: proxy.corp.example.com, targetPort: 3128}'),
    expect: [],
  },
  {
    name: 'POST tunnel to an IP, default protocol',
    yaml: policy('tunnel: {targetHost: "10.0.0.1", targetPort: 8080}'),
    expect: [],
  },
  {
    name: 'unknown method',
    yaml: policy('tunnel:', '  protocol: GET', '  targetHost: proxy.corp.example.com', '  targetPort: 3128'),
    expect: [{ line: 10, message: 'tunnel protocol must be "CONNECT" or "POST"' }],
  },
  {
    name: 'tunnel with proxyProtocol',
    yaml: policy(
      'tunnel:',
      '  targetHost: proxy.corp.example.com',
      '  targetPort: 3128',
      'proxyProtocol: {version: V1}',
    ),
    expect: [{ line: 12, message: 'tunnel and proxyProtocol must not be set together' }],
  },
  {
    name: 'port out of range',
    yaml: policy('tunnel:', '  targetHost: proxy.corp.example.com', '  targetPort: 70000'),
    expect: [
      { line: 11, message: 'tunnel target port is invalid: port number 70000 must be in the range 1..65535' },
    ],
  },
  {
    name: 'invalid target host',
    yaml: policy('tunnel:', '  targetHost: proxy_corp', '  targetPort: 3128'),
    expect: [
      {
        line: 10,
        message:
          'tunnel target host must be valid FQDN or IP address: domain name "proxy_corp" invalid (label "proxy_corp" invalid); proxy_corp is not a valid IP',
      },
    ],
  },
  {
    name: 'subset tunnel with an unknown method',
    yaml: dr(
      body(
        'host: api.example.com',
        'subsets:',
        '- name: v1',
        '  trafficPolicy:',
        '    tunnel: {protocol: PUT, targetHost: proxy.corp.example.com, targetPort: 3128}',
      ),
    ),
    expect: [{ line: 11 }],
  },
]);

ruleTable('DR-18', [
  {
    name: 'valid warmup',
    yaml: policy(
      'loadBalancer:',
      '  simple: ROUND_ROBIN',
      '  warmup: {duration: 60s, minimumPercent: 10, aggression: 1}',
    ),
    expect: [],
  },
  {
    name: 'aggression below 1 up to 1.30',
    target: '1.30',
    yaml: policy(
      'loadBalancer:',
      '  simple: LEAST_REQUEST',
      '  warmup:',
      '    duration: 60s',
      '    aggression: 0.5',
    ),
    expect: [{ line: 13, message: 'aggression should be greater than or equal to 1' }],
  },
  {
    name: 'aggression below 1 from 1.31',
    yaml: policy('loadBalancer:', '  warmup:', '    duration: 60s', '    aggression: 0.5'),
    expect: [],
  },
  {
    name: 'aggression 0 from 1.31',
    yaml: policy('loadBalancer:', '  warmup:', '    duration: 60s', '    aggression: 0'),
    expect: [{ line: 12, message: 'aggression should be greater than 0' }],
  },
  {
    name: 'minimumPercent over 100',
    yaml: policy(
      'loadBalancer:',
      '  simple: ROUND_ROBIN',
      '  warmup:',
      '    duration: 60s',
      '    minimumPercent: 150',
    ),
    expect: [{ line: 13, message: 'minimumPercent value should be less than or equal to 100' }],
  },
]);

ruleTable('DR-19', [
  {
    name: 'distribute adding up to 100',
    yaml: policy(
      'loadBalancer:',
      '  localityLbSetting:',
      '    distribute:',
      '    - from: us-west/zone1/*',
      '      to: {"us-west/zone1/*": 80, "us-west/zone2/*": 20}',
    ),
    expect: [],
  },
  {
    name: 'failover with outlier detection',
    yaml: policy(
      'outlierDetection: {consecutive5xxErrors: 5}',
      'loadBalancer:',
      '  localityLbSetting:',
      '    failover: [{from: us-east, to: us-west}]',
    ),
    expect: [],
  },
  {
    name: 'distribute and failover',
    yaml: policy(
      'outlierDetection: {consecutive5xxErrors: 5}',
      'loadBalancer:',
      '  localityLbSetting:',
      '    distribute: [{from: us-west/*, to: {us-east/*: 100}}]',
      '    failover: [{from: us-west, to: us-east}]',
    ),
    expect: [{ line: 13, message: "can not simultaneously specify 'distribute' and 'failover'" }],
  },
  {
    name: 'weights not adding up to 100',
    yaml: policy(
      'loadBalancer:',
      '  localityLbSetting:',
      '    distribute:',
      '    - from: us-west/zone1/*',
      '      to: {"us-west/zone1/*": 60, "us-west/zone2/*": 30}',
    ),
    expect: [{ line: 13, message: 'total locality weight 90 != 100' }],
  },
  {
    name: 'zero weight',
    yaml: policy(
      'loadBalancer:',
      '  localityLbSetting:',
      '    distribute:',
      '    - from: us-west/zone1/*',
      '      to:',
      '        "us-west/zone1/*": 100',
      '        "us-west/zone2/*": 0',
    ),
    expect: [{ line: 15, message: 'locality weight must be in range [1, 100]' }],
  },
  {
    name: 'overlapping targets',
    yaml: policy(
      'loadBalancer:',
      '  localityLbSetting:',
      '    distribute:',
      '    - from: us-west/zone1/*',
      '      to:',
      '        "us-west/*": 50',
      '        "us-west/zone1/*": 50',
    ),
    expect: [{ line: 15, message: 'locality us-west/zone1/* overlap with previous specified ones' }],
  },
  {
    name: 'wildcard in the middle',
    yaml: policy(
      'loadBalancer:',
      '  localityLbSetting:',
      '    distribute:',
      '    - from: us-west/*/rack1',
      '      to: {"us-west/zone1/*": 100}',
    ),
    expect: [{ line: 12, message: "wildcard '*' number can not exceed 1 and must be in the end" }],
  },
  {
    name: 'failover to the same region',
    yaml: policy(
      'outlierDetection: {consecutive5xxErrors: 5}',
      'loadBalancer:',
      '  localityLbSetting:',
      '    failover:',
      '    - {from: us-east, to: us-east}',
    ),
    expect: [{ line: 13, message: 'locality lb failover settings must specify different regions' }],
  },
  {
    name: 'failover from a zone',
    yaml: policy(
      'outlierDetection: {consecutive5xxErrors: 5}',
      'loadBalancer:',
      '  localityLbSetting:',
      '    failover:',
      '    - {from: us-east/zone1, to: us-west}',
    ),
    expect: [{ line: 13, message: 'locality lb failover only specify region' }],
  },
  {
    name: 'failover with a wildcard',
    yaml: policy(
      'outlierDetection: {consecutive5xxErrors: 5}',
      'loadBalancer:',
      '  localityLbSetting:',
      '    failover:',
      '    - from: us-east',
      '      to: "us-*"',
    ),
    expect: [{ line: 14, message: "locality lb failover region should not contain '*' wildcard" }],
  },
  {
    name: 'failover with a topology failoverPriority label',
    yaml: policy(
      'outlierDetection: {consecutive5xxErrors: 5}',
      'loadBalancer:',
      '  localityLbSetting:',
      '    failover: [{from: us-east, to: us-west}]',
      '    failoverPriority:',
      '    - topology.kubernetes.io/region',
    ),
    expect: [{ line: 14, message: "can not simultaneously set 'failover' and topology label" }],
  },
  {
    name: 'failover without outlier detection warns',
    yaml: policy(
      'loadBalancer:',
      '  simple: ROUND_ROBIN',
      '  localityLbSetting:',
      '    enabled: true',
      '    failover:',
      '    - from: us-east',
      '      to: us-west',
    ),
    expect: [
      { line: 13, severity: 'warning', message: 'outlier detection policy must be provided for failover' },
    ],
  },
  {
    name: 'port-level failover needs port-level outlier detection',
    yaml: policy(
      'outlierDetection: {consecutive5xxErrors: 5}',
      'portLevelSettings:',
      '- port: {number: 443}',
      '  loadBalancer:',
      '    localityLbSetting:',
      '      failover: [{from: us-east, to: us-west}]',
    ),
    expect: [{ line: 14, severity: 'warning' }],
  },
]);

ruleTable('DR-20', [
  {
    name: 'interval and timeout',
    yaml: policy('connectionPool:', '  http:', '    http2KeepAlive: {interval: 30s, timeout: 5s}'),
    expect: [],
  },
  {
    name: 'no timeout',
    yaml: policy('connectionPool:', '  http:', '    http2KeepAlive:', '      interval: 30s'),
    expect: [{ line: 11, message: 'http2 keepalive timeout is required' }],
  },
  {
    name: 'neither',
    yaml: policy('connectionPool:', '  http:', '    http2KeepAlive: {}'),
    expect: [
      { line: 11, message: 'http2 keepalive interval is required' },
      { line: 11, message: 'http2 keepalive timeout is required' },
    ],
  },
  {
    name: 'a 1.30 cluster refuses the field itself (SCHEMA-RELEASE), nothing more',
    target: '1.30',
    yaml: policy('connectionPool:', '  http:', '    http2KeepAlive: {}'),
    expect: [],
  },
]);

ruleTable('DR-21', [
  {
    name: 'zone-aware failover with outlier detection',
    yaml: policy(
      'outlierDetection: {consecutive5xxErrors: 5}',
      'loadBalancer:',
      '  zoneAwareLbSetting:',
      '    failover: [{from: us-east1, to: us-west1}]',
      '    failoverPriority: [topology.istio.io/network]',
    ),
    expect: [],
  },
  {
    name: 'with localityLbSetting',
    yaml: policy(
      'loadBalancer:',
      '  localityLbSetting: {enabled: true}',
      '  zoneAwareLbSetting: {enabled: true}',
    ),
    expect: [{ line: 11, message: 'only one of localityLbSetting and zoneAwareLbSetting can be set' }],
  },
  {
    name: 'topology labels, zones and wildcards',
    yaml: policy(
      'outlierDetection: {consecutive5xxErrors: 5}',
      'loadBalancer:',
      '  zoneAwareLbSetting:',
      '    failoverPriority: [topology.kubernetes.io/zone]',
      '    failover:',
      '    - {from: us-east1/a, to: us-west1}',
      '    - {from: us-east1, to: us-east1}',
      '    - {from: us-east1, to: "us-*"}',
    ),
    expect: [
      { line: 12, message: "must not use topology label 'topology.kubernetes.io/zone'" },
      { line: 14, message: 'zone aware lb failover only specifies region' },
      { line: 15, message: 'zone aware lb failover settings must specify different regions' },
      { line: 16, message: "zone aware lb failover region should not contain '*' wildcard" },
    ],
  },
  {
    name: 'failover without outlier detection warns',
    yaml: policy('loadBalancer:', '  zoneAwareLbSetting:', '    failover: [{from: us-east1, to: us-west1}]'),
    expect: [
      { line: 11, severity: 'warning', message: 'outlier detection policy must be provided for failover' },
    ],
  },
]);
