import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { bundle, doc, markedCase } from '../../../../test/support/fixtures';
import { ruleTable, source } from '../../../../test/support/rule-table';
import { analyzerCodes } from '../codes/analyzer';
import { diagnose } from '../testing';

const at = (name: string, yaml: string, message?: string) => markedCase('warning', name, yaml, message);

const GW_HOST = 'istio-egressgateway.istio-system.svc.cluster.local';
const se = (ports: string, ...extra: string[]) =>
  doc('ServiceEntry', 'app/cnn', 'hosts: [edition.cnn.com]', `ports: ${ports}`, ...extra);
const HTTP_80 = '[{number: 80, name: http, protocol: HTTP}]';
const gateway = (server: string) =>
  doc('Gateway', 'istio-system/egress', 'selector: {istio: egressgateway}', `servers: [${server}]`);
const HTTP_SERVER = '{port: {number: 80, name: http, protocol: HTTP}, hosts: [edition.cnn.com]}';
const gatewayDr = doc(
  'DestinationRule',
  'app/egressgateway-for-cnn',
  `host: ${GW_HOST}`,
  'subsets: [{name: cnn}]',
);
/** The two-hop http VirtualService of ISTIO.md §4.3; `gateways` and the hop ports can vary. */
const twoHop = (gateways = '[istio-system/egress, mesh]', meshPort = 80, gwPort = 80, outPort = 80) =>
  doc(
    'VirtualService',
    'app/cnn-via-egress',
    'hosts: [edition.cnn.com]',
    `gateways: ${gateways}`,
    'http:',
    `- match: [{gateways: [mesh], port: ${meshPort}}]`,
    `  route: [{destination: {host: ${GW_HOST}, subset: cnn, port: {number: ${gwPort}}}}]`,
    `- match: [{gateways: [istio-system/egress], port: ${gwPort}}]`,
    `  route: [{destination: {host: edition.cnn.com, port: {number: ${outPort}}}}]`,
  );
const httpTwoHop = (seExtra: string[], ...rest: string[]) =>
  bundle(se(HTTP_80, ...seExtra), gateway(HTTP_SERVER), gatewayDr, twoHop(), ...rest);

ruleTable('GATEWAY-NONE-RESOLUTION', [
  at('DNS', httpTwoHop(['resolution: DNS'])),
  at(
    'NONE',
    httpTwoHop(['resolution: NONE #!']),
    'with resolution NONE a gateway gets a cluster with no endpoints',
  ),
  at(
    'resolution omitted (NONE)',
    bundle(
      doc('ServiceEntry', 'app/cnn', 'hosts: [edition.cnn.com] #!', `ports: ${HTTP_80}`),
      gateway(HTTP_SERVER),
      gatewayDr,
      twoHop(),
    ),
  ),
  at(
    'NONE used by sidecars only',
    bundle(
      se(HTTP_80, 'resolution: NONE'),
      doc(
        'VirtualService',
        'app/cnn',
        'hosts: [edition.cnn.com]',
        'http: [{route: [{destination: {host: edition.cnn.com}}]}]',
      ),
    ),
  ),
  at(
    'a concrete DNS entry beats a NONE wildcard (E15)',
    bundle(
      doc('ServiceEntry', 'app/www', 'hosts: [edition.cnn.com]', `ports: ${HTTP_80}`, 'resolution: DNS'),
      doc('ServiceEntry', 'app/wild', 'hosts: ["*.cnn.com"]', `ports: ${HTTP_80}`, 'resolution: NONE'),
      gateway(HTTP_SERVER),
      gatewayDr,
      twoHop(),
    ),
  ),
]);

const TLS_443 = '[{number: 443, name: tls, protocol: TLS}]';
ruleTable('PROTOCOL-MISMATCH', [
  at('HTTP on both', bundle(se(HTTP_80, 'resolution: DNS'), gateway(HTTP_SERVER))),
  at(
    'TLS entry, HTTP server',
    bundle(
      se(TLS_443, 'resolution: DNS'),
      gateway('{port: {number: 443, name: http, protocol: HTTP}, hosts: [edition.cnn.com]}').replace(
        /\n$/,
        ' #!\n',
      ),
    ),
    'clients send TLS',
  ),
  at(
    'HTTP entry, TLS passthrough server',
    bundle(
      se('[{number: 443, name: http, protocol: HTTP}]', 'resolution: DNS'),
      gateway(
        '{port: {number: 443, name: tls, protocol: TLS}, hosts: [edition.cnn.com], tls: {mode: PASSTHROUGH}}',
      ).replace(/\n$/, ' #!\n'),
    ),
    'no SNI',
  ),
  at(
    'mTLS hop to an HTTPS ISTIO_MUTUAL server (E12)',
    bundle(
      se(
        '[{number: 80, name: http, protocol: HTTP}, {number: 443, name: https, protocol: HTTPS}]',
        'resolution: DNS',
      ),
      gateway(
        '{port: {number: 80, name: https, protocol: HTTPS}, hosts: [edition.cnn.com], tls: {mode: ISTIO_MUTUAL}}',
      ),
      gatewayDr,
      twoHop('[istio-system/egress, mesh]', 80, 80, 443),
    ),
  ),
  at(
    'client port 80 sent to gateway port 443 (E13)',
    bundle(
      se(
        '[{number: 80, name: http, protocol: HTTP}, {number: 443, name: https, protocol: HTTPS}]',
        'resolution: DNS',
      ),
      gateway(
        '{port: {number: 443, name: https, protocol: HTTPS}, hosts: [edition.cnn.com], tls: {mode: ISTIO_MUTUAL}}',
      ),
      gatewayDr,
      twoHop('[istio-system/egress, mesh]', 80, 443, 443),
    ),
  ),
]);

ruleTable('TWO-HOP-NO-MESH', [
  at('mesh and the gateway', httpTwoHop(['resolution: DNS'])),
  at(
    'mesh missing',
    bundle(
      se(HTTP_80, 'resolution: DNS'),
      gateway(HTTP_SERVER),
      gatewayDr,
      twoHop('[istio-system/egress] #!'),
    ),
    'calls leave directly instead of through the egress gateway',
  ),
  at(
    'match.gateways names a gateway the VS is not bound to',
    bundle(
      se(HTTP_80, 'resolution: DNS'),
      gateway(HTTP_SERVER),
      gatewayDr,
      twoHop('[mesh]').replace(
        '- match: [{gateways: [istio-system/egress], port: 80}]',
        '- match: [{gateways: [istio-system/egress], port: 80}] #!',
      ),
    ),
    'add istio-system/egress to spec.gateways',
  ),
]);

const credentialDr = (ref: string, ...extra: string[]) =>
  doc('DestinationRule', ref, 'host: edition.cnn.com', ...extra);
const MUTUAL = 'trafficPolicy: {tls: {mode: MUTUAL, credentialName: client, sni: edition.cnn.com}}';

/** The ServiceEntry, and a mesh VirtualService for edition.cnn.com sending it to `destination`. */
const cnnRoutedTo = (destination: string, timeout = '') =>
  bundle(
    se(HTTP_80, 'resolution: DNS'),
    doc(
      'VirtualService',
      'app/cnn',
      'hosts: [edition.cnn.com]',
      `http: [{route: [{destination: {host: ${destination}}}]${timeout}}]`,
    ),
  );

ruleTable('CREDENTIAL-IGNORED', [
  at(
    'workloadSelector set',
    bundle(
      se(HTTP_80, 'resolution: DNS'),
      credentialDr('app/cnn', 'workloadSelector: {matchLabels: {app: curl}}', MUTUAL),
    ),
  ),
  at(
    'no selector at the sidecar',
    bundle(se(HTTP_80, 'resolution: DNS'), credentialDr('app/cnn', `${MUTUAL} #!`)),
    'build no TLS context',
  ),
  at(
    'gateway-only rule in istio-system (E13)',
    httpTwoHop(['resolution: DNS'], credentialDr('istio-system/cnn', 'exportTo: ["."]', MUTUAL)),
  ),
  at(
    'public rule for a host reached only through the gateway hop',
    httpTwoHop(['resolution: DNS'], credentialDr('default/cnn', MUTUAL)),
  ),
  at(
    'private rule in the namespace of a dedicated egress gateway Service',
    bundle(
      cnnRoutedTo('cnn-egressgateway.egress.svc.cluster.local'),
      credentialDr('egress/cnn', 'exportTo: ["."]', MUTUAL),
    ),
  ),
  at(
    'in-cluster host reached through the gateway hop (istio.io SDS origination task)',
    bundle(
      gateway(HTTP_SERVER),
      doc(
        'VirtualService',
        'default/nginx',
        'hosts: [my-nginx.mesh-external.svc.cluster.local]',
        'gateways: [istio-system/egress, mesh]',
        'http:',
        '- match: [{gateways: [mesh], port: 80}]',
        `  route: [{destination: {host: ${GW_HOST}, port: {number: 80}}}]`,
        '- match: [{gateways: [istio-system/egress], port: 80}]',
        '  route: [{destination: {host: my-nginx.mesh-external.svc.cluster.local, port: {number: 443}}}]',
      ),
      doc(
        'DestinationRule',
        'istio-system/nginx',
        'host: my-nginx.mesh-external.svc.cluster.local',
        'trafficPolicy: {portLevelSettings: [{port: {number: 443}, tls: {mode: MUTUAL, credentialName: client-credential}}]}',
      ),
    ),
  ),
  at(
    'private rule in a client namespace',
    bundle(se(HTTP_80, 'resolution: DNS'), credentialDr('app/cnn', 'exportTo: ["."]', `${MUTUAL} #!`)),
  ),
  at(
    'istio-system rule also used by sidecars that call the host directly',
    bundle(cnnRoutedTo('edition.cnn.com', ', timeout: 5s'), credentialDr('istio-system/cnn', `${MUTUAL} #!`)),
  ),
]);

const REGISTRY_ONLY = source`
  apiVersion: install.istio.io/v1alpha1
  kind: IstioOperator
  metadata: {name: mesh, namespace: istio-system}
  spec: {meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}}
`;
const apiVs = (marker = '') =>
  doc(
    'VirtualService',
    'app/api',
    `hosts: [api.example.com]${marker}`,
    'http: [{route: [{destination: {host: api.example.com}}], timeout: 5s}]',
  );

ruleTable('REGISTRY-ONLY-UNREGISTERED', [
  at('ALLOW_ANY by default', apiVs()),
  at(
    'registered',
    bundle(
      REGISTRY_ONLY,
      doc('ServiceEntry', 'app/api', 'hosts: [api.example.com]', `ports: ${HTTP_80}`, 'resolution: DNS'),
      apiVs(),
    ),
  ),
  at('mesh REGISTRY_ONLY', bundle(REGISTRY_ONLY, apiVs(' #!')), 'the mesh outbound policy is REGISTRY_ONLY'),
  at(
    'Sidecar policy with the mode omitted',
    bundle(doc('Sidecar', 'app/default', 'outboundTrafficPolicy: {}'), apiVs(' #!')),
    'Sidecar/app/default sets REGISTRY_ONLY',
  ),
  at(
    'Sidecar ALLOW_ANY overrides the mesh',
    bundle(REGISTRY_ONLY, doc('Sidecar', 'app/default', 'outboundTrafficPolicy: {mode: ALLOW_ANY}'), apiVs()),
  ),
]);

const sidecar = (...hosts: string[]) =>
  doc('Sidecar', 'app/default', `egress: [{hosts: [${hosts.map((h) => `"${h}"`).join(', ')}]}]`);
const billing = doc(
  'ServiceEntry',
  'payments/billing',
  'hosts: [billing.example.com]',
  'ports: [{number: 443, name: tls, protocol: TLS}]',
  'resolution: DNS',
);

ruleTable('SIDECAR-IMPORT', [
  at('imports from the defining namespace', bundle(billing, sidecar('payments/billing.example.com'))),
  at('any namespace', bundle(billing, sidecar('*/billing.example.com'))),
  at(
    'wrong namespace',
    bundle(billing, sidecar('istio-system/billing.example.com').replace(/\n$/, ' #!\n')),
    'write payments/billing.example.com',
  ),
  at('gateway namespace imported', httpTwoHop(['resolution: DNS'], sidecar('./*', 'istio-system/*'))),
  // Pilot imports the destinations of the VirtualServices a Sidecar imports (sidecar.go
  // collectImportedServices): the egress gateway Service the two-hop route names is known.
  at(
    'gateway Service imported through the VirtualService that routes to it',
    httpTwoHop(['resolution: DNS'], sidecar('./*')),
  ),
]);

// --- Known false positives: the canonical egress patterns must stay quiet ----------------------

const TLS_PASSTHROUGH = bundle(
  se(TLS_443, 'resolution: DNS'),
  gateway(
    '{port: {number: 443, name: tls, protocol: TLS}, hosts: [edition.cnn.com], tls: {mode: PASSTHROUGH}}',
  ),
  gatewayDr,
  doc(
    'VirtualService',
    'app/cnn-via-egress',
    'hosts: [edition.cnn.com]',
    'gateways: [mesh, istio-system/egress]',
    'tls:',
    '- match: [{gateways: [mesh], port: 443, sniHosts: [edition.cnn.com]}]',
    `  route: [{destination: {host: ${GW_HOST}, subset: cnn, port: {number: 443}}}]`,
    '- match: [{gateways: [istio-system/egress], port: 443, sniHosts: [edition.cnn.com]}]',
    '  route: [{destination: {host: edition.cnn.com, port: {number: 443}}, weight: 100}]',
  ),
);
const corpus = (file: string) =>
  readFileSync(join(import.meta.dirname, '../../../../test/corpus/valid', file), 'utf8');
const allowed = (code: string) => code.startsWith('NO-CA') || code.startsWith('BP-');
const analyzerCodeSet = new Set(analyzerCodes.map((c) => c.code));

describe('canonical egress patterns', () => {
  it.each([
    ['ISTIO.md §4.3 two-hop HTTP', httpTwoHop(['resolution: DNS'])],
    ['TLS passthrough variant', TLS_PASSTHROUGH],
    ['seed egress-gateway passthrough', corpus('seed-egress-gateway-passthrough.yaml')],
    ['E12 TLS origination at the gateway', corpus('e12-tls-origination-egress-gateway.yaml')],
    ['E13 mTLS origination at the gateway', corpus('e13-mtls-origination-egress-gateway.yaml')],
    ['E15 wildcard through the gateway', corpus('e15-wildcard-egress-gateway.yaml')],
  ])('%s: no analyzer warning but NO-CA, and no IST0140', (_name, yaml) => {
    const findings = diagnose(yaml);
    expect(findings.filter((d) => d.severity === 'error')).toEqual([]);
    expect(findings.filter((d) => analyzerCodeSet.has(d.code) && !allowed(d.code))).toEqual([]);
    expect(findings.filter((d) => d.code.includes('IST0140') || d.message.includes('IST0140'))).toEqual([]);
  });
});

describe('file mode', () => {
  it('does not report missing Pods, Secrets or Kubernetes Services', () => {
    const yaml = bundle(
      doc(
        'Gateway',
        'istio-system/egress',
        'selector: {istio: nothing-runs-this}',
        'servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [edition.cnn.com], tls: {mode: SIMPLE, credentialName: no-such-secret}}]',
      ),
      doc(
        'DestinationRule',
        'app/partner',
        `host: reviews.app.svc.cluster.local`,
        'workloadSelector: {matchLabels: {app: curl}}',
        'trafficPolicy: {tls: {mode: MUTUAL, credentialName: no-such-secret}}',
      ),
      doc(
        'VirtualService',
        'app/reviews',
        'hosts: [reviews]',
        'http: [{route: [{destination: {host: reviews.app.svc.cluster.local, port: {number: 9080}}}], timeout: 5s}]',
      ),
    );
    expect(diagnose(yaml).filter((d) => analyzerCodeSet.has(d.code))).toEqual([]);
  });
});
