import { ruleTable, source } from '../../../../test/support/rule-table';

// Lines: 1 apiVersion, 2 kind, 3 metadata, 4 name, 5 namespace (app), 6 spec, 7.. spec body.
const sidecar = (...specLines: string[]) =>
  [
    'apiVersion: networking.istio.io/v1',
    'kind: Sidecar',
    'metadata:',
    '  name: default',
    '  namespace: app',
    'spec:',
    ...specLines.map((l) => `  ${l}`),
  ].join('\n') + '\n';
/** One port-less egress listener on line 8 with the given flow-style hosts. */
const hosts = (list: string) => sidecar('egress:', `- hosts: ${list}`);
/** Egress policy at line 7-8, the proxy on line 9 (and on). */
const policy = (...lines: string[]) =>
  sidecar('egress: [{hosts: ["./*", "proxy/*"]}]', 'outboundTrafficPolicy:', ...lines.map((l) => `  ${l}`));

/** The usual namespace-wide Sidecar: this namespace and the control plane only. */
const namespaceDefault = source`
  apiVersion: networking.istio.io/v1
  kind: Sidecar
  metadata:
    name: default
    namespace: app
  spec:
    egress:
      - hosts:
          - "./*"
          - "istio-system/*"
`;

ruleTable('SC-01', [
  { name: 'egress only', yaml: namespaceDefault, expect: [] },
  { name: 'policy only', yaml: sidecar('outboundTrafficPolicy: {mode: REGISTRY_ONLY}'), expect: [] },
  {
    name: 'empty spec',
    yaml: sidecar().replace('spec:\n', 'spec: {}\n'),
    expect: [{ line: 6, message: 'sidecar: empty configuration provided' }],
  },
  { name: 'empty egress list', yaml: sidecar('egress: []'), expect: [{ line: 6 }] },
  { name: 'selector only', yaml: sidecar('workloadSelector: {labels: {app: curl}}'), expect: [{ line: 6 }] },
]);

ruleTable('SC-02', [
  { name: 'one host', yaml: hosts('["./*"]'), expect: [] },
  {
    name: 'empty hosts',
    yaml: hosts('[]'),
    expect: [{ line: 8, message: 'sidecar: egress listener must contain at least one host' }],
  },
]);

ruleTable('SC-03', [
  { name: 'namespace/host', yaml: hosts('["./*", "*/edition.cnn.com"]'), expect: [] },
  {
    name: 'bare host',
    yaml: sidecar('egress:', '- hosts:', '  - "./*"', '  - edition.cnn.com'),
    expect: [{ line: 10, message: 'host must be of form namespace/dnsName' }],
  },
]);

ruleTable('SC-04', [
  { name: 'every namespace form', yaml: hosts('["*/a.example.com", "./*", "~/*", "team-a/*"]'), expect: [] },
  {
    name: 'underscore',
    yaml: hosts('["team_a/*"]'),
    expect: [{ line: 8, message: 'invalid namespace value "team_a" in sidecar' }],
  },
  {
    name: 'an exclusion before 1.31',
    target: '1.30',
    yaml: hosts('["*/*", "~team-a/*"]'),
    expect: [{ line: 8, message: 'invalid namespace value "~team-a"' }],
  },
  {
    name: 'exclusions from 1.31',
    yaml: hosts('["*/*", "~team-a/*", "~*/x.example.com", "~./*"]'),
    expect: [],
  },
  {
    name: 'an exclusion of no valid namespace',
    yaml: hosts('["~team_a/*", "~~/*"]'),
    expect: [
      { line: 8, message: 'invalid namespace value "~team_a"' },
      { line: 8, message: 'invalid namespace value "~~"' },
    ],
  },
  {
    name: 'empty namespace',
    yaml: hosts('["/edition.cnn.com"]'),
    expect: [{ line: 8, message: 'config namespace and dnsName in host entry cannot be empty' }],
  },
  { name: 'empty dnsName', yaml: hosts('["app/"]'), expect: [{ line: 8, message: 'cannot be empty' }] },
]);

ruleTable('SC-05', [
  {
    name: 'every name form',
    yaml: hosts('["./*.cnn.com", "*/api.example.com.", "istio-system/*"]'),
    expect: [],
  },
  {
    name: 'short name',
    yaml: sidecar('egress:', '- hosts:', '  - "./*"', '  - "istio-system/istio-egressgateway"'),
    expect: [{ line: 10, message: 'short names (non FQDN) are not allowed' }],
  },
  {
    name: 'partial wildcard',
    yaml: hosts('["*/*cnn.com"]'),
    expect: [{ line: 8, message: 'partial wildcard "*cnn.com" not allowed' }],
  },
  {
    name: 'IP address',
    yaml: hosts('["*/10.0.0.1"]'),
    expect: [
      { line: 8, message: 'domain name "0.0.1" invalid (top level domain "1" cannot be all-numeric)' },
    ],
  },
  { name: 'empty dnsName is SC-04', yaml: hosts('["app/"]'), expect: [] },
]);

ruleTable('SC-06', [
  { name: 'distinct hosts', yaml: namespaceDefault, expect: [] },
  {
    name: 'same host twice across listeners',
    yaml: sidecar(
      'egress:',
      '- port: {number: 443, name: tls, protocol: TLS}',
      '  hosts: ["*/a.example.com"]',
      '- hosts: ["*/a.example.com"]',
    ),
    expect: [],
  },
  {
    name: 'same host twice',
    yaml: sidecar('egress:', '- hosts:', '  - "./*"', '  - "istio-system/*"', '  - "istio-system/*"'),
    expect: [{ line: 11, severity: 'warning', message: 'duplicated egress host: istio-system/*' }],
  },
  {
    name: 'exclusions are not imports (1.31)',
    yaml: sidecar('egress:', '- hosts:', '  - "./*"', '  - "~app/*"', '  - "~app/*"'),
    expect: [],
  },
  {
    name: '"~" twice before 1.31',
    target: '1.30',
    yaml: sidecar('egress:', '- hosts:', '  - "~/*"', '  - "~/*"'),
    expect: [{ line: 10, severity: 'warning', message: 'duplicated egress host: ~/*' }],
  },
  {
    name: '"." is the own namespace',
    yaml: sidecar('egress:', '- hosts:', '  - "./*"', '  - "app/*"'),
    expect: [{ line: 10, severity: 'warning', message: 'duplicated egress host: app/*' }],
  },
  {
    name: 'host after the namespace wildcard',
    yaml: sidecar('egress:', '- hosts:', '  - "ns/*"', '  - "ns/a.example.com"'),
    expect: [{ line: 10, severity: 'warning' }],
  },
  {
    name: 'namespace wildcard after a host',
    yaml: sidecar('egress:', '- hosts:', '  - "ns/a.example.com"', '  - "ns/*"'),
    expect: [{ line: 10, severity: 'warning', message: 'duplicated egress host: ns/*' }],
  },
  {
    name: '*/* with another namespace',
    yaml: sidecar('egress:', '- hosts:', '  - "*/*"', '  - "istio-system/*"'),
    expect: [
      {
        line: 9,
        severity: 'warning',
        message: '`*/*` host select all resources, no other hosts can be added',
      },
    ],
  },
]);

ruleTable('SC-07', [
  {
    name: 'catch-all last',
    yaml: sidecar(
      'egress:',
      '- port: {number: 3306, protocol: MYSQL, name: mysql}',
      '  hosts: ["*/mysql.example.com"]',
      '- hosts: ["./*"]',
    ),
    expect: [],
  },
  {
    name: 'catch-all first',
    yaml: sidecar(
      'egress:',
      '- hosts: ["./*"]',
      '- port: {number: 3306, protocol: MYSQL, name: mysql}',
      '  hosts: ["*/mysql.example.com"]',
    ),
    expect: [
      {
        line: 8,
        message: 'sidecar: the egress listener with empty port should be the last listener in the list',
      },
    ],
  },
  {
    name: 'two catch-alls',
    yaml: sidecar('egress:', '- hosts: ["./*"]', '- hosts: ["istio-system/*"]'),
    expect: [{ line: 8, message: 'should be the last listener' }],
  },
]);

/** One egress listener: line 8 port, line 9 hosts, line 10 and on the extra lines. */
const listener = (port: string, ...rest: string[]) =>
  sidecar('egress:', `- port: ${port}`, '  hosts: ["./*"]', ...rest.map((l) => `  ${l}`));

ruleTable('SC-08', [
  {
    name: 'distinct ports',
    yaml: sidecar(
      'egress:',
      '- port: {number: 443, protocol: TLS, name: tls}',
      '  hosts: ["*/a.example.com"]',
      '- port: {number: 80, protocol: HTTP, name: http}',
      '  hosts: ["*/a.example.com"]',
    ),
    expect: [],
  },
  {
    name: 'unix socket listener',
    yaml: listener(
      '{number: 0, protocol: HTTP, name: http}',
      'bind: unix:///var/run/app.sock',
      'captureMode: NONE',
    ),
    expect: [],
  },
  { name: 'name and protocol optional', yaml: listener('{number: 9000}'), expect: [] },
  {
    name: 'duplicate port',
    yaml: sidecar(
      'egress:',
      '- port: {number: 443, protocol: TLS, name: tls}',
      '  hosts: ["*/a.example.com"]',
      '- port: {number: 443, protocol: TLS, name: tls2}',
      '  hosts: ["*/b.example.com"]',
    ),
    expect: [{ line: 10, message: 'sidecar: ports on IP bound listeners must be unique' }],
  },
  {
    name: 'port 0 without unix bind',
    yaml: listener('{number: 0, protocol: HTTP, name: http}'),
    expect: [{ line: 8, message: 'sidecar: ports with 0 value must have a unix domain socket bind address' }],
  },
  {
    name: 'number omitted',
    yaml: listener('{protocol: HTTP, name: http}'),
    expect: [{ line: 8, message: 'ports with 0 value' }],
  },
  {
    name: 'captureMode IPTABLES on a unix socket',
    yaml: listener('{number: 0, name: http}', 'bind: unix:///var/run/app.sock', 'captureMode: IPTABLES'),
    expect: [
      { line: 11, message: 'sidecar: captureMode must be DEFAULT/NONE for unix domain socket listeners' },
    ],
  },
  {
    name: 'same unix socket twice',
    yaml: sidecar(
      'egress:',
      '- port: {number: 0, name: a}',
      '  bind: unix:///var/run/app.sock',
      '  hosts: ["./*"]',
      '- port: {number: 0, name: b}',
      '  bind: unix:///var/run/app.sock',
      '  hosts: ["./*"]',
    ),
    expect: [{ line: 12, message: 'sidecar: unix domain socket values for listeners must be unique' }],
  },
  {
    name: 'relative unix path',
    yaml: listener('{number: 0, name: a}', 'bind: unix://run/app.sock'),
    expect: [{ line: 10, message: 'run/app.sock is not an absolute path to a file' }],
  },
  {
    name: 'bind is not an IP',
    yaml: listener('{number: 8080, name: a}', 'bind: localhost'),
    expect: [{ line: 10, message: 'localhost is not a valid IP' }],
  },
  {
    name: 'invalid port name',
    yaml: listener('{number: 8080, name: http_port}'),
    expect: [{ line: 8, message: 'invalid port name: http_port' }],
  },
  {
    name: 'unknown protocol',
    yaml: listener('{number: 8443, protocol: SSL}'),
    expect: [{ line: 8, message: 'unsupported protocol: SSL' }],
  },
  {
    name: 'port above 65535',
    yaml: listener('{number: 70000}'),
    expect: [{ line: 8, message: 'port number 70000 must be in the range 1..65535' }],
  },
  {
    name: 'targetPort',
    yaml: sidecar(
      'egress:',
      '- port:',
      '    number: 8080',
      '    targetPort: 80',
      '    protocol: HTTP',
      '  hosts: ["./*"]',
    ),
    expect: [{ line: 10, message: 'targetPort has no impact on Sidecars' }],
  },
  {
    name: 'duplicate ingress port',
    yaml: sidecar(
      'ingress:',
      '- port: {number: 9080, protocol: HTTP, name: http}',
      '  defaultEndpoint: 127.0.0.1:8080',
      '- port: {number: 9080, protocol: HTTP, name: http2}',
      '  defaultEndpoint: 127.0.0.1:8081',
    ),
    expect: [{ line: 10, message: 'ports on IP bound listeners must be unique' }],
  },
]);

ruleTable('SC-09', [
  {
    name: 'ALLOW_ANY with a proxy',
    yaml: policy(
      'mode: ALLOW_ANY',
      'egressProxy: {host: squid.proxy.svc.cluster.local, port: {number: 3128}}',
    ),
    expect: [],
  },
  { name: 'REGISTRY_ONLY without a proxy', yaml: policy('mode: REGISTRY_ONLY'), expect: [] },
  {
    name: 'proxy with REGISTRY_ONLY',
    yaml: policy(
      'mode: REGISTRY_ONLY',
      'egressProxy:',
      '  host: squid.proxy.svc.cluster.local',
      '  port: {number: 3128}',
    ),
    expect: [
      {
        line: 10,
        message: 'sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode',
      },
    ],
  },
  {
    name: 'proxy with mode omitted (REGISTRY_ONLY in a Sidecar)',
    yaml: policy('egressProxy: {host: squid.proxy.svc.cluster.local, port: {number: 3128}}'),
    expect: [{ line: 9, message: 'only with ALLOW_ANY' }],
  },
  {
    name: 'proxy without port',
    yaml: policy('mode: ALLOW_ANY', 'egressProxy: {host: squid.proxy.svc.cluster.local}'),
    expect: [{ line: 10, message: 'sidecar: egress_proxy port must be non-nil' }],
  },
  {
    name: 'proxy host is a wildcard',
    yaml: policy(
      'mode: ALLOW_ANY',
      'egressProxy:',
      '  host: "*.proxy.svc.cluster.local"',
      '  port: {number: 3128}',
    ),
    expect: [{ line: 11, message: 'domain name "*.proxy.svc.cluster.local" invalid' }],
  },
  {
    name: 'proxy port without number',
    yaml: policy('mode: ALLOW_ANY', 'egressProxy:', '  host: squid.proxy.svc.cluster.local', '  port: {}'),
    expect: [{ line: 12, message: 'port number 0 must be in the range 1..65535' }],
  },
  {
    name: 'invalid subset',
    yaml: policy(
      'mode: ALLOW_ANY',
      'egressProxy:',
      '  host: squid.proxy.svc.cluster.local',
      '  subset: v_1',
      '  port: {number: 3128}',
    ),
    expect: [{ line: 12, message: 'subset name is invalid: v_1' }],
  },
  {
    name: 'ALLOW_ANY_DYNAMIC_DNS is left to GEN-02',
    yaml: policy(
      'mode: ALLOW_ANY_DYNAMIC_DNS',
      'egressProxy: {host: squid.proxy.svc.cluster.local, port: {number: 3128}}',
    ),
    expect: [],
  },
]);

ruleTable('SC-10', [
  {
    name: 'labels',
    yaml: sidecar('workloadSelector: {labels: {app: curl}}', 'egress: [{hosts: ["./*"]}]'),
    expect: [],
  },
  {
    name: 'no labels',
    yaml: sidecar('workloadSelector: {labels: {}}', 'egress: [{hosts: ["./*"]}]'),
    expect: [
      {
        line: 7,
        severity: 'warning',
        message:
          'sidecar: workload selector specified without labels, will be applied to all services in namespace',
      },
    ],
  },
  {
    name: 'empty selector',
    yaml: sidecar('workloadSelector: {}', 'egress: [{hosts: ["./*"]}]'),
    expect: [{ line: 7, severity: 'warning' }],
  },
  {
    name: 'no warning when the Sidecar is empty anyway',
    yaml: sidecar('workloadSelector: {labels: {}}'),
    expect: [],
  },
  {
    name: 'wildcard value',
    yaml: sidecar('workloadSelector:', '  labels:', '    app: "*"', 'egress: [{hosts: ["./*"]}]'),
    expect: [{ line: 9, severity: 'error', message: 'wildcard is not supported in selector: "app=*"' }],
  },
  {
    name: 'empty key',
    yaml: sidecar('workloadSelector:', '  labels:', '    "": curl', 'egress: [{hosts: ["./*"]}]'),
    expect: [{ line: 9, severity: 'error', message: 'empty key is not supported in selector: "=curl"' }],
  },
]);
