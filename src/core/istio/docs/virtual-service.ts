/**
 * Docs and limits for VirtualService fields (ISTIO.md §1.5, §2.4, §4.3, §4.5). The HTTP rule fields
 * live in virtual-service-http.ts; this file adds the top level, destinations and TCP/TLS rules.
 */
import { exportToDoc, SERVICE_PORT } from './shared';
import type { FieldDocTable } from './types';
import { virtualServiceHttpDocs } from './virtual-service-http';

/** VirtualService field docs, keyed by spec-relative path suffix. */
export const virtualServiceDocs: FieldDocTable = {
  hosts: {
    help: 'Hosts these rules apply to: FQDN, *.suffix, short name or IP. Empty makes this a delegate VS.',
  },
  gateways: {
    help: "Where the rules apply: 'mesh' for sidecars and/or ns/name Gateways; omitted means mesh only.",
  },
  exportTo: exportToDoc('VirtualService', 'defaultVirtualServiceExportTo', false),
  tcp: { help: 'Ordered rules for opaque TCP ports, matched on port, destination subnet and source.' },
  tls: { help: 'Rules for TLS that is not terminated here (HTTPS/TLS ports), matched on SNI.' },

  ...virtualServiceHttpDocs,

  route: { help: 'Where matching traffic goes; several destinations split it by relative weight.' },
  destination: { help: 'Registry service to send traffic to, with optional subset and port.' },
  host: {
    help: "Destination service: a Kubernetes Service or ServiceEntry host; not '*' and not an IP.",
    format: 'hostname',
  },
  subset: { help: 'DestinationRule subset to send to.', format: 'dns1123-label' },
  port: { help: 'Service port to send to; needed when the service has more than one port.' },
  'port.number': { help: 'Service port number, as in ServiceEntry ports[].number.', ...SERVICE_PORT },
  weight: {
    help: 'Relative share: each destination gets weight/sum, and the total need not be 100.',
    format: 'int32',
    minimum: 0,
  },

  'tcp.match': { help: 'Conditions for this TCP rule, ORed; a rule without match catches everything left.' },
  'tls.match': { help: 'SNI-based conditions for this TLS rule, ORed; at least one is required.' },
  sniHosts: { help: 'SNI names to match; each must fall within the VirtualService hosts.' },
  destinationSubnets: { help: 'Destination IPs or CIDRs to match.', format: 'ip-or-cidr' },
  sourceSubnet: { help: 'Source IP or CIDR of the client to match.' },
  'match.port': { help: 'Service port the client connected to.', ...SERVICE_PORT },
  sourceLabels: { help: 'Only match traffic from workloads that carry these labels.' },
  sourceNamespace: { help: 'Only match traffic from workloads in this namespace.', format: 'dns1123-label' },
  'match.gateways': {
    help: "Limit this match to these gateways ('mesh' for sidecars); list them in top-level gateways too.",
  },
};
