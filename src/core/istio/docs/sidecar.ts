/** Docs and limits for Sidecar fields (ISTIO.md §1.7, §2.6, §4.2). */
import { connectionPoolDocs, LISTENER_PORT, SERVICE_PORT, serverTlsDocs } from './shared';
import type { FieldDocTable } from './types';

/** Sidecar field docs, keyed by spec-relative path suffix. */
export const sidecarDocs: FieldDocTable = {
  workloadSelector: {
    help: 'Pods this Sidecar applies to; without it the Sidecar covers the whole namespace (one such per namespace).',
  },
  labels: { help: "Labels the pods must carry; '*' is not allowed." },

  egress: { help: 'Outbound listeners: which services the sidecar imports, optionally per port.' },
  'egress.port': { help: 'Port this listener handles; leave it out on the last, catch-all listener only.' },
  hosts: {
    help: "Imported services as namespace/host: namespace '*', '.', '~' or a name; host '*', an FQDN or *.suffix.",
  },
  bind: { help: 'IP or unix:// socket the listener binds to.' },
  captureMode: {
    help: 'How traffic reaches the listener: DEFAULT (as the environment sets), IPTABLES or NONE.',
  },
  'port.number': { help: 'Listener port; 0 only together with a unix:// bind.', ...LISTENER_PORT },
  'port.name': { help: 'Port name: a DNS-1123 label of at most 63 characters.', format: 'dns1123-label' },
  'port.protocol': {
    help: 'HTTP, HTTPS, HTTP2, GRPC, GRPC-Web, TCP, TLS, MONGO, REDIS, MYSQL, UDP or HTTP_PROXY; empty means sniffed.',
  },
  'port.targetPort': {
    help: 'Not used by Sidecar listeners; setting it is an error.',
    deprecated: 'Remove it; Sidecar listeners only use port.number.',
  },

  ingress: { help: 'Inbound listeners for the application ports; not needed for egress designs.' },
  'ingress.port': { help: 'Port the sidecar accepts inbound traffic on; required.' },
  defaultEndpoint: { help: 'Where inbound traffic goes: 127.0.0.1:port, 0.0.0.0:port or a unix:// socket.' },
  'ingress.connectionPool': {
    help: 'Limits from the sidecar to the application on this port; overrides inboundConnectionPool.',
  },
  ...serverTlsDocs,
  tls: { help: 'Terminate TLS on this inbound port with the given certificates.' },
  'tls.mode': { help: 'How TLS is terminated on this inbound port, e.g. SIMPLE or MUTUAL.' },
  inboundConnectionPool: {
    help: 'Default limits from the sidecar to the application, for every inbound port.',
  },
  ...connectionPoolDocs,

  outboundTrafficPolicy: { help: 'Override the mesh outbound policy for the selected pods.' },
  'outboundTrafficPolicy.mode': {
    help: 'REGISTRY_ONLY blocks hosts not in the registry, ALLOW_ANY passes them; unset uses the mesh mode.',
  },
  egressProxy: {
    help: 'Hidden: send unknown traffic (ALLOW_ANY only) to this proxy service; the host must be imported.',
    deprecated: 'istioctl analyze reports it as ignored (IST0002); route through an egress gateway instead.',
  },
  'egressProxy.host': { help: 'Registry host of the egress proxy; must be an FQDN.', format: 'hostname' },
  'egressProxy.subset': { help: 'DestinationRule subset of the egress proxy.', format: 'dns1123-label' },
  'egressProxy.port': { help: 'Port of the egress proxy service; required.' },
  'egressProxy.port.number': { help: 'Service port number of the egress proxy.', ...SERVICE_PORT },
};
