import { bundle, doc, markedCase } from '../../../../test/support/fixtures';
import { ruleTable, source } from '../../../../test/support/rule-table';

const at = (name: string, yaml: string, message?: string) => markedCase('info', name, yaml, message);

const apiSe = doc(
  'ServiceEntry',
  'app/api',
  'hosts: [api.example.com]',
  'ports: [{number: 80, name: http, protocol: HTTP}]',
  'resolution: DNS',
);
const vs = (...spec: string[]) => doc('VirtualService', 'app/api', 'hosts: [api.example.com]', ...spec);

ruleTable('BP-NO-TIMEOUT', [
  at(
    'timeout set',
    bundle(apiSe, vs('http:', '- route: [{destination: {host: api.example.com}}]', '  timeout: 5s')),
  ),
  at(
    'no timeout',
    bundle(apiSe, vs('http:', '- route: [{destination: {host: api.example.com}}] #!')),
    'timeout: 10s',
  ),
  at(
    'in-cluster destination',
    vs('http:', '- route: [{destination: {host: reviews.app.svc.cluster.local}}]'),
  ),
  at(
    'gateway-only rule',
    bundle(
      apiSe,
      vs('gateways: [istio-system/egress]', 'http:', '- route: [{destination: {host: api.example.com}}]'),
    ),
  ),
]);

const owned = (annotations: string) =>
  source`
    apiVersion: networking.istio.io/v1
    kind: ServiceEntry
    metadata:
      name: api
      namespace: app
      annotations: ${annotations}
    spec:
      hosts: [api.example.com]
  `;

ruleTable('BP-NO-OWNER', [
  at('owner', owned('{owner: payments-team}')),
  at('team', owned('{team: payments}')),
  at('prefixed owner', owned('{example.com/owner: payments}')),
  at(
    'contact only',
    owned('{contact: someone}').replace('name: api', 'name: api #!'),
    'no owner or team annotation',
  ),
  at('no annotations', apiSe.replace(/^(metadata:.*)$/m, '$1 #!')),
]);

const operator = (mode: string) => source`
  apiVersion: install.istio.io/v1alpha1
  kind: IstioOperator
  metadata: {name: mesh, namespace: istio-system}
  spec:
    meshConfig:
      outboundTrafficPolicy:
        mode: ${mode}
`;

ruleTable('BP-ALLOW-ANY', [
  at('nothing sets the mode', apiSe),
  at('REGISTRY_ONLY', operator('REGISTRY_ONLY')),
  at('ALLOW_ANY set explicitly', operator('ALLOW_ANY #!'), 'PassthroughCluster'),
]);

ruleTable('MODE-NOT-IMPLEMENTED', [
  {
    ...markedCase(
      'warning',
      'ALLOW_ANY_DYNAMIC_DNS in 1.30',
      operator('ALLOW_ANY_DYNAMIC_DNS #!'),
      'as under REGISTRY_ONLY',
    ),
    target: '1.30',
  },
  at('ALLOW_ANY_DYNAMIC_DNS in 1.31', operator('ALLOW_ANY_DYNAMIC_DNS')),
  {
    ...at('ALLOW_ANY_DYNAMIC_DNS in 1.29 (SCHEMA-RELEASE instead)', operator('ALLOW_ANY_DYNAMIC_DNS')),
    target: '1.29',
  },
  { ...at('ALLOW_ANY in 1.30', operator('ALLOW_ANY')), target: '1.30' },
]);

const noneSe = (hosts: string, ports: string, resolution?: string) =>
  doc(
    'ServiceEntry',
    'app/api',
    `hosts: ${hosts}`,
    `ports: ${ports}`,
    ...(resolution ? [`resolution: ${resolution}`] : []),
  );
const HTTP = '[{number: 80, name: http, protocol: HTTP}]';

ruleTable('BP-DNS-NOT-NONE', [
  at('DNS', noneSe('[api.example.com]', HTTP, 'DNS')),
  at('wildcard host', noneSe('["*.example.com"]', HTTP, 'NONE')),
  at('TLS only', noneSe('[api.example.com]', '[{number: 443, name: tls, protocol: TLS}]', 'NONE')),
  at('NONE', noneSe('[api.example.com]', HTTP, 'NONE #!'), 'resolution DNS'),
  at('resolution omitted', noneSe('[api.example.com] #!', HTTP)),
]);
