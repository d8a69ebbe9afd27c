/** Docs and limits for ServiceEntry fields (ISTIO.md §1.3, §2.1, §4.6). */
import { exportToDoc, SERVICE_PORT } from './shared';
import type { FieldDocTable } from './types';

/** ServiceEntry field docs, keyed by spec-relative path suffix. */
export const serviceEntryDocs: FieldDocTable = {
  hosts: {
    help: "Names this entry adds to the registry, matched against Host and SNI; '*.x' is fine, bare '*' and IPs are not.",
    format: 'hostname',
  },
  addresses: {
    help: 'VIPs or CIDRs of the service; TCP ports need one to tell services apart. CIDRs only with NONE/STATIC.',
    format: 'ip-or-cidr',
  },
  ports: {
    help: 'Ports the service exposes; numbers and names must be unique. Other resources refer to the number.',
  },
  number: {
    help: 'Port clients call; VS, DR and Sidecar port fields and cluster names all refer to this number.',
    ...SERVICE_PORT,
  },
  name: {
    help: 'Port name: a DNS-1123 label of at most 63 characters; endpoints[].ports is keyed by it.',
    format: 'dns1123-label',
  },
  protocol: {
    help: 'HTTP, HTTPS, HTTP2, GRPC, GRPC-Web, TCP, TLS, MONGO, REDIS, MYSQL, UDP or HTTP_PROXY; empty means sniffed.',
  },
  targetPort: {
    help: 'Port on the endpoints that this service port forwards to; unset means the same as number.',
    ...SERVICE_PORT,
  },
  location: {
    help: 'MESH_EXTERNAL for services outside the mesh (no auto-mTLS), MESH_INTERNAL for mesh workloads.',
    default: 'MESH_EXTERNAL',
  },
  resolution: {
    help: 'Endpoint discovery: NONE keeps the original IP, STATIC lists IPs, DNS resolves names, DYNAMIC_DNS per request.',
    default: 'NONE',
  },
  endpoints: {
    help: 'Explicit endpoints for STATIC or DNS resolution; not allowed with NONE or with a workloadSelector.',
  },
  address: {
    help: 'Endpoint IP, an FQDN (DNS resolution only) or a unix:// socket (STATIC only); required unless network is set.',
  },
  'endpoints.ports': {
    help: 'Per-endpoint port overrides: service port name to the port this endpoint listens on.',
    format: 'port',
    minimum: 1,
    maximum: 65535,
  },
  'endpoints.labels': {
    help: 'Labels of this endpoint, which DestinationRule subsets select on.',
  },
  network: { help: 'Network the endpoint sits in, for multi-network meshes.' },
  locality: {
    help: 'Endpoint locality as region/zone/subzone, used by locality load balancing.',
  },
  weight: { help: 'Relative load-balancing weight of this endpoint.', format: 'uint32' },
  serviceAccount: { help: 'Service account the workload behind this endpoint runs as.' },
  exportTo: exportToDoc('ServiceEntry', 'defaultServiceExportTo', true),
  subjectAltNames: { help: 'SANs the upstream certificate must carry when the DestinationRule lists none.' },
  workloadSelector: {
    help: 'Use mesh workloads (pods, WorkloadEntries) with these labels as endpoints; meant for MESH_INTERNAL.',
  },
  'workloadSelector.labels': {
    help: "Labels the selected workloads must carry; values of at most 63 characters, no '*'.",
  },
};
