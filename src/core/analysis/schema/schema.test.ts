import { ruleTable, source } from '../../../../test/support/rule-table';

const se = (spec: string, meta = 'name: ext\nnamespace: app') => source`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata:
    ${meta}
  spec:
    ${spec}
`;

ruleTable('SCHEMA-UNKNOWN-FIELD', [
  { name: 'known fields', yaml: se('hosts: [a.example.com]\nresolution: DNS'), expect: [] },
  {
    name: 'misspelt spec field, with a suggestion',
    yaml: se('hosts: [a.example.com]\nresolutoin: DNS'),
    expect: [{ line: 8, message: 'unknown field "spec.resolutoin" (did you mean "resolution"?)' }],
  },
  {
    name: 'misspelt nested field',
    yaml: se('hosts: [a.example.com]\nports:\n- {number: 443, name: tls, protocl: TLS}'),
    expect: [{ line: 9, message: 'did you mean "protocol"?' }],
  },
  {
    name: 'unknown metadata field',
    yaml: se('hosts: [a.example.com]', 'name: ext\nlabel: {a: b}'),
    expect: [{ line: 5, message: 'did you mean "labels"?' }],
  },
]);

ruleTable('SCHEMA-TYPE', [
  { name: 'a list where a list belongs', yaml: se('hosts: [a.example.com]'), expect: [] },
  {
    name: 'a string where a list belongs',
    yaml: se('hosts: a.example.com'),
    expect: [{ line: 7, message: 'must be of type array' }],
  },
  {
    name: 'a fraction where an integer belongs',
    yaml: se('hosts: [a.example.com]\nports: [{number: 443.5, name: tls}]'),
    expect: [{ line: 8, message: 'integer' }],
  },
  {
    name: 'YAML 1.1 reads y as a boolean, as the API server does',
    yaml: se('hosts: [a.example.com]', 'name: ext\nnamespace: y'),
    expect: [{ line: 5, message: 'quote the value' }],
  },
  {
    name: 'a label value that YAML reads as a number',
    yaml: se('hosts: [a.example.com]', 'name: ext\nlabels: {version: 1.10}'),
    expect: [{ line: 5, message: 'must be a string' }],
  },
]);

ruleTable('SCHEMA-REQUIRED', [
  {
    name: 'port with a name',
    yaml: se('hosts: [a.example.com]\nports: [{number: 80, name: http}]'),
    expect: [],
  },
  {
    name: 'port without a name',
    yaml: se('hosts: [a.example.com]\nports:\n- number: 80'),
    expect: [{ line: 9, message: 'spec.ports[0].name: Required value' }],
  },
  {
    name: 'no metadata.name',
    yaml: se('hosts: [a.example.com]', 'namespace: app'),
    expect: [{ line: 3, message: 'name or generateName is required' }],
  },
]);

ruleTable('GEN-02', [
  { name: 'upper case enum', yaml: se('hosts: [a.example.com]\nresolution: DNS'), expect: [] },
  {
    name: 'lower case enum',
    yaml: se('hosts: [a.example.com]\nresolution: dns'),
    expect: [{ line: 8, message: 'Unsupported value: "dns"' }],
  },
]);

ruleTable('SCHEMA-NAME', [
  { name: 'lower-case name', yaml: se('hosts: [a.example.com]', 'name: payment-gw'), expect: [] },
  {
    name: 'upper case and underscore',
    yaml: se('hosts: [a.example.com]', 'name: Payment_GW'),
    expect: [{ line: 4, message: 'RFC 1123 subdomain' }],
  },
]);

ruleTable('SCHEMA-KIND', [
  {
    name: 'a version that does not serve the kind',
    yaml: se('hosts: [a.example.com]').replace('networking.istio.io/v1', 'networking.istio.io/v2'),
    expect: [{ line: 1, message: 'no matches for kind "ServiceEntry"' }],
  },
  {
    name: 'no kind',
    yaml: 'apiVersion: v1\nmetadata: {name: a}\n',
    expect: [{ line: 1, message: 'kind not set' }],
  },
]);

ruleTable('GEN-01', [
  {
    name: 'a duration with words',
    yaml: source`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: a, namespace: app}
      spec:
        host: a.example.com
        trafficPolicy: {connectionPool: {tcp: {connectTimeout: "5 seconds"}}}
    `,
    expect: [{ line: 6, message: 'bad Duration' }],
  },
]);

const mesh = (mode: string, extra = '') => source`
  apiVersion: install.istio.io/v1alpha1
  kind: IstioOperator
  metadata: {name: mesh, namespace: istio-system}
  spec:
    meshConfig:
      outboundTrafficPolicy: {mode: ${mode}}${extra}
`;

ruleTable('GEN-02', [
  { name: 'mesh REGISTRY_ONLY', yaml: mesh('REGISTRY_ONLY'), expect: [] },
  { name: 'mesh mode misspelt', yaml: mesh('REGISTRY'), expect: [{ line: 6, message: 'supported values' }] },
]);

ruleTable('SCHEMA-UNKNOWN-FIELD', [
  {
    name: 'misspelt MeshConfig field in the istio ConfigMap text points at data.mesh',
    yaml: source`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: istio, namespace: istio-system}
      data:
        mesh: |
          outboundTrafficPolicys:
            mode: REGISTRY_ONLY
    `,
    expect: [{ line: 5, message: 'did you mean "outboundTrafficPolicy"?' }],
  },
]);

ruleTable('SCHEMA-TYPE', [
  {
    name: 'an unquoted on in a string field of the spec',
    yaml: se('hosts: [a.example.com]\nports: [{number: 80, name: on}]'),
    expect: [{ line: 8, message: 'quote the value to keep it a string' }],
  },
]);

const dr = (policy: string) => source`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: a, namespace: app}
  spec:
    host: a.example.com
    trafficPolicy:
      ${policy}
`;
const keepalive = dr('connectionPool:\n  http:\n    http2KeepAlive: {interval: 30s, timeout: 5s}');
const hostList = (count: number) =>
  se(`hosts: [${Array.from({ length: count }, (_, i) => `h${i}.example.com`).join(', ')}]`);

ruleTable('SCHEMA-RELEASE', [
  { name: 'a 1.31 field in a 1.31 design', yaml: keepalive, expect: [] },
  {
    name: 'a 1.31 field in a 1.30 design, named with the release that added it',
    target: '1.30',
    yaml: keepalive,
    expect: [
      {
        line: 9,
        message:
          'spec.trafficPolicy.connectionPool.http.http2KeepAlive: field added in Istio 1.31; this design targets Istio 1.30',
      },
    ],
  },
  {
    name: 'a 1.24 field (warmup) before 1.24',
    target: '1.23',
    yaml: dr('loadBalancer: {warmup: {duration: 60s}}'),
    expect: [{ line: 7, message: 'warmup: field added in Istio 1.24; this design targets Istio 1.23' }],
  },
  {
    name: 'a 1.28 enum value (DYNAMIC_DNS) in 1.27',
    target: '1.27',
    yaml: se('hosts: ["*.example.com"]\nresolution: DYNAMIC_DNS'),
    expect: [
      {
        line: 8,
        message: 'spec.resolution: value "DYNAMIC_DNS" added in Istio 1.28; this design targets Istio 1.27',
      },
    ],
  },
  {
    name: 'the same value in 1.28',
    target: '1.28',
    yaml: se('hosts: ["*.example.com"]\nresolution: DYNAMIC_DNS'),
    expect: [],
  },
  {
    name: 'a MeshConfig mode of 1.30 in 1.29',
    target: '1.29',
    yaml: mesh('ALLOW_ANY_DYNAMIC_DNS'),
    expect: [{ line: 6, message: 'value "ALLOW_ANY_DYNAMIC_DNS" added in Istio 1.30' }],
  },
  {
    name: 'MeshConfig fields of 1.30 and 1.31 in 1.29',
    target: '1.29',
    yaml: source`
      apiVersion: install.istio.io/v1alpha1
      kind: IstioOperator
      metadata: {name: mesh, namespace: istio-system}
      spec:
        meshConfig:
          outboundTrafficPolicy: {mode: ALLOW_ANY, tls: {mode: SIMPLE}}
          zoneAwareLbSetting: {enabled: true}
    `,
    expect: [
      { line: 6, message: 'MeshConfig field "outboundTrafficPolicy.tls" added in Istio 1.30' },
      { line: 7, message: 'MeshConfig field "zoneAwareLbSetting" added in Istio 1.31' },
    ],
  },
]);

ruleTable('SCHEMA-UNKNOWN-FIELD', [
  {
    name: 'a suggestion only among the fields of the target release',
    target: '1.30',
    yaml: dr('connectionPool:\n  http:\n    http2KeepAlivee: {}'),
    expect: [{ line: 9, message: 'unknown field "spec.trafficPolicy.connectionPool.http.http2KeepAlivee"' }],
  },
]);

ruleTable('SCHEMA-LIMIT', [
  { name: '256 hosts', yaml: hostList(256), expect: [] },
  { name: '257 hosts', yaml: hostList(257), expect: [{ line: 7, message: 'must have at most 256 items' }] },
  { name: '257 hosts before the CRDs limited them (1.24)', target: '1.23', yaml: hostList(257), expect: [] },
]);
