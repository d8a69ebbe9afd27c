import { ruleTable, source } from '../../../test/support/rule-table';

/** A ServiceEntry as its own document (9 lines; `metadata.name` on line 4, or 3 without a namespace). */
const entry = (name: string, namespace?: string, apiVersion = 'networking.istio.io/v1') =>
  [
    `apiVersion: ${apiVersion}`,
    'kind: ServiceEntry',
    'metadata:',
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    `  name: ${name}`,
    'spec:',
    '  hosts: [api.example.com]',
    '  ports: [{number: 443, name: tls, protocol: TLS}]',
    '  resolution: DNS',
    '',
  ].join('\n');

ruleTable('DUPLICATE-RESOURCE', [
  {
    name: 'one ServiceEntry twice, the second at its name, naming the line of the first',
    yaml: `${entry('api', 'app')}---\n${entry('api', 'app')}`,
    expect: [
      {
        line: 15,
        message:
          'serviceentries.networking.istio.io "api" already exists in namespace app: it is first defined on line 5',
      },
    ],
  },
  {
    name: 'no namespace and the default namespace are one namespace',
    yaml: `${entry('api')}---\n${entry('api', 'default', 'networking.istio.io/v1beta1')}`,
    expect: [{ line: 14, message: 'in namespace default' }],
  },
  {
    name: 'a third copy is reported too',
    yaml: `${entry('api')}---\n${entry('api')}---\n${entry('api')}`,
    expect: [{ line: 13 }, { line: 22 }],
  },
  { name: 'other namespaces', yaml: `${entry('api', 'a')}---\n${entry('api', 'b')}`, expect: [] },
  { name: 'other names', yaml: `${entry('api')}---\n${entry('web')}`, expect: [] },
  {
    name: 'other groups: an Istio Gateway and a Gateway API Gateway',
    yaml: source`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: egress, namespace: istio-egress}
      spec: {selector: {istio: egressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: egress, namespace: istio-egress}
      spec: {gatewayClassName: istio, listeners: [{name: http, port: 80, protocol: HTTP}]}
    `,
    expect: [],
  },
  {
    name: 'cluster-scoped kinds ignore the namespace',
    yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: app}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: app, namespace: other}\n',
    expect: [{ line: 7, message: 'namespaces "app" already exists: it is first defined on line 3' }],
  },
  {
    name: 'kinds not modelled are objects too',
    yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: sleep}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: sleep}\n',
    expect: [{ line: 7, message: 'deployments.apps "sleep" already exists in namespace default' }],
  },
  {
    name: 'an item of a kind: List counts like a document',
    yaml: `${entry('api', 'app')}---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: networking.istio.io/v1\n  kind: ServiceEntry\n  metadata: {name: api, namespace: app}\n  spec: {hosts: [api.example.com], resolution: DNS, ports: [{number: 443, name: tls, protocol: TLS}]}\n`,
    expect: [{ line: 16 }],
  },
]);
