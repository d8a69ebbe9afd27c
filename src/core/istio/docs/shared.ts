/**
 * Doc entries that several kinds share because Istio reuses the same message: connection pools
 * (DestinationRule, Sidecar), client TLS (DestinationRule, MeshConfig) and server TLS (Gateway,
 * Sidecar ingress). Facts come from ISTIO.md §1.2–§1.9 and §2.
 */
import type { FieldDoc, FieldDocTable } from './types';

/** A service port number: 1..65535, as Istio's `ValidatePort` and the CRD CEL rules enforce. */
export const SERVICE_PORT: Pick<FieldDoc, 'format' | 'minimum' | 'maximum'> = {
  format: 'port',
  minimum: 1,
  maximum: 65535,
};

/** A listener port that may be 0 when the listener binds a unix socket (Gateway, Sidecar). */
export const LISTENER_PORT: Pick<FieldDoc, 'format' | 'minimum' | 'maximum'> = {
  format: 'port',
  minimum: 0,
  maximum: 65535,
};

/** A non-negative int32, as the connection-pool checks require. */
const COUNT: Pick<FieldDoc, 'format' | 'minimum'> = { format: 'int32', minimum: 0 };

/** `ConnectionPoolSettings` (DestinationRule traffic policies, Sidecar inbound pools). */
export const connectionPoolDocs: FieldDocTable = {
  connectionPool: {
    help: 'Connection and request limits (circuit breaking); set tcp and/or http, {} is rejected.',
  },
  tcp: { help: 'TCP-level limits: connection count, connect timeout, keepalive and connection lifetime.' },
  http: { help: 'HTTP-level limits: queued and active requests, retries, idle timeout, HTTP/2 upgrade.' },
  maxConnections: {
    help: 'Cap on TCP connections to one destination host; unset means effectively unlimited.',
    ...COUNT,
  },
  connectTimeout: {
    help: 'How long to wait for a TCP connection to be established.',
    format: 'duration',
    default: '10s',
  },
  tcpKeepalive: { help: 'Turn on TCP keepalive (SO_KEEPALIVE) for these connections, with optional tuning.' },
  'tcpKeepalive.probes': {
    help: 'Unanswered keepalive probes after which the connection counts as dead.',
    format: 'uint32',
  },
  'tcpKeepalive.time': { help: 'Idle time before the first keepalive probe goes out.', format: 'duration' },
  'tcpKeepalive.interval': { help: 'Time between two keepalive probes.', format: 'duration' },
  maxConnectionDuration: {
    help: 'Longest a connection may live before it is drained; unset means no limit.',
    format: 'duration',
  },
  'tcp.idleTimeout': {
    help: 'Close a TCP connection that has been idle this long; 0s turns the timeout off.',
    format: 'duration-or-zero',
    default: '1h',
  },
  http1MaxPendingRequests: {
    help: 'Requests that may wait in the queue for a free connection.',
    ...COUNT,
  },
  http2MaxRequests: { help: 'Cap on concurrent requests to one destination host.', ...COUNT },
  maxRequestsPerConnection: {
    help: 'Requests per connection before it is closed; 0 means no limit, 1 turns keep-alive off.',
    ...COUNT,
  },
  maxRetries: { help: 'Cap on retries in flight at once across all hosts of the destination.', ...COUNT },
  'http.idleTimeout': {
    help: 'Close an upstream connection that has had no active request for this long.',
    format: 'duration',
    default: '1h',
  },
  h2UpgradePolicy: {
    help: 'Upgrade HTTP/1.1 connections to HTTP/2: DEFAULT follows the mesh setting, or force either way.',
    default: 'DEFAULT',
  },
  useClientProtocol: {
    help: 'Speak to the upstream in the protocol the client used; cannot be combined with UPGRADE.',
  },
  maxConcurrentStreams: {
    help: 'Cap on concurrent streams on one HTTP/2 connection.',
    ...COUNT,
  },
  http2KeepAlive: { help: 'Send HTTP/2 PING frames on upstream connections; needs interval and timeout.' },
  'http2KeepAlive.interval': {
    help: 'Time between two PING frames on an idle connection.',
    format: 'duration',
  },
  'http2KeepAlive.timeout': {
    help: 'How long to wait for the answer to a PING before closing the connection.',
    format: 'duration',
  },
};

/** `ClientTLSSettings` below a `tls` key (DestinationRule policies, MeshConfig outbound policy). */
export const clientTlsDocs: FieldDocTable = {
  tls: { help: 'TLS the proxy speaks to the upstream, e.g. SIMPLE to originate TLS for plain-text callers.' },
  'tls.mode': {
    help: 'DISABLE sends plain text, SIMPLE originates TLS, MUTUAL adds a client cert, ISTIO_MUTUAL uses mesh mTLS.',
    default: 'DISABLE',
  },
  'tls.clientCertificate': {
    help: 'File path of the client certificate for MUTUAL without credentialName; must exist in the proxy.',
  },
  'tls.privateKey': { help: 'File path of the client private key for MUTUAL without credentialName.' },
  'tls.caCertificates': {
    help: 'File path of the CA bundle that verifies the server; unset means the OS CA bundle (1.21+).',
  },
  'tls.credentialName': {
    help: 'Secret (or configmap://name) with the certs; sidecars use it only if the DR has a workloadSelector.',
  },
  'tls.subjectAltNames': {
    help: 'SANs the server certificate must carry; when empty the ServiceEntry subjectAltNames apply.',
  },
  'tls.sni': { help: 'SNI to send; unset takes it from the HTTP Host, so set it explicitly for TCP ports.' },
  'tls.insecureSkipVerify': {
    help: 'Skip CA and SAN checks of the server certificate; clashes with caCertificates and SANs.',
  },
  'tls.caCrl': {
    help: 'File path of a revocation list checked against the server certificate.',
  },
};

/** `ServerTLSSettings` below a `tls` key (Gateway servers, Sidecar ingress listeners). */
export const serverTlsDocs: FieldDocTable = {
  tls: { help: 'TLS for this listener; HTTPS and TLS ports need it, and mode defaults to PASSTHROUGH.' },
  'tls.mode': {
    help: 'PASSTHROUGH routes by SNI untouched; SIMPLE and MUTUAL terminate; ISTIO_MUTUAL uses mesh certs.',
    default: 'PASSTHROUGH',
  },
  'tls.httpsRedirect': {
    help: 'Answer plain HTTP with a 301 redirect to HTTPS; meant for HTTP servers only.',
  },
  'tls.serverCertificate': { help: 'File path of the server certificate; needs privateKey as well.' },
  'tls.privateKey': { help: 'File path of the server private key.' },
  'tls.caCertificates': { help: 'File path of the CA bundle that verifies client certificates (MUTUAL).' },
  'tls.caCrl': {
    help: 'File path of a revocation list for client certs; not allowed with SIMPLE or credentialName.',
  },
  'tls.caCertCredentialName': {
    help: 'Secret holding just the CA bundle used to verify client certificates.',
  },
  'tls.credentialName': {
    help: 'Secret with the server cert and key (optionally a CA), looked up in the gateway pod namespace.',
  },
  'tls.credentialNames': {
    help: 'One or two Secrets, e.g. an RSA and an ECDSA cert; excludes credentialName and tlsCertificates.',
  },
  'tls.tlsCertificates': {
    help: 'One or two file-path certificate/key pairs; excludes credentialName and credentialNames.',
  },
  'tlsCertificates.serverCertificate': {
    help: 'File path of the server certificate in this pair.',
  },
  'tlsCertificates.privateKey': { help: 'File path of the private key in this pair.' },
  'tlsCertificates.caCertificates': {
    help: 'File path of the CA bundle for client certificates, for this pair.',
  },
  'tls.subjectAltNames': { help: 'SANs a client certificate must carry (MUTUAL).' },
  'tls.verifyCertificateSpki': {
    help: 'Base64 SPKI hashes, one of which the client certificate must match.',
  },
  'tls.verifyCertificateHash': {
    help: 'Hex SHA-256 hashes, one of which the client certificate must match.',
  },
  'tls.minProtocolVersion': { help: 'Oldest TLS version accepted; unset means TLS 1.2.', default: 'TLSV1_2' },
  'tls.maxProtocolVersion': { help: 'Newest TLS version accepted.' },
  'tls.cipherSuites': {
    help: 'Cipher suites to offer; unknown or repeated names are dropped with a warning.',
  },
  'tls.insecureSkipVerify': {
    help: 'Check the client certificate but let the connection through even when the check fails.',
  },
};

/** The `exportTo` entry, worded per kind (ISTIO.md §2.2). */
export function exportToDoc(what: string, meshDefault: string, allowsNone: boolean): FieldDoc {
  const values = allowsNone ? "'.', '*', '~' (nobody) or namespaces" : "'.', '*' or namespaces (not '~')";
  return { help: `Who sees this ${what}: ${values}; empty uses mesh ${meshDefault}.` };
}
