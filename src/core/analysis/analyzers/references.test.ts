import { describe, expect, it } from 'vitest';

import { bundle, doc, markedCase } from '../../../../test/support/fixtures';
import { ruleTable } from '../../../../test/support/rule-table';
import { parseBundle } from '../../bundle';
import { findingsFor } from '../testing';
import { runAnalyzers } from '.';

const at = (name: string, yaml: string, message?: string) => markedCase('warning', name, yaml, message);

const apiSe = (ref = 'app/api', extra = '') =>
  doc(
    'ServiceEntry',
    ref,
    'hosts: [api.example.com]',
    'ports: [{number: 80, name: http, protocol: HTTP}]',
    'resolution: DNS',
    ...(extra ? [extra] : []),
  );
const twoPortSe = doc(
  'ServiceEntry',
  'app/cnn',
  'hosts: [edition.cnn.com]',
  'ports: [{number: 80, name: http, protocol: HTTP}, {number: 443, name: https, protocol: HTTPS}]',
  'resolution: DNS',
);
const egressGw = doc(
  'Gateway',
  'istio-system/egress',
  'selector: {istio: egressgateway}',
  'servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [edition.cnn.com]}]',
);
/** A VirtualService with one http route; a trailing ` #!` on `destination` marks the route line. */
const routeTo = (ref: string, host: string, destination: string, ...extra: string[]) => {
  const [value, marker = ''] = destination.split(' #!');
  const line = `- route: [{destination: ${value}}]${destination.includes('#!') ? ` #!${marker}` : ''}`;
  return doc('VirtualService', ref, `hosts: [${host}]`, ...extra, 'http:', line);
};

const gatewayApiGateway = (ref: string) => {
  const [namespace, name] = ref.split('/');
  return [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: Gateway',
    `metadata: {name: ${name}, namespace: ${namespace}}`,
    'spec: {gatewayClassName: istio, listeners: [{name: http, port: 80, protocol: HTTP}]}',
    '',
  ].join('\n');
};

ruleTable('REF-GATEWAY', [
  at(
    'a Kubernetes Gateway API Gateway',
    bundle(
      gatewayApiGateway('app/web'),
      routeTo('app/cnn', 'edition.cnn.com', '{host: edition.cnn.com}', 'gateways: [web]'),
    ),
  ),
  at(
    'a Kubernetes Gateway API Gateway in another namespace',
    bundle(
      gatewayApiGateway('other/web'),
      routeTo('app/cnn', 'edition.cnn.com', '{host: edition.cnn.com}', 'gateways: [web] #!'),
    ),
  ),
  at(
    'namespace/name',
    bundle(
      egressGw,
      routeTo('app/cnn', 'edition.cnn.com', '{host: edition.cnn.com}', 'gateways: [istio-system/egress]'),
    ),
  ),
  at(
    'legacy name.namespace form',
    bundle(
      egressGw,
      routeTo(
        'app/cnn',
        'edition.cnn.com',
        '{host: edition.cnn.com}',
        'gateways: [egress.istio-system.svc.cluster.local]',
      ),
    ),
  ),
  at(
    'short name of a Gateway in another namespace',
    bundle(
      egressGw,
      routeTo('app/cnn', 'edition.cnn.com', '{host: edition.cnn.com}', 'gateways: [egress] #!'),
    ),
    'a Gateway egress exists in istio-system: write istio-system/egress',
  ),
  at(
    'match.gateways names a missing Gateway',
    bundle(
      egressGw,
      doc(
        'VirtualService',
        'app/cnn',
        'hosts: [edition.cnn.com]',
        'gateways: [mesh, istio-system/egres] #!',
        'http:',
        '- match: [{gateways: [istio-system/egres]}] #!',
        '  route: [{destination: {host: edition.cnn.com}}]',
      ),
    ),
    'not in the bundle',
  ),
]);

ruleTable('REF-HOST', [
  at('registered', bundle(apiSe(), routeTo('app/api', 'api.example.com', '{host: api.example.com}'))),
  at(
    'wildcard ServiceEntry matches by suffix',
    bundle(
      doc(
        'ServiceEntry',
        'app/wild',
        'hosts: ["*.example.com"]',
        'ports: [{number: 443, name: tls, protocol: TLS}]',
      ),
      routeTo('app/api', 'api.example.com', '{host: api.example.com}'),
    ),
  ),
  at(
    'in-cluster names are not checked while the design holds no Service of their namespace',
    routeTo('app/r', 'reviews', '{host: reviews.app.svc.cluster.local}'),
  ),
  at('short in-cluster name', routeTo('app/r', 'reviews', '{host: reviews}')),
  at(
    'nothing registers it',
    routeTo('app/api', 'api.example.com', '{host: api.example.com} #!'),
    'no ServiceEntry in the bundle',
  ),
  at(
    'exportTo hides the ServiceEntry',
    bundle(
      apiSe('other/api', 'exportTo: ["."]'),
      routeTo('app/api', 'api.example.com', '{host: api.example.com} #!'),
    ),
    'its exportTo hides it from app',
  ),
  at(
    'the gateway hop cannot see the ServiceEntry',
    bundle(
      doc(
        'ServiceEntry',
        'app/cnn',
        'hosts: [edition.cnn.com]',
        'ports: [{number: 80, name: http, protocol: HTTP}]',
        'resolution: DNS',
        'exportTo: ["."]',
      ),
      egressGw,
      routeTo(
        'app/cnn',
        'edition.cnn.com',
        '{host: edition.cnn.com, port: {number: 80}} #!',
        'gateways: [istio-system/egress]',
      ),
    ),
    'where gateway istio-system/egress applies it',
  ),
]);

ruleTable('REF-HOST-PORT', [
  at(
    'declared port',
    bundle(apiSe(), routeTo('app/api', 'api.example.com', '{host: api.example.com, port: {number: 80}}')),
  ),
  at(
    'undeclared port',
    bundle(apiSe(), routeTo('app/api', 'api.example.com', '{host: api.example.com, port: {number: 443}} #!')),
    'declares api.example.com on port 80, not 443',
  ),
]);

ruleTable('PORT-REQUIRED', [
  at(
    'port given',
    bundle(twoPortSe, routeTo('app/cnn', 'edition.cnn.com', '{host: edition.cnn.com, port: {number: 80}}')),
  ),
  at('single-port entry', bundle(apiSe(), routeTo('app/api', 'api.example.com', '{host: api.example.com}'))),
  at(
    'two ports, no port',
    bundle(twoPortSe, routeTo('app/cnn', 'edition.cnn.com', '{host: edition.cnn.com} #!')),
    'several ports (80, 443)',
  ),
]);

const subsetRoute = (subset: string, marker = '') =>
  routeTo('app/api', 'api.example.com', `{host: api.example.com, subset: ${subset}}${marker}`);
const subsetDr = (ref: string, ...extra: string[]) =>
  doc('DestinationRule', ref, 'host: api.example.com', 'subsets: [{name: v1}]', ...extra);

ruleTable('REF-SUBSET', [
  at('defined in the client namespace', bundle(apiSe(), subsetDr('app/api'), subsetRoute('v1'))),
  at('defined in the root namespace', bundle(apiSe(), subsetDr('istio-system/api'), subsetRoute('v1'))),
  // istioctl keys external hosts by the referrer's namespace and flags this; pilot finds the DR (§5.22).
  at(
    'defined in the ServiceEntry namespace',
    bundle(apiSe('ext/api'), subsetDr('ext/api'), subsetRoute('v1')),
  ),
  at(
    'unknown subset',
    bundle(apiSe(), subsetDr('app/api'), subsetRoute('v2', ' #!')),
    'DestinationRule/app/api does not define it',
  ),
  at(
    'off the lookup path',
    bundle(apiSe(), subsetDr('other/api'), subsetRoute('v1', ' #!')),
    'DestinationRule/other/api defines it, but proxies in app do not look there',
  ),
  at(
    'private to another namespace',
    bundle(apiSe('ext/api'), subsetDr('ext/api', 'exportTo: ["."]'), subsetRoute('v1', ' #!')),
  ),
  at(
    'short host on a gateway-bound route: the service of the VirtualService namespace',
    bundle(
      doc('DestinationRule', 'app/nginx', 'host: nginx', 'subsets: [{name: v1}]'),
      routeTo(
        'app/nginx-gw',
        'nginx.example.com',
        '{host: nginx, subset: v1}',
        'gateways: [istio-system/egress]',
      ),
    ),
  ),
  at(
    'short host on a gateway-bound route, subset defined for another namespace',
    bundle(
      doc('DestinationRule', 'istio-system/nginx', 'host: nginx', 'subsets: [{name: v1}]'),
      routeTo(
        'app/nginx-gw',
        'nginx.example.com',
        '{host: nginx, subset: v1} #!',
        'gateways: [istio-system/egress]',
      ),
    ),
  ),
  at(
    'egress gateway subset without a DestinationRule',
    routeTo(
      'app/cnn',
      'edition.cnn.com',
      '{host: istio-egressgateway.istio-system.svc.cluster.local, subset: cnn} #!',
    ),
  ),
]);

const gatewayWith = (ref: string, host: string, extra = '') =>
  doc(
    'Gateway',
    ref,
    'selector: {istio: egressgateway}',
    `servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["${host}"]${extra}}]`,
  );
const boundVs = (host: string, marker = '') =>
  doc(
    'VirtualService',
    'app/wiki',
    `hosts: [${host}]${marker}`,
    'gateways: [istio-system/egress]',
    `http: [{route: [{destination: {host: ${host}}}]}]`,
  );

ruleTable('VS-HOST-NOT-IN-GATEWAY', [
  at(
    'host served',
    bundle(gatewayWith('istio-system/egress', 'edition.cnn.com'), boundVs('edition.cnn.com')),
  ),
  at(
    'any namespace',
    bundle(gatewayWith('istio-system/egress', '*/edition.cnn.com'), boundVs('edition.cnn.com')),
  ),
  at(
    'the VS namespace',
    bundle(gatewayWith('istio-system/egress', 'app/edition.cnn.com'), boundVs('edition.cnn.com')),
  ),
  at(
    'host not served',
    bundle(gatewayWith('istio-system/egress', 'edition.cnn.com'), boundVs('en.wikipedia.org', ' #!')),
    'Gateway istio-system/egress',
  ),
  at(
    './ means the Gateway namespace',
    bundle(gatewayWith('istio-system/egress', './edition.cnn.com'), boundVs('edition.cnn.com', ' #!')),
  ),
]);

ruleTable('DR-HOST-UNKNOWN', [
  at('registered', bundle(apiSe(), doc('DestinationRule', 'app/api', 'host: api.example.com'))),
  at(
    'in-cluster service, no Service of its namespace in the design',
    doc('DestinationRule', 'app/gw', 'host: istio-egressgateway.istio-system.svc.cluster.local'),
  ),
  at(
    'wildcard rule over a concrete entry',
    bundle(apiSe(), doc('DestinationRule', 'app/api', 'host: "*.example.com"')),
  ),
  at(
    'unregistered',
    doc('DestinationRule', 'app/billing', 'host: billing.example.com #!'),
    'no ServiceEntry in the bundle defines it',
  ),
  at(
    'hidden by exportTo',
    bundle(
      apiSe('other/api', 'exportTo: ["."]'),
      doc('DestinationRule', 'app/api', 'host: api.example.com #!'),
    ),
  ),
]);

const tlsDr = (...lines: string[]) =>
  bundle(apiSe(), doc('DestinationRule', 'app/api', 'host: api.example.com', ...lines));

const info = (name: string, yaml: string, message?: string) => markedCase('info', name, yaml, message);

ruleTable('NO-CA', [
  at(
    'caCertificates set',
    tlsDr('trafficPolicy: {tls: {mode: SIMPLE, caCertificates: /etc/ssl/certs/ca.pem}}'),
  ),
  at(
    'credentialName with a workloadSelector',
    tlsDr(
      'workloadSelector: {matchLabels: {app: curl}}',
      'trafficPolicy: {tls: {mode: MUTUAL, credentialName: c}}',
    ),
  ),
  at('ISTIO_MUTUAL', tlsDr('trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}')),
  info(
    'top level: verified against the OS CA bundle, so info',
    tlsDr('trafficPolicy:', '  tls: {mode: SIMPLE} #!'),
    "checked against the proxy's OS CA bundle, so any publicly trusted CA is accepted and, for HTTP traffic, the name is checked",
  ),
  info(
    'credentialName without a workloadSelector',
    tlsDr('trafficPolicy: {tls: {mode: MUTUAL, credentialName: client}} #!'),
    'the ca.crt of Secret client',
  ),
  // istioctl checks the top level and port levels only.
  at('subset', tlsDr('subsets: [{name: v1, trafficPolicy: {tls: {mode: SIMPLE}}}]')),
  at(
    'insecureSkipVerify',
    tlsDr('trafficPolicy: {tls: {mode: SIMPLE, insecureSkipVerify: true}} #!'),
    'certificate verification is off',
  ),
  at(
    'sni without SANs',
    tlsDr('trafficPolicy: {tls: {mode: SIMPLE, sni: api.example.com}} #!'),
    'the name in it is not checked at all',
  ),
  info(
    'sni with SANs',
    tlsDr(
      'trafficPolicy: {tls: {mode: SIMPLE, sni: api.example.com, subjectAltNames: [api.example.com]}} #!',
    ),
  ),
]);

ruleTable('NO-CA-PORT', [
  info(
    'port level only',
    tlsDr(
      'trafficPolicy:',
      '  tls: {mode: SIMPLE}',
      '  portLevelSettings: [{port: {number: 80}, tls: {mode: SIMPLE}}] #!',
    ),
    'SIMPLE without caCertificates',
  ),
  at(
    'port level with sni and no SANs',
    tlsDr(
      'trafficPolicy: {portLevelSettings: [{port: {number: 80}, tls: {mode: MUTUAL, sni: a.example.com}}]} #!',
    ),
  ),
]);

describe('NO-CA wording', () => {
  it('does not claim the hostname goes unchecked when the ServiceEntry lists subjectAltNames', () => {
    const yaml = bundle(
      apiSe('app/api', 'subjectAltNames: [api.example.com]'),
      doc(
        'DestinationRule',
        'app/api',
        'host: api.example.com',
        'trafficPolicy: {tls: {mode: SIMPLE, sni: api.example.com}}',
      ),
    );
    const [finding] = findingsFor(yaml, ['NO-CA']);
    expect(finding?.severity).toBe('info');
    expect(finding?.message).not.toContain('not checked');
  });
});

const ratingsSplit = routeTo('app/ratings', 'ratings', '{host: ratings, subset: v1}');
const gatewayRoute = (destination: string, gateways = '[istio-system/ingress]') =>
  routeTo('app/ratings-gw', 'ratings.example.com', destination, `gateways: ${gateways}`);

ruleTable('SUBSET-ROUTING-BYPASSED', [
  at(
    'gateway route without the subset',
    bundle(ratingsSplit, gatewayRoute('{host: ratings} #!')),
    'the subset routing of VirtualService/app/ratings (subset v1) does not apply to it',
  ),
  at('gateway route with the subset', bundle(ratingsSplit, gatewayRoute('{host: ratings, subset: v1}'))),
  // istioctl compares host strings as written.
  at(
    'the same service written in full',
    bundle(ratingsSplit, gatewayRoute('{host: ratings.app.svc.cluster.local}')),
  ),
  at('a route without gateways', bundle(ratingsSplit, routeTo('app/other', 'other', '{host: ratings}'))),
  at(
    'gateways listing only mesh, as istioctl checks it',
    bundle(ratingsSplit, gatewayRoute('{host: ratings} #!', '[mesh]')),
  ),
  at(
    'subsets of a host the splitting VirtualService does not list',
    bundle(routeTo('app/split', 'reviews', '{host: ratings, subset: v1}'), gatewayRoute('{host: ratings}')),
  ),
]);

describe('reference analyzers at scale', () => {
  it('analyses a 5,000-resource two-hop bundle without reporting any error', () => {
    const docs: string[] = [];
    for (let i = 0; i < 1250; i++) {
      const host = `api${i}.example.com`;
      const ns = `ns${i % 50}`;
      docs.push(
        doc(
          'ServiceEntry',
          `${ns}/se${i}`,
          `hosts: [${host}, "*.d${i}.example.com"]`,
          'ports: [{number: 80, name: http, protocol: HTTP}]',
          'resolution: DNS',
        ),
        doc(
          'DestinationRule',
          `${ns}/dr${i}`,
          `host: ${host}`,
          'subsets: [{name: v1}]',
          'trafficPolicy: {tls: {mode: SIMPLE, sni: x}}',
        ),
        doc(
          'VirtualService',
          `${ns}/vs${i}`,
          `hosts: [${host}]`,
          'gateways: [mesh, istio-system/egress]',
          'http:',
          '- match: [{gateways: [mesh], port: 80}]',
          '  route: [{destination: {host: istio-egressgateway.istio-system.svc.cluster.local, subset: cnn, port: {number: 80}}}]',
          '- match: [{gateways: [istio-system/egress], port: 80}]',
          `  route: [{destination: {host: ${host}, subset: v1, port: {number: 80}}}]`,
        ),
        doc(
          'Gateway',
          `istio-system/gw${i}`,
          'selector: {istio: egressgateway}',
          `servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [${host}]}]`,
        ),
      );
    }
    const parsed = parseBundle(bundle(...docs));
    expect(parsed.resources).toHaveLength(5000);
    // Timing belongs in `npm run bench`; here: a large bundle is analysed and nothing is an error.
    const found = runAnalyzers(parsed);
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    // A generous limit: CI machines share their cores (the bench measures the time).
  }, 30_000);
});
