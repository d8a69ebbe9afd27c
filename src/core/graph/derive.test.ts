import { describe, expect, it } from 'vitest';

import { source } from '../analysis/testing';
import { parseBundle } from '../bundle';
import { deriveGraph } from './derive';

const graphOf = (text: string) => deriveGraph(parseBundle(text));
const edgesInto = (text: string, host: string) =>
  graphOf(text)
    .edges.filter((e) => e.target === `external:${host}`)
    .map((e) => ({ source: e.source, kind: e.kind, label: e.label }));

const SE = (host: string, extra = '') => source`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: ${host.split('.')[0]}, namespace: app}
  spec:
    hosts: [${host}]
    ports: [{number: 443, name: tls, protocol: TLS}]
    resolution: DNS
    ${extra}
`;

/** A mesh route for api.example.com, which no ServiceEntry registers. */
const routedVs = source`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: api, namespace: app}
  spec:
    hosts: [api.example.com]
    http: [{route: [{destination: {host: api.example.com}}], timeout: 5s}]
`;
const meshMode = (mode: string) => source`
  apiVersion: install.istio.io/v1alpha1
  kind: IstioOperator
  metadata: {name: mesh, namespace: istio-system}
  spec: {meshConfig: {outboundTrafficPolicy: {mode: ${mode}}}}
`;

describe('deriving the egress graph', () => {
  it('draws a ServiceEntry host reached directly from the sidecar, with its protocol and TLS', () => {
    const graph = graphOf(SE('api.github.com'));
    expect(graph.nodes.map((n) => `${n.kind}:${n.label}`)).toEqual([
      'mesh-policy:ALLOW_ANY',
      'workload:app',
      'sidecar:app',
      'external-service:api.github.com',
      'external-service:any other host',
    ]);
    expect(edgesInto(SE('api.github.com'), 'api.github.com')).toEqual([
      { source: 'sidecar:app', kind: 'direct', label: 'TLS:443 · TLS pass-through' },
    ]);
    expect(graph.nodes.find((n) => n.kind === 'external-service')!.resources).toEqual([
      'ServiceEntry/app/api',
    ]);
  });

  it('lays nodes out in columns along the request path, deterministically', () => {
    const a = graphOf(SE('api.github.com'));
    const b = graphOf(SE('api.github.com'));
    expect(a).toEqual(b);
    const x = (kind: string) => a.nodes.find((n) => n.kind === kind)!.position.x;
    expect(x('workload')).toBeLessThan(x('sidecar'));
    expect(x('sidecar')).toBeLessThan(x('external-service'));
    // Each sidecar sits beside its workload, the policy above them.
    const y = (id: string) => a.nodes.find((n) => n.id === id)!.position.y;
    expect(y('workload:app')).toBe(y('sidecar:app'));
    expect(y('mesh-policy')).toBeLessThan(y('workload:app'));
  });

  it('shows TLS origination when a DestinationRule originates on an HTTP port', () => {
    const text = source`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: ext, namespace: app}
      spec:
        hosts: [api.example.com]
        ports: [{number: 80, name: http, protocol: HTTP, targetPort: 443}]
        resolution: DNS
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: ext, namespace: app}
      spec:
        host: api.example.com
        trafficPolicy:
          portLevelSettings:
          - port: {number: 80}
            tls: {mode: SIMPLE}
    `;
    expect(edgesInto(text, 'api.example.com')).toEqual([
      { source: 'sidecar:app', kind: 'direct', label: 'HTTP:80 · TLS origination' },
    ]);
  });

  it('does not originate when a sidecar DR names a Secret credential without a workloadSelector', () => {
    const text = source`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: ext, namespace: app}
      spec:
        hosts: [api.example.com]
        ports: [{number: 80, name: http, protocol: HTTP}]
        resolution: DNS
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: ext, namespace: app}
      spec:
        host: api.example.com
        trafficPolicy: {tls: {mode: SIMPLE, credentialName: api-ca}}
    `;
    expect(edgesInto(text, 'api.example.com')[0]!.label).toBe('HTTP:80');
  });

  it('draws the port-80 route of a host nothing registers, which has no cluster whatever the policy', () => {
    const vs = routedVs;
    const mesh = meshMode('REGISTRY_ONLY');
    // Istio routes a VirtualService for a host outside the registry on port 80 only; its route back
    // to that host names a cluster that does not exist (503 NC), under either outbound policy.
    for (const text of [`${vs}---\n${mesh}`, vs]) {
      expect(edgesInto(text, 'api.example.com')).toEqual([
        { source: 'sidecar:app', kind: 'blocked', label: 'no cluster' },
      ]);
    }
    // Everything else to hosts nothing registers is the policy's: blocked, or passed through.
    expect(edgesInto(`${vs}---\n${mesh}`, '*')).toEqual([
      { source: 'sidecar:app', kind: 'blocked', label: 'blocked by REGISTRY_ONLY' },
    ]);
    expect(edgesInto(vs, '*')[0]!.kind).toBe('passthrough');
    expect(graphOf(`${vs}---\n${mesh}`).nodes.find((n) => n.kind === 'mesh-policy')).toMatchObject({
      label: 'REGISTRY_ONLY',
      resources: ['IstioOperator/istio-system/mesh'],
    });
  });

  it('passes unregistered hosts under ALLOW_ANY_DYNAMIC_DNS only where istiod implements it (1.31)', () => {
    const text = `${routedVs}---\n${meshMode('ALLOW_ANY_DYNAMIC_DNS')}`;
    const kinds = (target: string) =>
      deriveGraph(parseBundle(text), undefined, target)
        .edges.filter((e) => e.target === 'external:*')
        .map((e) => e.kind);
    expect(kinds('1.30')).toEqual(['blocked']);
    expect(kinds('1.31')).toEqual(['passthrough']);
  });

  it('blocks namespaces that exportTo leaves out, under REGISTRY_ONLY', () => {
    const text = `${SE('api.github.com', 'exportTo: ["."]')}---\n${source`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: orders}
      spec: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}
    `}`;
    expect(edgesInto(text, 'api.github.com')).toEqual([
      { source: 'sidecar:app', kind: 'direct', label: 'TLS:443 · TLS pass-through' },
      { source: 'sidecar:orders', kind: 'blocked', label: 'blocked by REGISTRY_ONLY' },
    ]);
  });

  it('routes through the egress gateway for the two-hop pattern', () => {
    const text = source`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: cnn, namespace: app}
      spec:
        hosts: [edition.cnn.com]
        ports: [{number: 80, name: http, protocol: HTTP}, {number: 443, name: https, protocol: HTTPS}]
        resolution: DNS
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: egress, namespace: istio-system}
      spec:
        selector: {istio: egressgateway}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [edition.cnn.com]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: egressgateway-for-cnn, namespace: app}
      spec:
        host: istio-egressgateway.istio-system.svc.cluster.local
        subsets: [{name: cnn}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: cnn-via-egress, namespace: app}
      spec:
        hosts: [edition.cnn.com]
        gateways: [istio-system/egress, mesh]
        http:
        - match: [{gateways: [mesh], port: 80}]
          route: [{destination: {host: istio-egressgateway.istio-system.svc.cluster.local, subset: cnn, port: {number: 80}}}]
        - match: [{gateways: [istio-system/egress], port: 80}]
          route: [{destination: {host: edition.cnn.com, port: {number: 80}}}]
    `;
    const graph = graphOf(text);
    expect(
      graph.edges.filter((e) => e.kind === 'to-gateway').map((e) => [e.source, e.target, e.label]),
    ).toEqual([['sidecar:app', 'egress-gateway:istio-egressgateway', 'HTTP:80']]);
    // Only the HTTP port is routed through the gateway: TLS on 443 has no tls rule, so it goes direct.
    expect(edgesInto(text, 'edition.cnn.com')).toEqual([
      { source: 'sidecar:app', kind: 'direct', label: 'HTTPS:443 · TLS pass-through' },
      { source: 'egress-gateway:istio-egressgateway', kind: 'via-gateway', label: 'HTTP:80' },
    ]);
    expect(graph.nodes.find((n) => n.kind === 'egress-gateway')!.resources).toEqual([
      'Gateway/istio-system/egress',
      'DestinationRule/app/egressgateway-for-cnn',
    ]);
  });
});
