import { describe, expect, it } from 'vitest';

import { blockDoc } from '../../../../test/support/fixtures';
import { ruleTable, source } from '../../../../test/support/rule-table';
import { findingsFor } from '../testing';

/**
 * A VirtualService `app/api` whose spec body is `lines` (indented for you).
 * Lines: 1 apiVersion, 2 kind, 3 metadata, 4 name, 5 namespace, 6 spec:, 7.. the body.
 */
const vs = (...lines: string[]) => blockDoc('VirtualService', 'app/api', ...lines);

const HOST = 'hosts: [api.example.com]';
const ROUTE = 'http: [{route: [{destination: {host: api.example.com}}]}]';

ruleTable('VS-01', [
  { name: 'http section', yaml: vs(HOST, ROUTE), expect: [] },
  {
    name: 'tcp section only',
    yaml: vs(HOST, 'tcp: [{route: [{destination: {host: api.example.com}}]}]'),
    expect: [],
  },
  {
    name: 'no route section',
    yaml: vs(HOST),
    expect: [{ line: 6, message: 'http, tcp or tls must be provided' }],
  },
  { name: 'empty sections', yaml: vs(HOST, 'http: []', 'tcp: []'), expect: [{ line: 6 }] },
]);

ruleTable('VS-02', [
  {
    name: 'star on a gateway-only VS',
    yaml: vs('hosts: ["*"]', 'gateways: [istio-system/egress]', ROUTE),
    expect: [],
  },
  {
    name: 'star with gateways omitted',
    yaml: vs('hosts: ["*"]', ROUTE),
    expect: [
      { line: 7, message: 'wildcard host * is not allowed for virtual services bound to the mesh gateway' },
    ],
  },
  {
    name: 'star with mesh listed',
    yaml: vs('hosts: ["*"]', 'gateways: [mesh, istio-system/egress]', ROUTE),
    expect: [{ line: 7 }],
  },
]);

ruleTable('VS-03', [
  { name: 'distinct hosts', yaml: vs('hosts: [api.example.com, web.example.com]', ROUTE), expect: [] },
  {
    name: 'wildcard covers a host',
    yaml: vs('hosts: [api.example.com, "*.example.com"]', ROUTE),
    expect: [{ line: 7, message: 'duplicate hosts in virtual service: api.example.com & *.example.com' }],
  },
  {
    name: 'literal duplicate',
    yaml: vs('hosts:', '- api.example.com', '- api.example.com', ROUTE),
    expect: [{ line: 9 }],
  },
  {
    name: 'partial wildcard matching its suffix',
    yaml: vs('hosts: ["*foo.com", foo.com]', ROUTE),
    expect: [{ line: 7 }],
  },
  // Istio compares hosts only when all of them are valid.
  {
    name: 'skipped when a host is invalid',
    yaml: vs('hosts: [a_b.example.com, a_b.example.com]', ROUTE),
    expect: [],
  },
]);

ruleTable('VS-04', [
  {
    name: 'IPv4, IPv6 and partial wildcard',
    yaml: vs('hosts: ["203.0.113.7", "2001:db8::1", "*foo.example.org"]', ROUTE),
    expect: [],
  },
  { name: 'short name', yaml: vs('hosts: [api]', ROUTE), expect: [] },
  {
    name: 'underscore in a label',
    yaml: vs('hosts:', '- api_v1.example.com', ROUTE),
    expect: [{ line: 8, message: 'domain name "api_v1.example.com" invalid (label "api_v1" invalid)' }],
  },
  {
    name: 'wildcard in a later label',
    yaml: vs('hosts: ["api.*.example.com"]', ROUTE),
    expect: [{ line: 7, message: 'label "*" invalid' }],
  },
]);

ruleTable('VS-05', [
  {
    name: 'mesh, ns/name and short name',
    yaml: vs(HOST, 'gateways: [mesh, istio-system/egress, egress]', ROUTE),
    expect: [],
  },
  {
    name: 'bad namespace',
    yaml: vs(HOST, 'gateways:', '- istio_system/egress', ROUTE),
    expect: [{ line: 9, message: 'invalid value for namespace: "istio_system"' }],
  },
  {
    name: 'bad gateway name',
    yaml: vs(HOST, 'gateways: [istio-system/egress_gw]', ROUTE),
    expect: [{ line: 8, message: 'invalid value for gateway name: "egress_gw"' }],
  },
  {
    name: 'empty namespace',
    yaml: vs(HOST, 'gateways: [/egress]', ROUTE),
    expect: [{ line: 8, message: 'config namespace and gateway name cannot be empty' }],
  },
  {
    name: 'bad short name',
    yaml: vs(HOST, 'gateways: [egress_gw]', ROUTE),
    expect: [{ line: 8, message: 'domain name "egress_gw"' }],
  },
  {
    name: 'legacy FQDN form warns',
    yaml: vs(HOST, 'gateways: [egress.istio-system.svc.cluster.local]', ROUTE),
    expect: [
      {
        line: 8,
        severity: 'warning',
        message:
          'using legacy gatewayName format "egress.istio-system.svc.cluster.local"; prefer the <namespace>/<name> format: "istio-system/egress"',
      },
    ],
  },
  {
    name: 'match gateways are checked too',
    yaml: vs(
      'hosts: [edition.cnn.com]',
      'gateways: [mesh, istio-system/egress]',
      'tls:',
      '- match: [{gateways: [istio_system/egress], sniHosts: [edition.cnn.com]}]',
      '  route: [{destination: {host: edition.cnn.com}}]',
    ),
    expect: [{ line: 10, message: 'invalid value for namespace' }],
  },
]);

ruleTable('VS-06', [
  { name: 'registry host', yaml: vs(HOST, ROUTE), expect: [] },
  {
    name: 'wildcard destination passes',
    yaml: vs(HOST, 'http: [{route: [{destination: {host: "*.example.com"}}]}]'),
    expect: [],
  },
  {
    name: 'IP destination',
    yaml: vs(HOST, 'http:', '- route:', '  - destination:', '      host: "203.0.113.7"'),
    expect: [{ line: 11, message: 'top level domain "7" cannot be all-numeric' }],
  },
  {
    name: 'star destination',
    yaml: vs(HOST, 'tcp: [{route: [{destination: {host: "*"}}]}]'),
    expect: [{ line: 8, message: 'invalid destination host *' }],
  },
  {
    name: 'IP mirror',
    yaml: vs(
      HOST,
      'http:',
      '- route: [{destination: {host: api.example.com}}]',
      '  mirror: {host: "10.0.0.1"}',
    ),
    expect: [{ line: 10 }],
  },
]);

ruleTable('VS-07', [
  {
    name: 'relative weights not summing to 100',
    yaml: vs(
      HOST,
      'http:',
      '- route:',
      '  - {destination: {host: api.example.com, subset: a}, weight: 550}',
      '  - {destination: {host: api.example.com, subset: b}, weight: 500}',
    ),
    expect: [],
  },
  {
    name: 'single destination with weight 0',
    yaml: vs(HOST, 'http: [{route: [{destination: {host: api.example.com}, weight: 0}]}]'),
    expect: [],
  },
  {
    name: 'negative weight',
    yaml: vs(
      HOST,
      'http:',
      '- route:',
      '  - {destination: {host: api.example.com, subset: a}, weight: -1}',
      '  - {destination: {host: api.example.com, subset: b}, weight: 100}',
    ),
    expect: [{ line: 10, message: 'weight -1 < 0' }],
  },
  {
    name: 'all weights zero',
    yaml: vs(
      HOST,
      'http:',
      '- route:',
      '  - {destination: {host: api.example.com, subset: a}, weight: 0}',
      '  - {destination: {host: api.example.com, subset: b}}',
    ),
    expect: [{ line: 9, message: 'total destination weight = 0' }],
  },
  {
    name: 'all weights zero on tcp',
    yaml: vs(
      HOST,
      'tcp:',
      '- route:',
      '  - {destination: {host: a.example.com}}',
      '  - {destination: {host: b.example.com}}',
    ),
    expect: [{ line: 9 }],
  },
]);

ruleTable('VS-19', [
  { name: 'delegate with http only', yaml: vs(ROUTE), expect: [] },
  {
    name: 'forgotten hosts with gateways',
    yaml: vs('gateways:', '- mesh', ROUTE),
    expect: [{ line: 7, message: 'delegate virtual service must have no gateways specified' }],
  },
  {
    name: 'delegate with tls',
    yaml: vs(
      'tls:',
      '- match: [{sniHosts: [a.example.com]}]',
      '  route: [{destination: {host: a.example.com}}]',
    ),
    expect: [{ line: 7, message: 'no tls route' }],
  },
  {
    name: 'delegate with tcp',
    yaml: vs('tcp:', '- route: [{destination: {host: db.example.com}}]'),
    expect: [{ line: 7, message: 'no tcp route' }],
  },
  {
    name: 'delegate that delegates',
    yaml: vs('http:', '- delegate: {name: other}'),
    expect: [{ line: 8, message: 'delegate HTTP route cannot contain delegate' }],
  },
]);

const JWT_MATCH = [
  'http:',
  '- match: [{headers: {"@request.auth.claims.group": {exact: admin}}}]',
  '  route: [{destination: {host: api.example.com}}]',
];

ruleTable('VS-20', [
  { name: 'gateway-only VS', yaml: vs(HOST, 'gateways: [istio-system/ingress]', ...JWT_MATCH), expect: [] },
  {
    name: 'ordinary header on a mesh VS',
    yaml: vs(
      HOST,
      'http: [{match: [{headers: {x-group: {exact: a}}}], route: [{destination: {host: a.example.com}}]}]',
    ),
    expect: [],
  },
  {
    name: 'claim on a mesh VS',
    yaml: vs(HOST, ...JWT_MATCH),
    expect: [
      {
        line: 9,
        message:
          'JWT claim based routing (key: @request.auth.claims.group) is only supported for gateway, found no gateways: []',
      },
    ],
  },
  {
    name: 'claim with mesh listed',
    yaml: vs(HOST, 'gateways: [mesh, istio-system/ingress]', ...JWT_MATCH),
    expect: [{ line: 10, message: 'found no gateways: [mesh istio-system/ingress]' }],
  },
]);

const VS_CODES = Array.from({ length: 22 }, (_, i) => `VS-${String(i + 1).padStart(2, '0')}`);

describe('seed VirtualServices have no VS findings', () => {
  it.each([
    [
      'retries',
      source`
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata:
          name: external-api-retry
          namespace: default
        spec:
          hosts:
            - api.external-service.com
          http:
            - route:
                - destination:
                    host: api.external-service.com
                    port:
                      number: 443
              retries:
                attempts: 3
                perTryTimeout: 5s
                retryOn: 5xx,reset,connect-failure,retriable-4xx
              timeout: 30s
      `,
    ],
    [
      'payment gateway',
      source`
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata:
          name: payment-gateway-vs
          namespace: payments
        spec:
          hosts:
            - api.payment-gateway.com
          http:
            - match:
                - uri:
                    prefix: /v1/payments
              route:
                - destination:
                    host: api.payment-gateway.com
                    port:
                      number: 443
              retries:
                attempts: 2
                perTryTimeout: 10s
                retryOn: reset,connect-failure
              timeout: 60s
              headers:
                request:
                  add:
                    x-request-source: "order-service"
            - route:
                - destination:
                    host: api.payment-gateway.com
                    port:
                      number: 443
              timeout: 30s
      `,
    ],
    [
      'egress gateway TLS passthrough',
      source`
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata:
          name: external-api-routing
          namespace: istio-system
        spec:
          hosts:
            - external-api.example.com
          gateways:
            - mesh
            - external-api-egress-gateway
          tls:
            - match:
                - gateways:
                    - mesh
                  port: 443
                  sniHosts:
                    - external-api.example.com
              route:
                - destination:
                    host: istio-egressgateway.istio-system.svc.cluster.local
                    port:
                      number: 443
            - match:
                - gateways:
                    - external-api-egress-gateway
                  port: 443
                  sniHosts:
                    - external-api.example.com
              route:
                - destination:
                    host: external-api.example.com
                    port:
                      number: 443
      `,
    ],
  ])('%s', (_name, yaml) => {
    expect(findingsFor(yaml, VS_CODES)).toEqual([]);
  });
});
