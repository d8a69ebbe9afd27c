/**
 * Builds a realistic egress bundle of `count` resources: per external host a ServiceEntry,
 * DestinationRule and VirtualService, and every tenth host through an egress Gateway.
 */
export function syntheticBundle(count: number): string {
  const docs: string[] = [];
  for (let i = 0; docs.length < count; i++) {
    const ns = `team-${i % 20}`;
    const host = `api-${i}.vendor-${i % 50}.example.com`;
    docs.push(`apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: vendor-${i}
  namespace: ${ns}
  annotations:
    owner: ${ns}
spec:
  hosts:
    - ${host}
  location: MESH_EXTERNAL
  ports:
    - number: 443
      name: https
      protocol: HTTPS
    - number: 80
      name: http
      protocol: HTTP
      targetPort: 443
  resolution: DNS
  exportTo: [".", "shared"]
`);
    if (docs.length >= count) break;
    docs.push(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: vendor-${i}
  namespace: ${ns}
spec:
  host: ${host}
  trafficPolicy:
    connectionPool:
      tcp: {maxConnections: 100, connectTimeout: 5s}
    outlierDetection: {consecutive5xxErrors: 5, interval: 30s, baseEjectionTime: 60s}
    portLevelSettings:
      - port: {number: 80}
        # A port-level entry replaces the top-level policy for its port: repeat what port 80 needs.
        connectionPool:
          tcp: {maxConnections: 100, connectTimeout: 5s}
        outlierDetection: {consecutive5xxErrors: 5, interval: 30s, baseEjectionTime: 60s}
        tls: {mode: SIMPLE, sni: ${host}, caCertificates: /etc/ssl/certs/ca-certificates.crt}
`);
    if (docs.length >= count) break;
    docs.push(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: vendor-${i}
  namespace: ${ns}
spec:
  hosts: [${host}]
  http:
    - route:
        - destination: {host: ${host}, port: {number: 80}}
      timeout: 15s
      retries: {attempts: 2, perTryTimeout: 5s, retryOn: "5xx,reset,connect-failure"}
`);
    if (i % 10 === 0 && docs.length < count) {
      docs.push(`apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: egress-${i}
  namespace: istio-system
spec:
  selector: {istio: egressgateway}
  servers:
    - port: {number: 443, name: tls-${i}, protocol: TLS}
      hosts: [${host}]
      tls: {mode: PASSTHROUGH}
`);
    }
  }
  return docs.slice(0, count).join('---\n');
}
