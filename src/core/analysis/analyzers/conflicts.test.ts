import { bundle, doc, markedCase } from '../../../../test/support/fixtures';
import { ruleTable } from '../../../../test/support/rule-table';

const at = (name: string, yaml: string, message?: string) => markedCase('warning', name, yaml, message);

const meshVs = (ref: string, ...extra: string[]) =>
  doc(
    'VirtualService',
    ref,
    ...extra,
    'http: [{route: [{destination: {host: edition.cnn.com}}], timeout: 5s}]',
  );

ruleTable('CONFLICT-MESH-VS', [
  at(
    'one per host',
    bundle(meshVs('app/a', 'hosts: [edition.cnn.com]'), meshVs('app/b', 'hosts: [en.wikipedia.org]')),
  ),
  at(
    'both public: both reported',
    bundle(meshVs('app/a', 'hosts: [edition.cnn.com] #!'), meshVs('app/b', 'hosts: [edition.cnn.com] #!')),
    'also binds edition.cnn.com to sidecars',
  ),
  at(
    'private to different namespaces',
    bundle(
      meshVs('a/cnn', 'hosts: [edition.cnn.com]', 'exportTo: ["."]'),
      meshVs('b/cnn', 'hosts: [edition.cnn.com]', 'exportTo: ["."]'),
    ),
  ),
  at(
    'exported to the same namespace',
    bundle(
      meshVs('a/cnn', 'hosts: [edition.cnn.com] #!', 'exportTo: [b]'),
      meshVs('b/cnn', 'hosts: [edition.cnn.com] #!', 'exportTo: ["."]'),
    ),
  ),
  at(
    'one is bound to a gateway only',
    bundle(
      meshVs('app/a', 'hosts: [edition.cnn.com]'),
      meshVs('app/b', 'hosts: [edition.cnn.com]', 'gateways: [istio-system/egress]'),
    ),
  ),
  at(
    'a short name and its full form',
    bundle(
      meshVs('app/a', 'hosts: [ratings] #!'),
      meshVs('other/b', 'hosts: [ratings.app.svc.cluster.local] #!', 'gateways: [mesh, istio-system/in]'),
    ),
  ),
  at(
    'a namespace-scoped wildcard against a public wildcard that covers it',
    bundle(
      meshVs('foo/d', 'hosts: ["*.productpage.d"] #!', 'exportTo: ["."]'),
      meshVs('bar/d', 'hosts: ["*.d"] #!', 'exportTo: ["*"]'),
    ),
    '(as *.',
  ),
  // istioctl groups public hosts by exact name only: overlapping public wildcards are not reported.
  at(
    'two public wildcards that overlap',
    bundle(meshVs('foo/d', 'hosts: ["*.productpage.d"]'), meshVs('bar/d', 'hosts: ["*.d"]')),
  ),
  at(
    'two scoped wildcards in one namespace that overlap',
    bundle(
      meshVs('foo/a', 'hosts: ["*.productpage.d"]', 'exportTo: ["."]'),
      meshVs('foo/b', 'hosts: ["*.d"]', 'exportTo: ["."]'),
    ),
  ),
]);

const gatewayWith = (ref: string, host: string, extra = '', selector = 'istio: egressgateway') =>
  doc(
    'Gateway',
    ref,
    `selector: {${selector}}`,
    `servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["${host}"]${extra}}]`,
  );
const marked = (yaml: string) => yaml.replace(/\n$/, ' #!\n');

ruleTable('CONFLICT-GATEWAY', [
  at(
    'different hosts',
    bundle(
      gatewayWith('istio-system/a', 'edition.cnn.com'),
      gatewayWith('istio-system/b', 'en.wikipedia.org'),
    ),
  ),
  at(
    'different selectors',
    bundle(
      gatewayWith('istio-system/a', 'edition.cnn.com'),
      gatewayWith('istio-system/b', 'edition.cnn.com', '', 'istio: other'),
    ),
  ),
  at(
    'different bind',
    bundle(
      gatewayWith('istio-system/a', 'edition.cnn.com'),
      gatewayWith('istio-system/b', 'edition.cnn.com', ', bind: 10.0.0.1'),
    ),
  ),
  // istioctl compares host strings as written.
  at(
    'the same host with and without a namespace',
    bundle(
      gatewayWith('istio-system/a', 'edition.cnn.com'),
      gatewayWith('istio-system/b', '*/edition.cnn.com'),
    ),
  ),
  at(
    'same selector, port and host: both reported',
    bundle(
      marked(gatewayWith('istio-system/a', 'edition.cnn.com')),
      marked(gatewayWith('default/b', 'edition.cnn.com')),
    ),
    'for the same gateway pods (selector istio=egressgateway)',
  ),
  at(
    'selectors with the same labels in another order',
    bundle(
      marked(gatewayWith('istio-system/a', 'edition.cnn.com', '', 'istio: egressgateway, app: gw')),
      marked(gatewayWith('istio-system/b', 'edition.cnn.com', '', 'app: gw, istio: egressgateway')),
    ),
  ),
]);

const protocolSe = (ref: string, protocol: string, ...extra: string[]) =>
  doc(
    'ServiceEntry',
    ref,
    'hosts: [api.example.com]',
    `ports: [{number: 443, name: p${protocol ? `, protocol: ${protocol}` : ''}}]${extra.includes('#!') ? ' #!' : ''}`,
    'resolution: DNS',
    ...extra.filter((e) => e !== '#!'),
  );

ruleTable('CONFLICT-SE-PROTOCOL', [
  at('same protocol, any case', bundle(protocolSe('app/a', 'TLS'), protocolSe('app/b', 'tls'))),
  at(
    'disjoint scopes',
    bundle(protocolSe('a/x', 'TLS', 'exportTo: ["."]'), protocolSe('b/x', 'HTTPS', 'exportTo: ["."]')),
  ),
  at(
    'different protocols: both reported',
    bundle(protocolSe('app/a', 'TLS', '#!'), protocolSe('app/b', 'HTTPS', '#!')),
    'for some of the same namespaces',
  ),
  at(
    'an unset protocol against a declared one',
    bundle(protocolSe('app/a', 'HTTP', '#!'), protocolSe('app/b', '', '#!')),
  ),
  at(
    'a namespace-scoped entry against a public one',
    bundle(protocolSe('a/x', 'TLS', 'exportTo: ["."]', '#!'), protocolSe('b/x', 'HTTPS', '#!')),
  ),
  at('exported to nobody', bundle(protocolSe('a/x', 'TLS', 'exportTo: ["~"]'), protocolSe('b/x', 'HTTPS'))),
]);

const sidecar = (ref: string, ...spec: string[]) => doc('Sidecar', ref, ...spec);

ruleTable('CONFLICT-SIDECAR', [
  at(
    'one without a selector, one with',
    bundle(
      sidecar('app/default', 'egress: [{hosts: ["./*"]}]'),
      sidecar('app/curl', 'workloadSelector: {labels: {app: curl}}', 'egress: [{hosts: ["./*"]}]'),
    ),
  ),
  at(
    'one per namespace',
    bundle(
      sidecar('a/default', 'egress: [{hosts: ["./*"]}]'),
      sidecar('b/default', 'egress: [{hosts: ["./*"]}]'),
    ),
  ),
  at(
    'two without a selector in one namespace: both reported',
    bundle(
      sidecar('app/one', 'egress: [{hosts: ["./*"]}]').replace('spec:', 'spec: #!'),
      sidecar('app/two', 'workloadSelector: {labels: {}}', 'egress: [{hosts: ["./*"]}]').replace(
        'spec:',
        'spec: #!',
      ),
    ),
    'which one a proxy uses is undefined',
  ),
]);

const tlsGateway = (ref: string, tls: string, selector = 'istio: ingressgateway') =>
  doc(
    'Gateway',
    ref,
    `selector: {${selector}}`,
    'servers:',
    `- port: {number: 443, name: https, protocol: HTTPS}`,
    `  hosts: [${ref.split('/')[1]}.example.com]`,
    `  tls: ${tls}`,
  );

ruleTable('GATEWAY-DUPLICATE-CERT', [
  at(
    'different certificates',
    bundle(
      tlsGateway('istio-system/a', '{mode: SIMPLE, credentialName: a-cert}'),
      tlsGateway('istio-system/b', '{mode: SIMPLE, credentialName: b-cert}'),
    ),
  ),
  at(
    'one credential, same selector: both reported',
    bundle(
      tlsGateway('istio-system/a', '{mode: SIMPLE, credentialName: wildcard} #!'),
      tlsGateway('default/b', '{mode: SIMPLE, credentialName: wildcard} #!'),
    ),
    'Gateway/',
  ),
  at(
    'one credential, narrower selector: only the wider one is reported',
    bundle(
      tlsGateway('istio-system/a', '{mode: SIMPLE, credentialName: wildcard} #!'),
      tlsGateway(
        'istio-system/b',
        '{mode: SIMPLE, credentialName: wildcard}',
        'istio: ingressgateway, type: internal',
      ),
    ),
  ),
  at(
    'the same certificate and key files',
    bundle(
      tlsGateway('istio-system/a', '{mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem} #!'),
      tlsGateway('istio-system/b', '{mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem} #!'),
    ),
  ),
  at(
    'the same certificate file with another key',
    bundle(
      tlsGateway('istio-system/a', '{mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k1.pem}'),
      tlsGateway('istio-system/b', '{mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k2.pem}'),
    ),
  ),
]);
