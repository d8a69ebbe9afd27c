import { ruleTable, source } from '../../../../test/support/rule-table';

const SE = source`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: pay, namespace: app, annotations: {owner: payments}}
  spec:
    hosts: [api.pay.example.com]
    ports:
    - {number: 80, name: http, protocol: HTTP, targetPort: 443}
    - {number: 443, name: https, protocol: HTTPS}
    resolution: DNS
`;
const DR = (policy: string) =>
  `${SE}---\n${source`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: pay, namespace: app}
  spec:
    host: api.pay.example.com
    trafficPolicy:
      ${policy}
`}`;
const VS = (rule: string) =>
  `${SE}---\n${source`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: pay, namespace: app}
  spec:
    hosts: [api.pay.example.com]
    http:
    - ${rule}
`}`;

ruleTable('TLS-ON-TLS-PORT', [
  {
    name: 'origination only on the HTTP port (the 1.17+ pattern)',
    yaml: DR('portLevelSettings:\n- port: {number: 80}\n  tls: {mode: SIMPLE}'),
    expect: [],
  },
  {
    name: 'top-level SIMPLE also covers the HTTPS port',
    yaml: DR('tls: {mode: SIMPLE}'),
    expect: [{ line: 17, severity: 'warning', message: 'port 443' }],
  },
  {
    name: 'port-level MUTUAL on the HTTPS port',
    yaml: DR(
      'portLevelSettings:\n- port: {number: 443}\n  tls: {mode: MUTUAL, clientCertificate: /c.pem, privateKey: /k.pem}',
    ),
    expect: [{ line: 19, message: 'MUTUAL' }],
  },
  {
    name: 'the classic pattern: an http rule on port 80 rewrites to 443',
    yaml: `${DR('portLevelSettings:\n- port: {number: 443}\n  tls: {mode: SIMPLE}')}---\n${source`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: pay, namespace: app}
      spec:
        hosts: [api.pay.example.com]
        http:
        - match: [{port: 80}]
          route: [{destination: {host: api.pay.example.com, port: {number: 443}}}]
          timeout: 5s
    `}`,
    expect: [],
  },
]);

ruleTable('HTTP-ROUTES-ON-TLS-PORT', [
  {
    name: 'http rule to the HTTP port',
    yaml: VS('route: [{destination: {host: api.pay.example.com, port: {number: 80}}}]'),
    expect: [],
  },
  {
    name: 'http rule to the HTTPS port',
    yaml: VS('route: [{destination: {host: api.pay.example.com, port: {number: 443}}}]'),
    expect: [{ line: 17, severity: 'warning', message: 'never applies' }],
  },
  {
    name: 'http rule matched on the HTTP port and rewritten to 443',
    yaml: VS(
      'match: [{port: 80}]\n  route: [{destination: {host: api.pay.example.com, port: {number: 443}}}]',
    ),
    expect: [],
  },
]);

ruleTable('PORT-LEVEL-DROPS-POLICY', [
  {
    name: 'only port-level settings',
    yaml: DR('portLevelSettings:\n- port: {number: 80}\n  tls: {mode: SIMPLE}'),
    expect: [],
  },
  {
    name: 'a top-level circuit breaker the port-level entry does not repeat',
    yaml: DR(
      'outlierDetection: {consecutive5xxErrors: 5}\nportLevelSettings:\n- port: {number: 80}\n  tls: {mode: SIMPLE}',
    ),
    expect: [
      { line: 19, severity: 'warning', message: 'top-level outlierDetection does not apply to port 80' },
    ],
  },
  {
    name: 'the port-level entry repeats it',
    yaml: DR(
      'outlierDetection: {consecutive5xxErrors: 5}\nportLevelSettings:\n- port: {number: 80}\n  tls: {mode: SIMPLE}\n  outlierDetection: {consecutive5xxErrors: 5}',
    ),
    expect: [],
  },
]);

const tcpEntry = (resolution: string, port: string, extra = '') => source`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: db, namespace: app}
  spec:
    hosts: [db.example.com]
    ports:
    - ${port}
    resolution: ${resolution}
    ${extra}
`;
const meshConfig = (metadata: string) => source`
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: istio, namespace: istio-system}
  data:
    mesh: |
      defaultConfig:
        proxyMetadata: {${metadata}}
`;

ruleTable('ADDRESSES-REQUIRED', [
  {
    name: 'TCP, NONE',
    yaml: tcpEntry('NONE', '{number: 5432, name: pg, protocol: TCP}'),
    expect: [{ line: 7, severity: 'warning', message: 'with resolution NONE Istio allocates no address' }],
  },
  {
    name: 'TCP, DNS: istioctl warns whatever the resolution',
    yaml: tcpEntry('DNS', '{number: 5432, name: pg, protocol: TCP}'),
    expect: [{ line: 7, message: 'only sidecars that capture DNS give it to the app' }],
  },
  {
    name: 'lower-case tcp',
    yaml: tcpEntry('DNS', '{number: 5432, name: pg, protocol: tcp}'),
    expect: [{ line: 7 }],
  },
  {
    name: 'protocol unset',
    yaml: tcpEntry('DNS', '{number: 5432, name: pg}'),
    expect: [{ line: 7, message: 'serves TCP (protocol unset)' }],
  },
  { name: 'HTTPS', yaml: tcpEntry('DNS', '{number: 443, name: https, protocol: HTTPS}'), expect: [] },
  {
    name: 'with addresses',
    yaml: tcpEntry('NONE', '{number: 5432, name: pg, protocol: TCP}', 'addresses: [198.51.100.0/24]'),
    expect: [],
  },
  {
    name: 'an address allocated in status',
    yaml: `${tcpEntry('DNS', '{number: 5432, name: pg, protocol: TCP}')}status:\n  addresses: [{host: db.example.com, value: 240.240.0.1}]\n`,
    expect: [],
  },
  {
    name: 'DNS capture with allocation in the mesh config',
    yaml:
      tcpEntry('DNS', '{number: 5432, name: pg, protocol: TCP}') +
      meshConfig('ISTIO_META_DNS_CAPTURE: "true", ISTIO_META_DNS_AUTO_ALLOCATE: "true"'),
    expect: [],
  },
  {
    name: 'DNS capture without allocation',
    yaml:
      tcpEntry('DNS', '{number: 5432, name: pg, protocol: TCP}') +
      meshConfig('ISTIO_META_DNS_CAPTURE: "true"'),
    expect: [{ line: 7 }],
  },
]);
