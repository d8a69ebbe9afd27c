import { describe, expect, it } from 'vitest';

import { ruleTable, source } from '../../../../test/support/rule-table';
import { findingsFor } from '../testing';

// Lines: 1 apiVersion, 2 kind, 3 metadata, 4 name, 5 namespace, 6 spec, 7 selector, 8 servers, 9.. servers body.
const gateway = (name: string, specLines: string[]) =>
  [
    'apiVersion: networking.istio.io/v1',
    'kind: Gateway',
    'metadata:',
    `  name: ${name}`,
    '  namespace: istio-system',
    'spec:',
    ...specLines.map((l) => `  ${l}`),
  ].join('\n') + '\n';
const gw = (...serverLines: string[]) =>
  gateway('egress', ['selector: {istio: egressgateway}', 'servers:', ...serverLines]);
/** One server: line 9 port, line 10 hosts, line 11 and on the extra lines. */
const server = (port: string, hosts: string, ...rest: string[]) =>
  gw(`- port: ${port}`, `  hosts: ${hosts}`, ...rest.map((l) => `  ${l}`));
const tlsServer = (tls: string) =>
  server('{number: 443, name: tls, protocol: TLS}', '[a.example.com]', `tls: ${tls}`);
const httpsServer = (tls: string) =>
  server('{number: 443, name: https, protocol: HTTPS}', '[a.example.com]', `tls: ${tls}`);
const httpServer = (...rest: string[]) =>
  server('{number: 80, name: http, protocol: HTTP}', '[edition.cnn.com]', ...rest);

/** The seed's egress Gateway: TLS passthrough on 443. */
const seedGateway = source`
  apiVersion: networking.istio.io/v1beta1
  kind: Gateway
  metadata:
    name: external-api-egress-gateway
    namespace: istio-system
  spec:
    selector:
      istio: egressgateway
    servers:
      - port:
          number: 443
          name: tls
          protocol: TLS
        hosts:
          - external-api.example.com
        tls:
          mode: PASSTHROUGH
`;

/** Istio egress task: plain HTTP through the egress gateway. */
const taskHttpGateway = source`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: istio-egressgateway
  spec:
    selector:
      istio: egressgateway
    servers:
    - port:
        number: 80
        name: http
        protocol: HTTP
      hosts:
      - edition.cnn.com
`;

/** Istio egress task: mTLS between sidecar and egress gateway (ISTIO_MUTUAL). */
const taskIstioMutualGateway = source`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: istio-egressgateway
  spec:
    selector:
      istio: egressgateway
    servers:
    - port:
        number: 443
        name: https
        protocol: HTTPS
      hosts:
      - edition.cnn.com
      tls:
        mode: ISTIO_MUTUAL
`;

/** Istio egress task: wildcard hosts passed through untouched. */
const taskWildcardGateway = source`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: istio-egressgateway
  spec:
    selector:
      istio: egressgateway
    servers:
    - port:
        number: 443
        name: tls
        protocol: TLS
      hosts:
      - "*.wikipedia.org"
      tls:
        mode: PASSTHROUGH
`;

const GATEWAY_CODES = Array.from({ length: 14 }, (_, i) => `GW-${String(i + 1).padStart(2, '0')}`);

describe('canonical Gateways', () => {
  it.each([
    ['seed egress gateway', seedGateway],
    ['task: HTTP on 80', taskHttpGateway],
    ['task: HTTPS ISTIO_MUTUAL', taskIstioMutualGateway],
    ['task: TLS passthrough wildcard', taskWildcardGateway],
  ])('%s has no Gateway findings', (_name, yaml) => {
    expect(findingsFor(yaml, GATEWAY_CODES)).toEqual([]);
  });
});

ruleTable('GW-01', [
  { name: 'seed gateway', yaml: seedGateway, expect: [] },
  {
    name: 'empty servers',
    yaml: gateway('egress', ['selector: {istio: egressgateway}', 'servers: []']),
    expect: [{ line: 8 }],
  },
  {
    name: 'servers missing',
    yaml: gateway('egress', ['selector: {istio: egressgateway}']),
    expect: [{ line: 6, message: 'gateway must have at least one server' }],
  },
]);

ruleTable('GW-02', [
  { name: 'one host', yaml: taskHttpGateway, expect: [] },
  {
    name: 'empty hosts',
    yaml: server('{number: 443, name: tls, protocol: TLS}', '[]', 'tls: {mode: PASSTHROUGH}'),
    expect: [{ line: 10, message: 'server config must contain at least one host' }],
  },
  {
    name: 'empty port name',
    yaml: server('{number: 80, name: "", protocol: HTTP}', '[a.example.com]'),
    expect: [{ line: 9, message: 'port name must be set: number:80 protocol:"HTTP"' }],
  },
  {
    name: 'missing hosts is the schema',
    yaml: gw('- port: {number: 80, name: http, protocol: HTTP}'),
    expect: [],
  },
]);

ruleTable('GW-03', [
  {
    name: 'every accepted form',
    yaml: httpServer().replace(
      '[edition.cnn.com]',
      '["*", "*.cnn.com", "./edition.cnn.com", "istio-system/*", "*/api.example.com", 192.0.2.44, "ns-1/*.example.com"]',
    ),
    expect: [],
  },
  {
    name: 'short name',
    yaml: server('{number: 80, name: http, protocol: HTTP}', '["./cnn"]'),
    expect: [{ line: 10, message: 'short names (non FQDN) are not allowed' }],
  },
  {
    name: 'partial wildcard',
    yaml: server('{number: 80, name: http, protocol: HTTP}', '["*cnn.com"]'),
    expect: [{ line: 10, message: 'partial wildcard "*cnn.com" not allowed' }],
  },
  {
    name: 'invalid namespace',
    yaml: server('{number: 80, name: http, protocol: HTTP}', '["team_a/edition.cnn.com"]'),
    expect: [{ line: 10, message: 'invalid namespace value "team_a" in gateway' }],
  },
  {
    name: 'tilde namespace',
    yaml: server('{number: 80, name: http, protocol: HTTP}', '["~/edition.cnn.com"]'),
    expect: [{ line: 10, message: 'invalid namespace value "~" in gateway' }],
  },
  {
    name: 'empty namespace',
    yaml: server('{number: 80, name: http, protocol: HTTP}', '["/edition.cnn.com"]'),
    expect: [{ line: 10, message: 'config namespace and dnsName in host entry cannot be empty' }],
  },
  {
    name: 'wildcard in a later label',
    yaml: gw(
      '- port: {number: 80, name: http, protocol: HTTP}',
      '  hosts:',
      '  - ok.example.com',
      '  - "api.*.example.com"',
    ),
    expect: [{ line: 12, message: 'domain name "*.example.com" invalid (label "*" invalid)' }],
  },
  {
    name: 'one finding per host with every reason',
    yaml: server('{number: 80, name: http, protocol: HTTP}', '["~/cnn"]'),
    expect: [
      { line: 10, message: 'invalid namespace value "~" in gateway; short names (non FQDN) are not allowed' },
    ],
  },
]);

ruleTable('GW-04', [
  {
    name: 'known protocols in any case',
    yaml: server('{number: 8080, name: grpc, protocol: grpc}', '[a.example.com]'),
    expect: [],
  },
  {
    name: 'port 0 with unix bind',
    yaml: server(
      '{number: 0, name: http, protocol: HTTP}',
      '[a.example.com]',
      'bind: unix:///var/run/gw.sock',
    ),
    expect: [],
  },
  {
    name: 'unknown protocol',
    yaml: server('{number: 443, name: tls, protocol: SSL}', '[a.example.com]', 'tls: {mode: PASSTHROUGH}'),
    expect: [{ line: 9, message: 'invalid protocol "SSL", supported protocols are HTTP, HTTP2' }],
  },
  {
    name: 'empty protocol',
    yaml: server('{number: 80, name: http, protocol: ""}', '[a.example.com]'),
    expect: [{ line: 9, message: 'invalid protocol ""' }],
  },
  {
    name: 'missing protocol is the schema',
    yaml: server('{number: 80, name: http}', '[a.example.com]'),
    expect: [],
  },
  {
    name: 'port 0 without bind',
    yaml: gw('- port:', '    number: 0', '    name: http', '    protocol: HTTP', '  hosts: [a.example.com]'),
    expect: [{ line: 10, message: 'port number 0 must be in the range 1..65535' }],
  },
  {
    name: 'port above 65535',
    yaml: server('{number: 70000, name: http, protocol: HTTP}', '[a.example.com]'),
    expect: [{ line: 9, message: 'port number 70000 must be in the range 1..65535' }],
  },
  {
    name: 'unix bind with a port number',
    yaml: server(
      '{number: 80, name: http, protocol: HTTP}',
      '[a.example.com]',
      'bind: unix:///var/run/gw.sock',
    ),
    expect: [{ line: 9, message: 'port number must be 0 for unix domain socket: number:80' }],
  },
]);

ruleTable('GW-05', [
  {
    name: 'distinct names',
    yaml: gw(
      '- port: {number: 80, name: http-80, protocol: HTTP}',
      '  hosts: [a.example.com]',
      '- port: {number: 8080, name: http-8080, protocol: HTTP}',
      '  hosts: [b.example.com]',
    ),
    expect: [],
  },
  {
    name: 'same name on the second server',
    yaml: gw(
      '- port: {number: 80, name: web, protocol: HTTP}',
      '  hosts: [a.example.com]',
      '- port: {number: 8080, name: web, protocol: HTTP}',
      '  hosts: [b.example.com]',
    ),
    expect: [{ line: 11, message: 'port names in servers must be unique: duplicate name web' }],
  },
]);

ruleTable('GW-06', [
  { name: 'TLS with passthrough', yaml: tlsServer('{mode: PASSTHROUGH}'), expect: [] },
  {
    name: 'TLS without tls',
    yaml: server('{number: 443, name: tls, protocol: TLS}', '[a.example.com]'),
    expect: [{ line: 9, message: 'server must have TLS settings for HTTPS/TLS protocols' }],
  },
  {
    name: 'HTTPS without tls',
    yaml: server('{number: 443, name: https, protocol: https}', '[a.example.com]'),
    expect: [{ line: 9 }],
  },
  {
    name: 'not judged while the port is invalid',
    yaml: server('{number: 443, name: tls, protocol: SSL}', '[a.example.com]'),
    expect: [],
  },
]);

ruleTable('GW-07', [
  { name: 'HTTP without tls', yaml: httpServer(), expect: [] },
  { name: 'HTTP with httpsRedirect', yaml: httpServer('tls: {httpsRedirect: true}'), expect: [] },
  {
    name: 'HTTP terminating TLS',
    yaml: httpServer('tls: {mode: SIMPLE, credentialName: cnn-cert}'),
    expect: [{ line: 11, message: 'server cannot have TLS settings for plain text HTTP ports' }],
  },
  {
    name: 'HTTP passthrough with a certificate file',
    yaml: httpServer('tls: {mode: PASSTHROUGH, serverCertificate: /etc/certs/tls.crt}'),
    expect: [{ line: 11, message: 'plain text HTTP ports' }],
  },
  {
    name: 'TCP with tls',
    yaml: server('{number: 5432, name: tcp, protocol: TCP}', '[db.example.com]', 'tls: {mode: PASSTHROUGH}'),
    expect: [{ line: 11, message: 'server cannot have TLS settings for non HTTPS/TLS ports' }],
  },
]);

ruleTable('GW-08', [
  {
    name: 'SIMPLE with credentialName',
    yaml: httpsServer('{mode: SIMPLE, credentialName: cnn-cert}'),
    expect: [],
  },
  {
    name: 'SIMPLE with files',
    yaml: httpsServer('{mode: SIMPLE, serverCertificate: /c/tls.crt, privateKey: /c/tls.key}'),
    expect: [],
  },
  {
    name: 'MUTUAL with credentialName needs no CA',
    yaml: httpsServer('{mode: MUTUAL, credentialName: cnn-cert}'),
    expect: [],
  },
  {
    name: 'OPTIONAL_MUTUAL with files and CA',
    yaml: httpsServer(
      '{mode: OPTIONAL_MUTUAL, serverCertificate: /c/tls.crt, privateKey: /c/tls.key, caCertificates: /c/ca.pem}',
    ),
    expect: [],
  },
  {
    name: 'SIMPLE with tlsCertificates',
    yaml: httpsServer(
      '{mode: SIMPLE, tlsCertificates: [{serverCertificate: /c/a.crt, privateKey: /c/a.key}]}',
    ),
    expect: [],
  },
  {
    name: 'SIMPLE with nothing',
    yaml: httpsServer('{mode: SIMPLE}'),
    expect: [
      { line: 11, message: 'SIMPLE TLS requires a server certificate; SIMPLE TLS requires a private key' },
    ],
  },
  {
    name: 'SIMPLE without key',
    yaml: httpsServer('{mode: SIMPLE, serverCertificate: /c/tls.crt}'),
    expect: [{ line: 11, message: 'SIMPLE TLS requires a private key' }],
  },
  {
    name: 'MUTUAL files without CA',
    yaml: httpsServer('{mode: MUTUAL, serverCertificate: /c/tls.crt, privateKey: /c/tls.key}'),
    expect: [{ line: 11, message: 'MUTUAL TLS requires a client CA bundle' }],
  },
  {
    name: 'OPTIONAL_MUTUAL with nothing',
    yaml: httpsServer('{mode: OPTIONAL_MUTUAL}'),
    expect: [
      {
        line: 11,
        message:
          'MUTUAL TLS requires a client CA bundle; MUTUAL TLS requires a server certificate; MUTUAL TLS requires a private key',
      },
    ],
  },
  {
    name: 'tlsCertificates entry without key',
    yaml: server(
      '{number: 443, name: https, protocol: HTTPS}',
      '[a.example.com]',
      'tls:',
      '  mode: SIMPLE',
      '  tlsCertificates:',
      '  - serverCertificate: /c/a.crt',
    ),
    expect: [{ line: 14, message: 'SIMPLE TLS requires a private key' }],
  },
]);

ruleTable('GW-09', [
  { name: 'ISTIO_MUTUAL alone', yaml: taskIstioMutualGateway, expect: [] },
  {
    name: 'with credentialName',
    yaml: server(
      '{number: 443, name: https, protocol: HTTPS}',
      '[a.example.com]',
      'tls:',
      '  mode: ISTIO_MUTUAL',
      '  credentialName: cnn-cert',
    ),
    expect: [{ line: 13, message: 'ISTIO_MUTUAL TLS cannot have associated credentialName' }],
  },
  {
    name: 'with CA bundle and credentialNames',
    yaml: server(
      '{number: 443, name: https, protocol: HTTPS}',
      '[a.example.com]',
      'tls:',
      '  mode: ISTIO_MUTUAL',
      '  caCertificates: /c/ca.pem',
      '  credentialNames: [a-rsa]',
    ),
    expect: [
      { line: 13, message: 'ISTIO_MUTUAL TLS cannot have associated CA bundle' },
      { line: 14, message: 'ISTIO_MUTUAL TLS cannot have associated credentialNames' },
    ],
  },
]);

const tlsBlock = (...lines: string[]) =>
  server(
    '{number: 443, name: https, protocol: HTTPS}',
    '[a.example.com]',
    'tls:',
    '  mode: SIMPLE',
    ...lines.map((l) => `  ${l}`),
  );

ruleTable('GW-10', [
  { name: 'credentialNames alone', yaml: tlsBlock('credentialNames: [a-rsa, a-ecdsa]'), expect: [] },
  {
    name: 'credentialName and credentialNames (CEL)',
    yaml: tlsBlock('credentialName: a-cert', 'credentialNames: [a-rsa, a-ecdsa]'),
    expect: [{ line: 14, message: 'only one of credentialName or credentialNames can be set' }],
  },
  {
    name: 'credentialNames and tlsCertificates (CEL)',
    yaml: tlsBlock(
      'credentialNames: [a-rsa]',
      'tlsCertificates: [{serverCertificate: /c/a.crt, privateKey: /c/a.key}]',
    ),
    expect: [{ line: 14, message: 'only one of credentialNames or tlsCertificates can be set' }],
  },
  {
    name: 'credentialName and tlsCertificates (webhook only)',
    yaml: tlsBlock(
      'credentialName: a-cert',
      'tlsCertificates: [{serverCertificate: /c/a.crt, privateKey: /c/a.key}]',
    ),
    expect: [
      {
        line: 14,
        message:
          'only one of credential_name, credential_names, server_certificate/private_key, tls_certificates',
      },
    ],
  },
  {
    name: 'files and credentialName',
    yaml: tlsBlock('credentialName: a-cert', 'serverCertificate: /c/a.crt', 'privateKey: /c/a.key'),
    expect: [{ line: 15, message: 'should be specified' }],
  },
]);

ruleTable('GW-11', [
  { name: 'passthrough without certificates', yaml: tlsServer('{mode: PASSTHROUGH}'), expect: [] },
  {
    name: 'mode omitted with credentialName',
    yaml: httpsServer('{credentialName: a-cert}'),
    expect: [
      {
        line: 11,
        severity: 'warning',
        message: 'PASSTHROUGH mode does not use certificates, they will be ignored',
      },
    ],
  },
  {
    name: 'AUTO_PASSTHROUGH with a CA bundle',
    yaml: tlsServer('{mode: AUTO_PASSTHROUGH, caCertificates: /c/ca.pem}'),
    expect: [{ line: 11, severity: 'warning', message: 'AUTO_PASSTHROUGH mode does not use certificates' }],
  },
]);

ruleTable('GW-12', [
  { name: 'no targetPort', yaml: taskHttpGateway, expect: [] },
  {
    name: 'targetPort set',
    yaml: gw(
      '- port:',
      '    number: 80',
      '    targetPort: 8080',
      '    name: http',
      '    protocol: HTTP',
      '  hosts: [a.example.com]',
    ),
    expect: [{ line: 11, message: 'targetPort has no impact on Gateways' }],
  },
]);

ruleTable('GW-13', [
  {
    name: 'DNS label',
    yaml: gateway('egress-cnn', [
      'servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [a.example.com]}]',
    ]),
    expect: [],
  },
  {
    name: 'dotted name',
    yaml: gateway('egress.cnn', [
      'servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [a.example.com]}]',
    ]),
    expect: [{ line: 4, message: 'invalid gateway name: "egress.cnn"' }],
  },
  {
    name: 'upper case is left to SCHEMA-NAME',
    yaml: gateway('Egress.cnn', [
      'servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [a.example.com]}]',
    ]),
    expect: [],
  },
]);

ruleTable('GW-14', [
  { name: 'IP bind', yaml: httpServer('bind: 0.0.0.0'), expect: [] },
  { name: 'httpsRedirect on HTTP', yaml: httpServer('tls: {httpsRedirect: true}'), expect: [] },
  {
    name: 'CRL with MUTUAL files',
    yaml: httpsServer(
      '{mode: MUTUAL, serverCertificate: /c/a.crt, privateKey: /c/a.key, caCertificates: /c/ca.pem, caCrl: /c/crl.pem}',
    ),
    expect: [],
  },
  {
    name: 'TLS 1.1 with ciphers',
    yaml: httpsServer(
      '{mode: SIMPLE, credentialName: a, minProtocolVersion: TLSV1_1, cipherSuites: [AES128-SHA]}',
    ),
    expect: [],
  },
  {
    name: 'CRL with SIMPLE',
    yaml: httpsServer('{mode: SIMPLE, serverCertificate: /c/a.crt, privateKey: /c/a.key, caCrl: /c/crl.pem}'),
    expect: [{ line: 11, severity: 'error', message: 'CRL is not supported with SIMPLE TLS' }],
  },
  {
    name: 'CRL with credentialName',
    yaml: tlsBlock('credentialName: a-cert', 'caCrl: /c/crl.pem').replace('mode: SIMPLE', 'mode: MUTUAL'),
    expect: [
      {
        line: 14,
        severity: 'error',
        message: 'CRL is not supported with credentialName. CRL has to be specified in the credential',
      },
    ],
  },
  {
    name: 'bind is not an IP',
    yaml: httpServer('bind: not-an-ip'),
    expect: [{ line: 11, severity: 'error', message: 'not-an-ip is not a valid IP' }],
  },
  {
    name: 'unix bind with a relative path',
    yaml: server('{number: 0, name: http, protocol: HTTP}', '[a.example.com]', 'bind: unix://run/gw.sock'),
    expect: [{ line: 11, severity: 'error', message: 'run/gw.sock is not an absolute path to a file' }],
  },
  {
    name: 'httpsRedirect on HTTPS',
    yaml: tlsBlock('credentialName: a-cert', 'httpsRedirect: true'),
    expect: [
      { line: 14, severity: 'warning', message: 'tls.httpsRedirect should only be used with http servers' },
    ],
  },
  {
    name: 'TLS 1.1 without ciphers',
    yaml: tlsBlock('credentialName: a-cert', 'minProtocolVersion: TLSV1_1'),
    expect: [
      {
        line: 14,
        severity: 'warning',
        message: 'TLS version below TLSV1_2 require setting compatible ciphers',
      },
    ],
  },
  {
    name: 'unknown and duplicate ciphers',
    yaml: tlsBlock(
      'credentialName: a-cert',
      'cipherSuites:',
      '- AES128-SHA',
      '- NOT-A-CIPHER',
      '- AES128-SHA',
      '- "-AES256-SHA"',
    ),
    expect: [
      { line: 16, severity: 'warning', message: 'ignoring invalid cipher suites: [NOT-A-CIPHER]' },
      { line: 17, severity: 'warning', message: 'ignoring duplicate cipher suites: [AES128-SHA]' },
    ],
  },
]);
