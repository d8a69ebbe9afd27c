import { ruleTable, source } from '../../../../test/support/rule-table';

const se = (spec: string) => source`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata:
    name: ext
    namespace: app
  spec:
  ${spec}
`;
// Lines: 1 apiVersion, 2 kind, 3 metadata, 4 name, 5 namespace, 6 spec:, 7.. spec body (indented 2).
const body = (...lines: string[]) => lines.map((l) => `  ${l}`).join('\n');

ruleTable('SE-01', [
  { name: 'one host', yaml: se(body('hosts: [api.example.com]')), expect: [] },
  { name: 'empty hosts', yaml: se(body('hosts: []')), expect: [{ line: 7, message: 'at least one host' }] },
]);

ruleTable('SE-02', [
  { name: 'scoped wildcard', yaml: se(body('hosts: ["*.example.com"]')), expect: [] },
  { name: 'bare wildcard', yaml: se(body('hosts: ["*"]')), expect: [{ line: 7, message: 'invalid host *' }] },
]);

ruleTable('SE-03', [
  { name: 'leading wildcard', yaml: se(body('hosts: ["*.example.com"]')), expect: [] },
  {
    name: 'wildcard in a later label',
    yaml: se(body('hosts:', '  - api.example.com', '  - "api.*.example.com"')),
    expect: [{ line: 9, message: 'domain name "*.example.com" invalid (label "*" invalid)' }],
  },
]);

ruleTable('SE-04', [
  { name: 'dot after star', yaml: se(body('hosts: ["*.example.com"]')), expect: [] },
  {
    name: 'partial wildcard warns',
    yaml: se(body('hosts: ["*example.com"]')),
    expect: [{ line: 7, severity: 'warning', message: 'partial wildcard "*example.com" not allowed' }],
  },
]);

ruleTable('SE-05', [
  { name: 'name with digits', yaml: se(body('hosts: [db1.example.com]')), expect: [] },
  {
    name: 'IP as host',
    yaml: se(body('hosts: ["10.1.2.3"]', 'resolution: STATIC', 'endpoints: [{address: 10.1.2.3}]')),
    expect: [
      { line: 7, message: 'domain name "1.2.3" invalid (top level domain "3" cannot be all-numeric)' },
    ],
  },
]);

ruleTable('SE-06', [
  { name: 'wildcard with NONE', yaml: se(body('hosts: ["*.example.com"]', 'resolution: NONE')), expect: [] },
  {
    name: 'wildcard with DNS and endpoints',
    yaml: se(body('hosts: ["*.example.com"]', 'resolution: DNS', 'endpoints: [{address: gw.example.com}]')),
    expect: [],
  },
  {
    name: 'wildcard with DNS and no endpoints',
    yaml: se(body('hosts: ["*.example.com"]', 'resolution: DNS')),
    expect: [{ line: 7, message: 'hosts must be FQDN' }],
  },
]);

ruleTable('SE-07', [
  {
    name: 'one endpoint',
    yaml: se(
      body('hosts: [a.example.com]', 'resolution: DNS_ROUND_ROBIN', 'endpoints: [{address: b.example.com}]'),
    ),
    expect: [],
  },
  {
    name: 'two endpoints',
    yaml: se(
      body(
        'hosts: [a.example.com]',
        'resolution: DNS_ROUND_ROBIN',
        'endpoints:',
        '- address: b.example.com',
        '- address: c.example.com',
      ),
    ),
    expect: [{ line: 9 }],
  },
]);

ruleTable('SE-08', [
  {
    name: 'STATIC with endpoints',
    yaml: se(body('hosts: [db.example.com]', 'resolution: STATIC', 'endpoints: [{address: 192.0.2.10}]')),
    expect: [],
  },
  {
    name: 'endpoints with resolution omitted',
    yaml: se(body('hosts: [db.example.com]', 'endpoints:', '- address: 192.0.2.10')),
    expect: [{ line: 8, message: 'resolution type none' }],
  },
]);

ruleTable('SE-09', [
  {
    name: 'CIDR with NONE',
    yaml: se(body('hosts: [corp.example.com]', 'addresses: ["10.20.0.0/16"]')),
    expect: [],
  },
  {
    name: 'CIDR with DNS',
    yaml: se(body('hosts: [corp.example.com]', 'addresses: ["10.20.0.0/16"]', 'resolution: DNS')),
    expect: [{ line: 8 }],
  },
]);

ruleTable('SE-10', [
  {
    name: 'IPv4 and IPv6',
    yaml: se(body('hosts: [a.example.com]', 'addresses: ["203.0.113.7", "2001:db8::1"]')),
    expect: [],
  },
  {
    name: 'hostname as address',
    yaml: se(body('hosts: [a.example.com]', 'addresses: ["api.example.com"]')),
    expect: [{ line: 8, message: 'is not a valid IP' }],
  },
  {
    name: 'bad CIDR',
    yaml: se(body('hosts: [a.example.com]', 'addresses: ["10.0.0.0/33"]')),
    expect: [{ line: 8, message: 'not a valid CIDR' }],
  },
]);

ruleTable('SE-11', [
  {
    name: 'IP endpoint',
    yaml: se(body('hosts: [a.example.com]', 'resolution: STATIC', 'endpoints: [{address: 203.0.113.7}]')),
    expect: [],
  },
  {
    name: 'FQDN endpoint with STATIC',
    yaml: se(
      body('hosts: [a.example.com]', 'resolution: STATIC', 'endpoints:', '- address: api-1.example.com'),
    ),
    expect: [{ line: 10, message: 'is not a valid IP address' }],
  },
]);

ruleTable('SE-12', [
  {
    name: 'FQDN endpoint with DNS',
    yaml: se(body('hosts: [a.example.com]', 'resolution: DNS', 'endpoints: [{address: lb.example.com}]')),
    expect: [],
  },
  {
    name: 'unix endpoint with DNS',
    yaml: se(
      body(
        'hosts: [a.example.com]',
        'resolution: DNS',
        'endpoints:',
        '- address: "unix:///var/run/api.sock"',
      ),
    ),
    expect: [{ line: 10 }],
  },
]);

ruleTable('SE-13', [
  {
    name: 'port key names a port',
    yaml: se(
      body(
        'hosts: [a.example.com]',
        'ports: [{number: 443, name: https, protocol: TLS}]',
        'resolution: DNS',
        'endpoints: [{address: lb.example.com, ports: {https: 8443}}]',
      ),
    ),
    expect: [],
  },
  {
    name: 'port key names nothing',
    yaml: se(
      body(
        'hosts: [a.example.com]',
        'ports: [{number: 443, name: https, protocol: TLS}]',
        'resolution: DNS',
        'endpoints:',
        '- address: lb.example.com',
        '  ports:',
        '    tls: 8443',
      ),
    ),
    expect: [{ line: 13, message: 'endpoint port 8443 is not defined' }],
  },
]);

ruleTable('SE-14', [
  {
    name: 'duplicate number',
    yaml: se(
      body(
        'hosts: [a.example.com]',
        'ports:',
        '- {number: 443, name: https, protocol: HTTPS}',
        '- {number: 443, name: tls, protocol: TLS}',
      ),
    ),
    expect: [{ line: 10, message: 'service entry port 443 already defined' }],
  },
]);

ruleTable('SE-15', [
  {
    name: 'duplicate name',
    yaml: se(
      body(
        'hosts: [a.example.com]',
        'ports:',
        '- {number: 80, name: web, protocol: HTTP}',
        '- {number: 443, name: web, protocol: TLS}',
      ),
    ),
    expect: [{ line: 10, message: 'port name "web" already defined' }],
  },
]);

ruleTable('SE-16', [
  {
    name: 'upper case is fine',
    yaml: se(body('hosts: [a.example.com]', 'ports: [{number: 80, name: HTTP, protocol: HTTP}]')),
    expect: [],
  },
  {
    name: 'underscore',
    yaml: se(
      body('hosts: [a.example.com]', 'ports:', '- number: 443', '  name: https_port', '  protocol: TLS'),
    ),
    expect: [{ line: 10, message: 'invalid port name: https_port' }],
  },
]);

ruleTable('SE-17', [
  {
    name: 'lower-case protocol',
    yaml: se(body('hosts: [a.example.com]', 'ports: [{number: 443, name: https, protocol: https}]')),
    expect: [],
  },
  {
    name: 'SSL',
    yaml: se(body('hosts: [a.example.com]', 'ports: [{number: 443, name: https, protocol: SSL}]')),
    expect: [{ line: 8, message: 'unsupported protocol: SSL' }],
  },
]);

ruleTable('SE-18', [
  {
    name: 'targetPort too large',
    yaml: se(
      body(
        'hosts: [a.example.com]',
        'ports:',
        '- number: 80',
        '  name: http',
        '  protocol: HTTP',
        '  targetPort: 70000',
      ),
    ),
    expect: [{ line: 12, message: 'port number 70000 must be in the range 1..65535' }],
  },
]);

ruleTable('SE-19', [
  {
    name: 'two hosts on TLS',
    yaml: se(
      body(
        'hosts: [a.example.com, b.example.com]',
        'ports: [{number: 443, name: tls, protocol: TLS}]',
        'resolution: DNS',
      ),
    ),
    expect: [],
  },
  {
    name: 'two hosts, TCP, NONE',
    yaml: se(
      body(
        'hosts: [a.example.com, b.example.com]',
        'ports: [{number: 5432, name: pg, protocol: TCP}]',
        'addresses: ["10.0.0.1"]',
      ),
    ),
    expect: [],
  },
  {
    name: 'two hosts, unset protocol, DNS',
    yaml: se(
      body(
        'hosts: [a.example.com, b.example.com]',
        'ports:',
        '- {number: 5432, name: pg}',
        'resolution: DNS',
      ),
    ),
    expect: [{ line: 9 }],
  },
]);

ruleTable('SE-20', [
  {
    name: 'TCP with DNS auto-allocates',
    yaml: se(
      body(
        'hosts: [db.example.com]',
        'ports: [{number: 5432, name: tcp-pg, protocol: TCP}]',
        'resolution: DNS',
      ),
    ),
    expect: [],
  },
  {
    name: 'TCP with an address',
    yaml: se(
      body(
        'hosts: [db.example.com]',
        'addresses: ["198.51.100.5"]',
        'ports: [{number: 5432, name: tcp-pg, protocol: TCP}]',
      ),
    ),
    expect: [],
  },
  {
    name: 'TCP with NONE and no address',
    yaml: se(
      body(
        'hosts: [db.example.com]',
        'ports:',
        '- {number: 5432, name: tcp-pg, protocol: TCP}',
        'resolution: NONE',
      ),
    ),
    expect: [{ line: 9, severity: 'warning' }],
  },
  {
    name: 'auto-allocation switched off by label',
    yaml: se(
      body(
        'hosts: [db.example.com]',
        'ports:',
        '- {number: 5432, name: tcp-pg, protocol: TCP}',
        'resolution: DNS',
      ),
    ).replace(
      '  namespace: app\n',
      '  namespace: app\n  labels:\n    networking.istio.io/enable-autoallocate-ip: "False"\n',
    ),
    expect: [{ line: 11, severity: 'warning' }],
  },
  {
    name: 'every TCP or unset port, and only the upper-case TCP the webhook compares',
    yaml: se(
      body(
        'hosts: [db.example.com]',
        'ports:',
        '- {number: 5432, name: pg}',
        '- {number: 5433, name: pg-tcp, protocol: TCP}',
        '- {number: 5434, name: pg-lower, protocol: tcp}',
        'resolution: NONE',
      ),
    ),
    expect: [{ line: 9 }, { line: 10 }],
  },
]);

ruleTable('SE-21', [
  {
    name: 'selector and endpoints',
    yaml: se(
      body(
        'hosts: [vm.internal]',
        'ports: [{number: 80, name: http, protocol: HTTP}]',
        'resolution: STATIC',
        'workloadSelector: {labels: {app: vm}}',
        'endpoints: [{address: 10.0.0.5}]',
      ),
    ),
    expect: [{ line: 11 }],
  },
]);

ruleTable('SE-22', [
  {
    name: 'endpoint without address',
    yaml: se(body('hosts: [vm.internal]', 'resolution: STATIC', 'endpoints:', '- labels: {v: "1"}')),
    expect: [{ line: 10, severity: 'error', message: 'address is required' }],
  },
  {
    name: 'network without address warns',
    yaml: se(body('hosts: [vm.internal]', 'resolution: STATIC', 'endpoints:', '- network: net-2')),
    expect: [{ line: 10, severity: 'warning' }],
  },
]);

ruleTable('SE-23', [
  {
    name: 'unix endpoint with one port',
    yaml: se(
      body(
        'hosts: [local.sock]',
        'ports: [{number: 80, name: http, protocol: HTTP}]',
        'resolution: STATIC',
        'endpoints: [{address: "unix:///var/run/a.sock"}]',
      ),
    ),
    expect: [],
  },
  {
    name: 'unix endpoint with two ports',
    yaml: se(
      body(
        'hosts: [local.sock]',
        'ports:',
        '- {number: 80, name: http, protocol: HTTP}',
        '- {number: 81, name: http2, protocol: HTTP}',
        'resolution: STATIC',
        'endpoints: [{address: "unix:///var/run/a.sock"}]',
      ),
    ),
    expect: [{ line: 10, message: 'exactly 1 service port' }],
  },
  {
    name: 'relative socket path',
    yaml: se(
      body(
        'hosts: [local.sock]',
        'ports: [{number: 80, name: http, protocol: HTTP}]',
        'resolution: STATIC',
        'endpoints:',
        '- address: "unix://var/run/a.sock"',
      ),
    ),
    expect: [{ line: 11, message: 'absolute path' }],
  },
]);

ruleTable('SE-24', [
  {
    name: 'wildcard with TLS',
    yaml: se(
      body(
        'hosts: ["*.example.com"]',
        'ports: [{number: 443, name: tls, protocol: TLS}]',
        'resolution: DYNAMIC_DNS',
      ),
    ),
    expect: [],
  },
  {
    name: 'concrete host and TCP',
    yaml: se(
      body(
        'hosts: [api.example.com]',
        'ports:',
        '- {number: 5432, name: tcp, protocol: TCP}',
        'resolution: DYNAMIC_DNS',
      ),
    ),
    expect: [
      { line: 7, message: 'host must be wildcarded' },
      { line: 9, message: 'only HTTP, TLS, GRPC, and HTTP2' },
    ],
  },
]);

ruleTable('SE-25', [
  {
    name: 'selector with NONE warns',
    yaml: se(
      body(
        'hosts: [vm.internal]',
        'ports: [{number: 80, name: http, protocol: HTTP}]',
        'workloadSelector:',
        '  labels: {app: vm}',
      ),
    ),
    expect: [{ line: 9, severity: 'warning', message: 'resolution mode is NONE' }],
  },
  {
    name: 'wildcard in selector is an error',
    yaml: se(
      body(
        'hosts: [vm.internal]',
        'ports: [{number: 80, name: http, protocol: HTTP}]',
        'resolution: STATIC',
        'workloadSelector:',
        '  labels:',
        '    app: "*"',
      ),
    ),
    expect: [{ line: 12, severity: 'error', message: 'wildcard is not supported' }],
  },
]);
