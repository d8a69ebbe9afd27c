// Test fixtures shared by the import tests (not part of the public API).

/** A hand-written bundle: comments everywhere, a Deployment and a plain ConfigMap among Istio objects. */
export const HAND_WRITTEN = `# Egress to GitHub, owned by team payments
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: github # the host's short name
  namespace: payments
spec:
  hosts: [api.github.com]
  ports: [{number: 443, name: tls, protocol: TLS}]
  resolution: DNS
---
# The workload that calls it: not about egress, but part of the bundle
apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
  namespace: payments
spec:
  selector: {matchLabels: {app: checkout}}
  template:
    metadata: {labels: {app: checkout}}
    spec:
      containers: [{name: app, image: "example/checkout:1.2"}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: checkout-settings
  namespace: payments
data:
  retries: "3" # kept as a string
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |
    outboundTrafficPolicy:
      mode: REGISTRY_ONLY
`;

/** What `kubectl get serviceentries,destinationrules -n payments -o yaml` prints. */
export const KUBECTL_LIST = `apiVersion: v1
items:
- apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata:
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: |
        {"apiVersion":"networking.istio.io/v1","kind":"ServiceEntry","metadata":{"annotations":{},"name":"github","namespace":"payments"},"spec":{"hosts":["api.github.com"]}}
      owner: team-payments
    creationTimestamp: "2024-05-01T10:00:00Z"
    generation: 1
    managedFields:
    - apiVersion: networking.istio.io/v1
      fieldsType: FieldsV1
      fieldsV1:
        f:metadata:
          f:annotations:
            .: {}
            f:kubectl.kubernetes.io/last-applied-configuration: {}
        f:spec:
          .: {}
          f:hosts: {}
      manager: kubectl-client-side-apply
      operation: Update
      time: "2024-05-01T10:00:00Z"
    name: github
    namespace: payments
    resourceVersion: "48213"
    uid: 0b7c3d0e-5a1f-4c1e-9f1d-2f6f5b1e7a11
  spec:
    hosts:
    - api.github.com
    ports:
    - name: tls
      number: 443
      protocol: TLS
    resolution: DNS
  status:
    observedGeneration: "1"
    validationMessages:
    - documentationUrl: https://istio.io/latest/docs/reference/config/analysis/ist0134/
      level: WARNING
      type:
        code: IST0134
- apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata:
    creationTimestamp: "2024-05-01T10:00:01Z"
    generation: 2
    name: github
    namespace: payments
    resourceVersion: "48290"
    uid: 5d1f0c2a-7b3e-4d8a-8e2c-9a0b1c2d3e4f
  spec:
    host: api.github.com
    trafficPolicy:
      connectionPool:
        tcp:
          maxConnections: 100
  status: {}
kind: List
metadata:
  resourceVersion: ""
`;

/** The same objects as `kubectl get ... -o json` prints them. */
export const KUBECTL_JSON_LIST = JSON.stringify(
  {
    apiVersion: 'v1',
    items: [
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'ServiceEntry',
        metadata: {
          creationTimestamp: '2024-05-01T10:00:00Z',
          generation: 1,
          name: 'github',
          namespace: 'payments',
          resourceVersion: '48213',
          uid: '0b7c3d0e-5a1f-4c1e-9f1d-2f6f5b1e7a11',
        },
        spec: {
          hosts: ['api.github.com'],
          resolution: 'DNS',
          ports: [{ name: 'tls', number: 443, protocol: 'TLS' }],
        },
        status: {},
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'flags', namespace: 'payments', uid: 'abc' },
        data: { enabled: 'yes' },
      },
    ],
    kind: 'List',
    metadata: { resourceVersion: '' },
  },
  null,
  4,
);

/** "Billion laughs": nine levels of nine aliases, a billion strings once expanded. */
export function billionLaughs(): string {
  let text =
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let level = 1; level <= 9; level++) {
    const refs = Array.from({ length: 9 }, () => `*a${level - 1}`).join(', ');
    text += `lol${level}: &a${level} [${refs}]\n`;
  }
  return text;
}
