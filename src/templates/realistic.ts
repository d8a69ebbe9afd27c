/**
 * A large design as a platform team has one (the bench's large design, and what the derivation
 * worker warms up on, see warm-up.ts): `services` external hosts over 40 namespaces, each
 * namespace with its workload; the mesh ALLOW_ANY, a quarter of the namespaces locked down to
 * REGISTRY_ONLY by a Sidecar; most hosts exported everywhere, some to their own namespace; one in
 * ten through the egress gateway (Gateway, VirtualService, DestinationRule), one in five with TLS
 * originated by the sidecar. Unlike the synthetic bundle, every sidecar sees most hosts: the graph
 * has namespaces × hosts hops to draw.
 */
export function realisticDesign(services: number, namespaces = 40): string {
  const docs: string[] = [
    `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata: {name: mesh, namespace: istio-system}
spec:
  meshConfig:
    outboundTrafficPolicy: {mode: ALLOW_ANY}
`,
  ];
  for (let n = 0; n < namespaces; n++) {
    const ns = `team-${n}`;
    docs.push(`apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels: {istio-injection: enabled}
`);
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers: [{name: app, image: example/app:1}]
`);
    if (n % 4 === 0)
      docs.push(`apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: default, namespace: ${ns}}
spec:
  outboundTrafficPolicy: {mode: REGISTRY_ONLY}
  egress:
    - hosts: ["./*", "istio-system/*", "shared/*"]
`);
  }
  for (let i = 0; i < services; i++) {
    const ns = i % 3 === 0 ? 'shared' : `team-${i % namespaces}`;
    const host = `api-${i}.vendor-${i % 97}.example.com`;
    const exportTo = i % 5 === 4 ? '["."]' : '["*"]';
    docs.push(`apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: vendor-${i}, namespace: ${ns}}
spec:
  hosts: [${host}]
  location: MESH_EXTERNAL
  ports:
    - {number: 443, name: tls, protocol: TLS}
    - {number: 80, name: http, protocol: HTTP}
  resolution: DNS
  exportTo: ${exportTo}
`);
    if (i % 10 === 0) docs.push(...viaGateway(i, host));
    else if (i % 5 === 1)
      docs.push(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: vendor-${i}, namespace: ${ns}}
spec:
  host: ${host}
  exportTo: ${exportTo}
  trafficPolicy:
    portLevelSettings:
      - port: {number: 80}
        tls: {mode: SIMPLE, sni: ${host}}
`);
  }
  return docs.join('---\n');
}

/** The egress gateway pattern for one host: TLS passed through the gateway on 443. */
function viaGateway(i: number, host: string): string[] {
  return [
    `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: egress-${i}, namespace: istio-system}
spec:
  selector: {istio: egressgateway}
  servers:
    - port: {number: 443, name: tls, protocol: TLS}
      hosts: [${host}]
      tls: {mode: PASSTHROUGH}
`,
    `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: egress-${i}, namespace: istio-system}
spec:
  hosts: [${host}]
  gateways: [mesh, istio-system/egress-${i}]
  tls:
    - match: [{gateways: [mesh], port: 443, sniHosts: [${host}]}]
      route: [{destination: {host: istio-egressgateway.istio-system.svc.cluster.local, port: {number: 443}}}]
    - match: [{gateways: [istio-system/egress-${i}], port: 443, sniHosts: [${host}]}]
      route: [{destination: {host: ${host}, port: {number: 443}}}]
`,
  ];
}
