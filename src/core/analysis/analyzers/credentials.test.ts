import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { bundle, deployment, doc, kube, markedCase, secret } from '../../../../test/support/fixtures';
import { ruleTable } from '../../../../test/support/rule-table';
import { parseBundle } from '../../bundle';
import { serverCredentialProblem } from '../../istio/credentials';
import { buildModel } from '../../istio/model';

const at = (name: string, yaml: string, message?: string) => markedCase('warning', name, yaml, message);

/** `data` lines of Istio's test Secrets: a certificate valid 2023-03-14 to 2122-02-18, and its key. */
const fixture = readFileSync(
  join(import.meta.dirname, '../../../../test/conformance/fixtures/istio-analyzers/gateway-secrets.yaml'),
  'utf8',
);
const validData = [
  'data:',
  ...[...fixture.matchAll(/^ {2}(tls\.(crt|key)): (\S+)$/gm)].map((m) => `  ${m[1]}: ${m[3]}`),
];

/** The line marker a value carries (` #!`), to put at the end of its line. */
const marker = (value: string) => (value.endsWith(' #!') ? ' #!' : '');

/** An HTTPS Gateway server with SIMPLE TLS and `credentialName: <credential>` (a trailing ` #!` marks it). */
const gateway = (ref: string, selector: string, credential: string) =>
  doc(
    'Gateway',
    ref,
    `selector: ${selector}`,
    'servers:',
    '- port: {number: 443, name: https, protocol: HTTPS}',
    '  hosts: [api.example.com]',
    `  tls: {mode: SIMPLE, credentialName: ${credential.replace(' #!', '')}}${marker(credential)}`,
  );

const validSecret = (ref: string) => kube('v1', 'Secret', ref, 'type: kubernetes.io/tls', ...validData);

ruleTable('REF-CREDENTIAL', [
  at(
    'the Secret beside the Gateway resource, not beside its pods',
    bundle(
      validSecret('default/egress-cert'),
      gateway('default/egress', '{istio: egressgateway}', 'egress-cert #!'),
    ),
    'Secret egress-cert is not in istio-system, where the gateway pods of this Gateway run and read it from (the design has it in default, not in istio-system)',
  ),
  at(
    'the gateway namespace holds other Secrets',
    bundle(
      validSecret('istio-system/other-cert'),
      gateway('istio-system/egress', '{istio: egressgateway}', 'egress-cert #!'),
    ),
    'istio-system holds other-cert, not egress-cert',
  ),
  at(
    'a design without Secrets says nothing about them',
    gateway('istio-system/egress', '{istio: egressgateway}', 'egress-cert'),
  ),
  at(
    'Secrets of other namespaces only',
    bundle(
      validSecret('app/client-cert'),
      gateway('istio-system/egress', '{istio: egressgateway}', 'egress-cert'),
    ),
  ),
  at(
    'in the namespace of the pods the selector matches',
    bundle(
      deployment('gateways/egress-gw', 'app=egress-gw'),
      validSecret('gateways/egress-cert'),
      gateway('app/egress-gw', '{app: egress-gw}', 'egress-cert'),
    ),
  ),
  at(
    'an explicit namespace/name',
    bundle(
      validSecret('certs/egress-cert'),
      validSecret('istio-system/other'),
      gateway('istio-system/egress', '{istio: egressgateway}', 'certs/egress-cert'),
    ),
  ),
  at(
    'a Gateway that selects no pod gets that finding instead',
    bundle(
      deployment('egress/egress-gw', 'app=egress-gw'),
      validSecret('egress/other'),
      gateway('egress/egress-gw', '{app: egres-gw}', 'egress-cert'),
    ),
  ),
]);

ruleTable('CREDENTIAL-INVALID', [
  at(
    'a current certificate',
    bundle(
      validSecret('istio-system/cert'),
      gateway('istio-system/egress', '{istio: egressgateway}', 'cert'),
    ),
  ),
  at(
    'a placeholder instead of a certificate',
    bundle(
      secret('istio-system/cert', 'tls.crt: paste here', 'tls.key: paste here'),
      gateway('istio-system/egress', '{istio: egressgateway}', 'cert #!'),
    ),
    'Secret/istio-system/cert: tls.crt holds no PEM block',
  ),
  at(
    'keys named otherwise',
    bundle(
      secret('istio-system/cert', 'certificate: abc', 'private-key: def'),
      gateway('istio-system/egress', '{istio: egressgateway}', 'cert #!'),
    ),
    'it has neither tls.crt and tls.key nor cert and key (its keys: certificate, private-key)',
  ),
  at(
    'data that is not base64',
    bundle(
      kube('v1', 'Secret', 'istio-system/cert', 'data: {tls.crt: "not base64!", tls.key: eA==}'),
      gateway('istio-system/egress', '{istio: egressgateway}', 'cert #!'),
    ),
    'tls.crt is not valid base64',
  ),
]);

describe('serverCredentialProblem', () => {
  const entry = (yaml: string) => buildModel(parseBundle(yaml)).secrets[0]!;
  const valid = entry(validSecret('istio-system/cert'));

  it('accepts the certificate within its validity', () => {
    expect(serverCredentialProblem(valid, Date.UTC(2030, 0, 1))).toBeUndefined();
  });

  it('refuses it before and after', () => {
    expect(serverCredentialProblem(valid, Date.UTC(2023, 0, 1))).toBe(
      'the certificate in tls.crt is not valid before 2023-03-14',
    );
    expect(serverCredentialProblem(valid, Date.UTC(2122, 2, 1))).toBe(
      'the certificate in tls.crt expired on 2122-02-18',
    );
  });

  it('takes cert and key before tls.crt and tls.key, as Istio does', () => {
    const both = entry(
      kube('v1', 'Secret', 'istio-system/cert', ...validData, 'stringData: {cert: nope, key: nope}'),
    );
    expect(serverCredentialProblem(both, Date.UTC(2030, 0, 1))).toBe('cert holds no PEM block');
  });

  it('names keys that are present but empty', () => {
    expect(serverCredentialProblem(entry(secret('ns/cert', 'tls.crt: ""', 'tls.key: ""')), 0)).toBe(
      'tls.crt and tls.key are empty',
    );
  });
});

const twoHop = (drNamespace: string, credential: string, extra = '') =>
  bundle(
    doc(
      'ServiceEntry',
      'app/partner',
      'hosts: [partner.example.com]',
      'ports: [{number: 80, name: http, protocol: HTTP}]',
      'resolution: DNS',
    ),
    doc(
      'Gateway',
      'istio-system/egress',
      'selector: {istio: egressgateway}',
      'servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [partner.example.com]}]',
    ),
    doc(
      'VirtualService',
      'app/partner',
      'hosts: [partner.example.com]',
      'gateways: [mesh, istio-system/egress]',
      'http:',
      '- match: [{gateways: [mesh], port: 80}]',
      '  route: [{destination: {host: istio-egressgateway.istio-system.svc.cluster.local, port: {number: 80}}}]',
      '- match: [{gateways: [istio-system/egress], port: 80}]',
      '  route: [{destination: {host: partner.example.com, port: {number: 80}}}]',
    ),
    doc(
      'DestinationRule',
      `${drNamespace}/partner`,
      'host: partner.example.com',
      ...(extra ? [extra] : []),
      `trafficPolicy: {tls: {mode: MUTUAL, credentialName: ${credential.replace(' #!', '')}}}${marker(credential)}`,
    ),
  );

ruleTable('DR-CREDENTIAL-MISSING', [
  at(
    'the gateway originates; the Secret sits in the client namespace',
    bundle(validSecret('app/partner-client'), twoHop('istio-system', 'partner-client #!')),
    'Secret partner-client is not in istio-system, where the gateway pods that apply this rule run',
  ),
  at(
    'the Secret beside the gateway pods',
    bundle(validSecret('istio-system/partner-client'), twoHop('istio-system', 'partner-client')),
  ),
  at('a design without Secrets', twoHop('istio-system', 'partner-client')),
  at(
    'a rule with a workloadSelector reads it in its own namespace',
    bundle(
      validSecret('istio-system/partner-client'),
      validSecret('app/other'),
      twoHop('app', 'partner-client #!', 'workloadSelector: {labels: {app: curl}}'),
    ),
    'where the workloads this rule selects run',
  ),
  at(
    "a rule in the service's namespace is on the gateway's lookup path too",
    bundle(validSecret('app/partner-client'), twoHop('app', 'partner-client #!')),
    'not in istio-system',
  ),
  at(
    'a rule the gateway cannot see (exportTo .) is left to CREDENTIAL-IGNORED',
    bundle(validSecret('app/partner-client'), twoHop('app', 'partner-client', 'exportTo: ["."]')),
  ),
]);
