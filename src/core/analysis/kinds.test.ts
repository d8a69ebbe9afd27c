import { describe, expect, it } from 'vitest';

import { parseBundle } from '../bundle';
import { deriveGraph } from '../graph';
import { buildModel } from '../istio/model';
import { diagnose, source } from './testing';

// Kinds are identified by API group and kind, as the API server identifies them.

const GATEWAY_API_GATEWAY = source`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata:
    name: egress
    namespace: istio-egress
  spec:
    gatewayClassName: istio
    listeners:
    - name: http
      hostname: edition.cnn.com
      port: 80
      protocol: HTTP
`;

const ISTIO_GATEWAY = source`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: egress
    namespace: istio-egress
  spec:
    selector: {istio: egressgateway}
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: [edition.cnn.com]
`;

const UNMODELLED = source`
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: deny-all, namespace: app}
  spec: {}
  ---
  apiVersion: networking.istio.io/v1
  kind: WorkloadEntry
  metadata: {name: vm, namespace: app}
  spec: {address: 10.0.0.7, labels: {app: legacy}}
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: Not_A_DNS_Name, namespace: app}
  spec: {podSelector: {}, policyTypes: [Egress]}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: sleep, namespace: app}
  spec: {replicas: 1, whatever: [1, 2]}
  ---
  apiVersion: example.com/v1
  kind: ServiceEntry
  metadata: {name: not-istio, namespace: app}
  spec: {hosts: 42}
`;

describe('kinds identified by group and kind', () => {
  it('leaves a Gateway API Gateway alone instead of checking it as an Istio Gateway', () => {
    expect(diagnose(GATEWAY_API_GATEWAY)).toEqual([]);
  });

  it('keeps an Istio Gateway and a Gateway API Gateway of one name apart', () => {
    const bundle = parseBundle(`${GATEWAY_API_GATEWAY}---\n${ISTIO_GATEWAY}`);
    expect(bundle.resources.map((r) => [r.ref, r.id])).toEqual([
      ['Gateway/istio-egress/egress', 'Gateway.gateway.networking.k8s.io/istio-egress/egress'],
      ['Gateway/istio-egress/egress', 'Gateway/istio-egress/egress'],
    ]);
    const model = buildModel(bundle);
    expect(model.gateways.map((g) => g.resource.apiVersion)).toEqual(['networking.istio.io/v1']);
    expect(model.unmodelled.map((r) => r.id)).toEqual([
      'Gateway.gateway.networking.k8s.io/istio-egress/egress',
    ]);
    const gateways = deriveGraph(bundle).nodes.filter((n) => n.kind === 'egress-gateway');
    expect(gateways.map((n) => n.resources)).toEqual([['Gateway/istio-egress/egress']]);
  });

  it('checks kinds it does not model for the basic object shape only, and lists them', () => {
    expect(diagnose(UNMODELLED)).toEqual([]);
    const model = buildModel(parseBundle(UNMODELLED));
    expect(model.unmodelled.map((r) => r.id)).toEqual([
      'AuthorizationPolicy/app/deny-all',
      'WorkloadEntry/app/vm',
      'NetworkPolicy/app/Not_A_DNS_Name',
      'Deployment/app/sleep',
      'ServiceEntry.example.com/app/not-istio',
    ]);
  });

  it('still requires apiVersion, kind and a name of every object', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {namespace: app}\n---\nkind: HTTPRoute\nmetadata: {name: r}\n';
    expect(diagnose(text).map((d) => [d.code, d.line])).toEqual([
      ['SCHEMA-REQUIRED', 3],
      ['SCHEMA-KIND', 5],
    ]);
  });

  it('refuses a version its group does not serve for a kind it knows', () => {
    const text =
      'apiVersion: networking.istio.io/v1\nkind: EnvoyFilter\nmetadata: {name: f, namespace: app}\nspec: {}\n';
    expect(diagnose(text).map((d) => d.message)).toEqual([
      'no matches for kind "EnvoyFilter" in version "networking.istio.io/v1" (served: networking.istio.io/v1alpha3)',
    ]);
  });

  it('names cluster-scoped kinds without a namespace, by group', () => {
    const bundle = parseBundle(
      'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: istio}\nspec: {controllerName: istio.io/gateway-controller}\n',
    );
    expect(bundle.resources[0]!.ref).toBe('GatewayClass/istio');
  });
});
