/**
 * Docs for MeshConfig (`mesh/v1alpha1/config.proto`): the `istio` ConfigMap's `mesh` text, an
 * IstioOperator's `spec.meshConfig` or Helm `meshConfig` values. Keys are relative to the MeshConfig
 * object. Defaults follow ISTIO.md §1.2 and §1.8 and the proto's own field comments.
 */
import { clientTlsDocs } from './shared';
import type { FieldDoc, FieldDocTable } from './types';

/** Client TLS entries reused for `outboundTrafficPolicy.tls`, without the DestinationRule default. */
const outboundTlsDocs: FieldDocTable = {};
for (const [key, doc] of Object.entries(clientTlsDocs)) {
  const copy: FieldDoc = { ...doc };
  delete copy.default;
  outboundTlsDocs[`outboundTrafficPolicy.${key}`] = copy;
}

/** MeshConfig field docs, keyed by path suffix relative to the MeshConfig object. */
export const meshConfigDocs: FieldDocTable = {
  outboundTrafficPolicy: {
    help: 'How sidecars treat traffic to hosts that are not in the registry; a Sidecar can override it.',
  },
  'outboundTrafficPolicy.mode': {
    help: 'ALLOW_ANY passes unknown hosts, REGISTRY_ONLY drops them; ALLOW_ANY_DYNAMIC_DNS drops them too before 1.31.',
    default: 'ALLOW_ANY',
  },
  ...outboundTlsDocs,
  'outboundTrafficPolicy.tls': {
    help: 'Upstream TLS for traffic sent out under ALLOW_ANY_DYNAMIC_DNS.',
  },
  'outboundTrafficPolicy.tls.mode': {
    help: 'TLS towards unknown hosts under ALLOW_ANY_DYNAMIC_DNS, e.g. SIMPLE to originate TLS.',
  },
  'outboundTrafficPolicy.tls.credentialName': {
    help: 'Secret (or configmap://name) with the CA or client certificates for that TLS.',
  },
  inboundTrafficPolicy: {
    help: 'How sidecars hand inbound traffic to the app: to the pod IP or to localhost.',
  },
  'inboundTrafficPolicy.mode': {
    help: 'PASSTHROUGH delivers to the pod IP; LOCALHOST delivers to 127.0.0.1 for apps bound to localhost.',
    default: 'PASSTHROUGH',
  },

  defaultServiceExportTo: {
    help: "exportTo for Services and ServiceEntries that set none: '*', '.', '~' or namespaces.",
    default: '["*"]',
  },
  defaultVirtualServiceExportTo: { help: 'exportTo for VirtualServices that set none.', default: '["*"]' },
  defaultDestinationRuleExportTo: { help: 'exportTo for DestinationRules that set none.', default: '["*"]' },
  rootNamespace: {
    help: 'Namespace whose config (Sidecar, DestinationRules, ...) acts as the mesh-wide fallback.',
    default: 'istio-system',
  },

  connectTimeout: {
    help: 'Mesh-wide TCP connect timeout; a DestinationRule can override it.',
    format: 'duration',
    default: '10s',
  },
  protocolDetectionTimeout: {
    help: 'How long to wait for the client to speak before protocol sniffing gives up; 0s waits forever.',
    format: 'duration-or-zero',
    default: '0s',
  },
  tcpKeepalive: { help: 'Turn on TCP keepalive on proxy connections mesh-wide, with optional tuning.' },
  'tcpKeepalive.probes': {
    help: 'Unanswered keepalive probes after which a connection counts as dead.',
    format: 'uint32',
  },
  'tcpKeepalive.time': { help: 'Idle time before the first keepalive probe goes out.', format: 'duration' },
  'tcpKeepalive.interval': { help: 'Time between two keepalive probes.', format: 'duration' },
  dnsRefreshRate: {
    help: 'How often proxies re-resolve DNS-type clusters.',
    format: 'duration',
    default: '60s',
  },
  h2UpgradePolicy: {
    help: 'Mesh default for upgrading HTTP/1.1 to HTTP/2; a DestinationRule can override it.',
    default: 'DO_NOT_UPGRADE',
  },
  enableAutoMtls: { help: 'Use Istio mTLS automatically where no DestinationRule sets TLS.', default: true },
  localityLbSetting: { help: 'Mesh-wide locality load balancing; a DestinationRule can override it.' },
  zoneAwareLbSetting: {
    help: 'Mesh-wide zone-aware load balancing (sidecars only); wins over localityLbSetting when both are set.',
  },
  defaultTrafficPolicy: {
    help: 'Baseline connection pool and outlier detection that DestinationRules inherit block by block.',
  },
  serviceEntryVisibility: { help: 'Mesh-wide control over how far ServiceEntries are visible.' },
  hboneIdleTimeout: {
    help: 'How long proxies keep idle HBONE connections to ztunnel open.',
    default: '1h',
  },
  defaultHttpRetryPolicy: {
    help: 'Mesh default HTTP retry policy; a VirtualService retries block overrides it.',
  },
  serviceSettings: { help: 'Per-host settings, e.g. clusterLocal to keep calls inside the cluster.' },
  serviceScopeConfigs: {
    help: 'Selectors that mark services local or global across clusters (ambient multicluster).',
  },
  discoverySelectors: { help: 'Label selectors for the namespaces istiod watches; others are ignored.' },

  defaultConfig: {
    help: 'Default proxy settings (ProxyConfig); a pod annotation can override them at injection.',
  },
  'defaultConfig.proxyMetadata': {
    help: 'Env vars for every proxy, e.g. ISTIO_META_DNS_CAPTURE and ISTIO_META_DNS_AUTO_ALLOCATE.',
  },
  proxyListenPort: {
    help: 'Port the sidecar listens on for captured outbound traffic.',
    format: 'int32',
    default: 15001,
  },
  proxyInboundListenPort: {
    help: 'Port the sidecar listens on for captured inbound traffic.',
    format: 'int32',
    default: 15006,
  },
  proxyHttpPort: { help: 'Port of an optional HTTP PROXY listener on the sidecar.', format: 'int32' },

  accessLogFile: { help: 'Where proxies write access logs, e.g. /dev/stdout; empty turns them off.' },
  accessLogFormat: { help: 'Access log format string; empty uses the built-in format.' },
  accessLogEncoding: { help: 'Access log encoding: TEXT or JSON.', default: 'TEXT' },
  enableEnvoyAccessLogService: {
    help: "Stream access logs to Envoy's gRPC Access Log Service.",
    default: false,
  },
  disableEnvoyListenerLog: { help: 'Turn off listener-level access logs.', default: false },
  enableTracing: { help: 'Generate trace spans and request IDs; needs a tracing backend.' },
  extensionProviders: {
    help: 'Named tracing, logging, metrics and ext_authz providers that other resources use.',
  },
  defaultProviders: { help: 'Providers used by default for tracing, metrics and access logging.' },
  enablePrometheusMerge: {
    help: 'Merge application metrics into the proxy Prometheus endpoint.',
    default: true,
  },
  inboundClusterStatName: { help: 'Pattern for inbound cluster stat names, e.g. %SERVICE%.' },
  outboundClusterStatName: {
    help: 'Pattern for outbound cluster stat names, e.g. %SERVICE_FQDN%_%SERVICE_PORT%.',
  },

  trustDomain: { help: 'SPIFFE trust domain of workload identities.' },
  trustDomainAliases: { help: 'Other trust domains treated the same as trustDomain.' },
  caCertificates: { help: 'Extra trusted roots (PEM or SPIFFE bundle URL) for workload mTLS.' },
  meshMTLS: { help: 'TLS settings, such as the minimum version, for Istio mTLS between workloads.' },
  tlsDefaults: { help: 'Default ECDH curves and cipher suites for TLS other than Istio mTLS.' },
  ca: { help: 'External CA that istiod forwards workload certificate requests to.' },
  certificates: {
    help: 'Older DNS certificate provisioning.',
    deprecated: 'Use cert-manager or another certificate provisioner.',
  },
  verifyCertificateAtClient: {
    help: 'Older switch for verifying upstream certificates against the OS CA bundle.',
    deprecated: 'Verification is on by default; set TLS per DestinationRule instead.',
  },
  pathNormalization: { help: 'How proxies normalise URL paths before routing and authorization.' },
  configSources: { help: 'Extra configuration sources (xDS or MCP servers, files) istiod reads.' },

  ingressClass: { help: 'Ingress class Istio handles (kubernetes.io/ingress.class value).' },
  ingressService: { help: 'Service of the Istio ingress controller.', default: 'istio-ingressgateway' },
  ingressControllerMode: {
    help: 'Which Ingress resources Istio handles: OFF, DEFAULT (unannotated too) or STRICT (matching class).',
    default: 'STRICT',
  },
  ingressSelector: {
    help: 'Gateway selector value (istio: <value>) used for Ingress resources.',
    default: 'ingressgateway',
  },
};
