/**
 * The egress path as Istio computes it (ISTIO.md §4, §5.1), on configurations shaped like the
 * istio.io egress tasks: which gateway pods a Gateway configures, which Service the mesh routes
 * to, and visibility applied on every hop.
 */
import { describe, expect, it } from 'vitest';

import { source } from '../analysis/testing';
import { parseBundle } from '../bundle';
import { deriveGraph } from './derive';

const edgesOf = (text: string) =>
  deriveGraph(parseBundle(text))
    .edges.filter((e) => e.kind !== 'workload' && e.kind !== 'policy')
    .map((e) => `${e.source} -> ${e.target} ${e.kind} ${e.label}`);

// istio.io "Egress gateway for HTTP traffic": everything applied in the client's namespace.
const CNN_SE = source`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: cnn, namespace: default}
  spec:
    hosts: [edition.cnn.com]
    ports: [{number: 80, name: http-port, protocol: HTTP}]
    resolution: DNS
`;

const twoHop = (
  gatewayService: string,
  gateway = 'istio-egressgateway',
  selector = '{istio: egressgateway}',
) =>
  source`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: ${gateway}, namespace: default}
  spec:
    selector: ${selector}
    servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [edition.cnn.com]}]
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: direct-cnn-through-egress-gateway, namespace: default}
  spec:
    hosts: [edition.cnn.com]
    gateways: [${gateway}, mesh]
    http:
    - match: [{gateways: [mesh], port: 80}]
      route: [{destination: {host: ${gatewayService}, port: {number: 80}}}]
    - match: [{gateways: [${gateway}], port: 80}]
      route: [{destination: {host: edition.cnn.com, port: {number: 80}}}]
`;

const DEFAULT_GATEWAY = 'istio-egressgateway.istio-system.svc.cluster.local';

describe('the egress path', () => {
  it('draws sidecar → egress gateway → service when the Gateway lives in the client namespace', () => {
    expect(edgesOf(`${CNN_SE}---\n${twoHop(DEFAULT_GATEWAY)}`)).toEqual([
      'sidecar:default -> external:* passthrough passthrough (unmanaged)',
      'sidecar:default -> egress-gateway:istio-egressgateway to-gateway HTTP:80',
      'egress-gateway:istio-egressgateway -> external:edition.cnn.com via-gateway HTTP:80',
    ]);
  });

  it('finds a dedicated gateway Service by the two-hop routes when the bundle does not hold it', () => {
    const edges = edgesOf(
      `${CNN_SE}---\n${twoHop('httpbin-egress.httpbin.svc.cluster.local', 'httpbin-egress', '{istio: egressgateway, service.istio.io/canonical-name: httpbin-egress}')}`,
    );
    expect(edges).toContain('sidecar:default -> egress-gateway:httpbin-egress.httpbin to-gateway HTTP:80');
    expect(edges).toContain(
      'egress-gateway:httpbin-egress.httpbin -> external:edition.cnn.com via-gateway HTTP:80',
    );
  });

  it("matches a Gateway to the bundle's Service and pods by selector, as Istio does", () => {
    const service = (selector: string) => source`
      apiVersion: v1
      kind: Service
      metadata: {name: istio-egressgateway, namespace: istio-system}
      spec:
        selector: ${selector}
        ports: [{name: http2, port: 80}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: istio-egressgateway, namespace: istio-system}
      spec:
        selector: {matchLabels: ${selector}}
        template: {metadata: {labels: ${selector}}}
    `;
    const matching = edgesOf(
      `${CNN_SE}---\n${twoHop(DEFAULT_GATEWAY)}---\n${service('{app: istio-egressgateway, istio: egressgateway}')}`,
    );
    expect(matching).toContain(
      'egress-gateway:istio-egressgateway -> external:edition.cnn.com via-gateway HTTP:80',
    );
    // The pods behind the Service do not carry the Gateway's labels: it configures nothing there.
    const other = edgesOf(
      `${CNN_SE}---\n${twoHop(DEFAULT_GATEWAY)}---\n${service('{app: istio-egressgateway, istio: other}')}`,
    );
    expect(other).toContain('sidecar:default -> egress-gateway:istio-egressgateway to-gateway HTTP:80');
    expect(other).toContain(
      'egress-gateway:istio-egressgateway -> external:edition.cnn.com blocked no route at the gateway',
    );
  });

  it('ends the second hop at the gateway when exportTo hides the ServiceEntry from its namespace', () => {
    const hidden = CNN_SE.replace('resolution: DNS', 'resolution: DNS\n  exportTo: ["."]');
    expect(edgesOf(`${hidden}---\n${twoHop(DEFAULT_GATEWAY)}`)).toContain(
      'egress-gateway:istio-egressgateway -> external:edition.cnn.com blocked no cluster at the gateway',
    );
  });

  it('draws an in-cluster destination the mesh reaches through the gateway', () => {
    const text = source`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: istio-egressgateway, namespace: default}
      spec:
        selector: {istio: egressgateway}
        servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [my-nginx.mesh-external.svc.cluster.local], tls: {mode: ISTIO_MUTUAL}}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: direct-nginx-through-egress-gateway, namespace: default}
      spec:
        hosts: [my-nginx.mesh-external.svc.cluster.local]
        gateways: [istio-egressgateway, mesh]
        http:
        - match: [{gateways: [mesh], port: 80}]
          route: [{destination: {host: istio-egressgateway.istio-system.svc.cluster.local, port: {number: 443}}}]
        - match: [{gateways: [istio-egressgateway], port: 443}]
          route: [{destination: {host: my-nginx.mesh-external.svc.cluster.local, port: {number: 443}}}]
    `;
    expect(edgesOf(text)).toEqual([
      'sidecar:default -> external:* passthrough passthrough (unmanaged)',
      'sidecar:default -> egress-gateway:istio-egressgateway to-gateway HTTP:443',
      'egress-gateway:istio-egressgateway -> external:my-nginx.mesh-external.svc.cluster.local via-gateway HTTP:443',
    ]);
  });

  it('shows where hosts nothing registers go: passthrough under ALLOW_ANY, blocked under REGISTRY_ONLY', () => {
    const sidecar = (mode: string) => source`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: default}
      spec: {outboundTrafficPolicy: {mode: ${mode}}}
    `;
    expect(edgesOf(`${CNN_SE}---\n${sidecar('ALLOW_ANY')}`)).toContain(
      'sidecar:default -> external:* passthrough passthrough (unmanaged)',
    );
    expect(edgesOf(`${CNN_SE}---\n${sidecar('REGISTRY_ONLY')}`)).toContain(
      'sidecar:default -> external:* blocked blocked by REGISTRY_ONLY',
    );
  });

  it('routes each port by the rules of its protocol: HTTP through the gateway, TLS on 443 direct', () => {
    const both = CNN_SE.replace(
      'ports: [{number: 80, name: http-port, protocol: HTTP}]',
      'ports: [{number: 80, name: http-port, protocol: HTTP}, {number: 443, name: https, protocol: HTTPS}]',
    );
    const edges = edgesOf(`${both}---\n${twoHop(DEFAULT_GATEWAY)}`);
    expect(edges).toContain('sidecar:default -> egress-gateway:istio-egressgateway to-gateway HTTP:80');
    expect(edges).toContain(
      'sidecar:default -> external:edition.cnn.com direct HTTPS:443 · TLS pass-through',
    );
  });

  it('routes HTTP on port 80 for a host nothing registers, as Istio builds such routes (a dedicated gateway)', () => {
    // istio.io blog "egress gateway performance"-style: the mesh sends a host outside the registry
    // to a dedicated egress gateway Service, which forwards it.
    const text = source`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: httpbin-egress, namespace: httpbin}
      spec:
        selector: {istio: egressgateway, service.istio.io/canonical-name: httpbin-egress}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [api.example.com]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: httpbin-egress, namespace: httpbin}
      spec:
        hosts: [api.example.com]
        gateways: [mesh, httpbin/httpbin-egress]
        http:
        - match: [{gateways: [mesh], uri: {prefix: /}}]
          route: [{destination: {host: httpbin-egress.httpbin.svc.cluster.local, port: {number: 80}}}]
        - match: [{gateways: [httpbin/httpbin-egress], uri: {prefix: /}}]
          route: [{destination: {host: httpbin.org, port: {number: 443}}}]
      ---
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: httpbin-egress, namespace: httpbin}
      spec:
        hosts: [httpbin.org]
        ports: [{number: 443, name: https, protocol: TLS}]
        resolution: DNS
    `;
    expect(edgesOf(text)).toEqual([
      'sidecar:httpbin -> external:* passthrough passthrough (unmanaged)',
      'sidecar:httpbin -> egress-gateway:httpbin-egress.httpbin to-gateway HTTP:80',
      'sidecar:httpbin -> external:httpbin.org direct TLS:443 · TLS pass-through',
      // Only the dedicated deployment: Istio's default egress gateway pods lack its canonical name.
      'egress-gateway:httpbin-egress.httpbin -> external:httpbin.org via-gateway TLS:443',
    ]);
  });

  it("applies the namespace's Sidecar egress hosts: what it does not import falls to the outbound policy", () => {
    const scoped = (...hosts: string[]) => source`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: default}
      spec:
        egress: [{hosts: [${hosts.map((h) => `"${h}"`).join(', ')}]}]
        outboundTrafficPolicy: {mode: REGISTRY_ONLY}
    `;
    const cnnElsewhere = CNN_SE.replace('namespace: default', 'namespace: news');
    // The entry lives in news; a Sidecar importing only its own namespace does not see it.
    expect(edgesOf(`${cnnElsewhere}---\n${scoped('./*')}`)).toContain(
      'sidecar:default -> external:edition.cnn.com blocked blocked by REGISTRY_ONLY',
    );
    expect(edgesOf(`${cnnElsewhere}---\n${scoped('./*', 'news/*')}`)).toContain(
      'sidecar:default -> external:edition.cnn.com direct HTTP:80',
    );
    // A VirtualService it imports brings its destinations in, the egress gateway Service included.
    expect(edgesOf(`${CNN_SE}---\n${twoHop(DEFAULT_GATEWAY)}---\n${scoped('./*')}`)).toContain(
      'sidecar:default -> egress-gateway:istio-egressgateway to-gateway HTTP:80',
    );
  });
});
