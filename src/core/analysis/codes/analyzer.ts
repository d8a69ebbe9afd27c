import type { CodeInfo } from '../types';
import { analyzerCode as analyzer } from './define';

/**
 * Cross-resource findings (ISTIO.md §3, §4): the cluster accepts each resource, but together they
 * do not do what the author meant. All are warnings; none would be refused.
 */
export const analyzerCodes: CodeInfo[] = [
  analyzer(
    'REF-GATEWAY',
    'VirtualService names a Gateway that is not there',
    'A short gateway name means a Gateway in the VirtualService namespace. If no Gateway (Istio, or Kubernetes Gateway API) has that namespace and name, the binding silently does nothing. istioctl reports a missing Gateway twice: as not found (IST0101) and as not serving the VirtualService hosts (IST0132).',
    'Write the reference as <namespace>/<name> (for example istio-system/egress), or add the Gateway.',
    ['IST0101', 'IST0132', 'KIA1102'],
  ),
  analyzer(
    'REF-HOST',
    'Route destination host is not registered',
    'A route to an external name needs a ServiceEntry visible to the namespaces that apply the route (those its exportTo names, else its own); without one the route points at a cluster that does not exist. An in-cluster name needs its Kubernetes Service, visible there (networking.istio.io/exportTo annotation); that is checked when the design holds the Services of its namespace.',
    'Add a ServiceEntry for the host, exported to the VirtualService namespace (and to the gateway namespace for a gateway hop), or fix the Service name.',
    ['IST0101', 'KIA1101'],
  ),
  analyzer(
    'REF-HOST-PORT',
    'Route destination port is not a port of the service',
    'Clusters are built per service port number (ServiceEntry ports, Kubernetes Service ports); a destination port the service does not declare has no cluster.',
    'Use one of the service port numbers, or add the port to the ServiceEntry or Service.',
    ['IST0101'],
  ),
  analyzer(
    'REF-SUBSET',
    'Route destination subset is not defined',
    'A subset exists only if a DestinationRule on the lookup path of the calling proxy defines it; otherwise the route has no cluster and requests fail with 503.',
    'Add the subset to a DestinationRule for the host in the client namespace (or the service or root namespace), or fix the name.',
    ['IST0101', 'KIA1107'],
  ),
  analyzer(
    'CONFLICT-MESH-VS',
    'Several sidecar VirtualServices for one host',
    'Sidecars do not merge VirtualServices: for a host only one of them applies (the namespace-local, then the oldest), and the rules of the others are ignored. As istioctl analyze does, this is reported on every VirtualService involved: those bound to mesh with the same host and a shared exportTo namespace, or a host exported everywhere against a host it overlaps (a wildcard) exported to a namespace. istioctl rates it an error; the cluster accepts it.',
    'Merge the VirtualServices into one, or give them exportTo scopes that do not overlap.',
    ['IST0109', 'KIA1106'],
  ),
  analyzer(
    'PORT-REQUIRED',
    'Destination port missing for a multi-port service',
    'The destination service has several ports, so a route without port.number is ambiguous.',
    'Set destination.port.number to the port the route should use.',
    ['IST0112'],
  ),
  ...(['NO-CA', 'NO-CA-PORT'] as const).map((code) =>
    analyzer(
      code,
      code === 'NO-CA'
        ? 'TLS origination without a CA of its own'
        : 'TLS origination without a CA of its own, on a port',
      `istioctl analyze reports every SIMPLE or MUTUAL ${code === 'NO-CA' ? 'top-level' : 'port-level'} tls without caCertificates (unless it has a credentialName and the rule a workloadSelector). Since Istio 1.24 the proxy then always verifies the server certificate against its OS CA bundle (1.21 to 1.23: unless VERIFY_CERTIFICATE_AT_CLIENT was turned off) and checks the name against the request host (HTTP traffic), so the real risk is small: any publicly trusted CA is accepted (info). It is a warning when nothing is checked: insecureSkipVerify, or sni set without subjectAltNames in the rule or the ServiceEntry, which turns the name check off.`,
      'Set caCertificates (or a credentialName whose Secret has a ca.crt) to trust only the service CA; add subjectAltNames when you set sni; drop insecureSkipVerify.',
      [code === 'NO-CA' ? 'IST0128' : 'IST0129'],
      'info',
    ),
  ),
  analyzer(
    'VS-HOST-NOT-IN-GATEWAY',
    'VirtualService host not served by its Gateway',
    'A Gateway only routes the hosts its servers list; a bound VirtualService whose hosts match none of them never applies there.',
    'Add the host to a server of the Gateway, or bind the VirtualService to the right Gateway.',
    ['IST0132'],
  ),
  analyzer(
    'CONFLICT-GATEWAY',
    'Two Gateways claim the same host and port',
    'Gateways with the same selector configure the same gateway pods, which build one listener per port; two servers with the same host (and bind) on a port conflict and only one wins. Reported on every Gateway involved, as istioctl analyze does (it rates it an error; the cluster accepts it).',
    'Keep one server per host and port for the gateway workload, or merge the Gateways.',
    ['IST0145', 'KIA0301'],
  ),
  analyzer(
    'DR-HOST-UNKNOWN',
    'DestinationRule host is not registered',
    'A DestinationRule only applies to a service the registry knows: for an external name, a ServiceEntry visible to the rule namespace; for an in-cluster name, its Kubernetes Service (checked when the design holds the Services of that namespace).',
    'Add a ServiceEntry for the host (exported to this namespace), or fix the host or Service name.',
    ['IST0174', 'KIA0202'],
  ),
  analyzer(
    'GATEWAY-NONE-RESOLUTION',
    'Gateway forwards to a NONE-resolution ServiceEntry',
    'On a gateway a NONE (passthrough) service becomes a cluster with no endpoints: the original destination is the gateway itself, so requests fail or loop.',
    'Use resolution DNS (or STATIC with endpoints) for hosts an egress gateway forwards to.',
  ),
  analyzer(
    'PROTOCOL-MISMATCH',
    'Gateway and ServiceEntry disagree on the protocol',
    'Traffic reaches the gateway as the ServiceEntry port declares it. A gateway expecting HTTP cannot read TLS, and a TLS passthrough server cannot route plain HTTP, which carries no SNI.',
    'Make the protocols agree: TLS on both with PASSTHROUGH, or HTTP on both (HTTPS with ISTIO_MUTUAL on the gateway for an mTLS hop).',
  ),
  analyzer(
    'TWO-HOP-NO-MESH',
    'Two-hop VirtualService rule can never apply',
    'Sidecars only apply VirtualServices bound to mesh, and a match.gateways entry only counts if the VirtualService lists the gateway too. Otherwise sidecars never send the traffic to the egress gateway.',
    'Add mesh (and every gateway named in match.gateways) to the top-level gateways list.',
  ),
  analyzer(
    'CREDENTIAL-IGNORED',
    'credentialName ignored by sidecars',
    'A sidecar loads the Secret named by credentialName only when the DestinationRule has a workloadSelector; otherwise it builds no TLS context at all and sends plaintext. Not reported for rules only egress gateways apply: for a host that mesh rules send through the gateway hop and never call directly, or a rule private to the namespace an egress gateway runs in.',
    'Add a workloadSelector for the client workloads, or originate TLS at the egress gateway with this rule in its namespace.',
  ),
  analyzer(
    'REGISTRY-ONLY-UNREGISTERED',
    'Host blocked by REGISTRY_ONLY',
    'Under REGISTRY_ONLY sidecars only let out hosts a ServiceEntry visible to them registers; a VirtualService alone does not register a host, so the call ends at BlackHoleCluster (502, or a closed connection).',
    'Add a ServiceEntry for the host exported to this namespace.',
  ),
  analyzer(
    'SIDECAR-IMPORT',
    'Sidecar does not import what it needs',
    'In a Sidecar egress host ns/host, ns is where the ServiceEntry is defined. A wrong namespace imports nothing, and a Sidecar that does not import the egress gateway namespace hides the gateway from its workloads.',
    'Use the namespace that defines the ServiceEntry (or */host), and import the egress gateway namespace (for example istio-system/*).',
    ['KIA1004'],
  ),
  analyzer(
    'DEPRECATED',
    'Deprecated field',
    'istioctl analyze reports these deprecated fields: a Sidecar outboundTrafficPolicy.egressProxy (reported as ignored: it only affects the ALLOW_ANY catch-all and gets no routing, policy or TLS) and a VirtualService fault.delay.percent (an integer percentage, used only while fault.delay.percentage is unset).',
    'Register an egress proxy with a ServiceEntry (TCP port, its address) and route to it explicitly, or use an egress gateway; write fault.delay.percentage: {value: N} instead of percent.',
    ['IST0002'],
  ),
  analyzer(
    'CONFLICT-SE-PROTOCOL',
    'ServiceEntries disagree on a port protocol',
    'Two ServiceEntries define the same host and port with different protocols (an unset protocol counts as its own) for the same namespaces; only one definition wins, so traffic may be handled with the wrong protocol. Reported on every ServiceEntry involved.',
    'Use one protocol for the host and port, or merge the ServiceEntries.',
    ['IST0177', 'KIA1212'],
  ),
  analyzer(
    'HTTP-ROUTES-ON-TLS-PORT',
    'HTTP rule aimed at an HTTPS/TLS port',
    'On a port declared HTTPS or TLS the app speaks TLS, so the sidecar can only read the SNI: http rules (URI matches, retries, timeouts, headers) are never applied there.',
    'Use tls routes with sniHosts for that port, or let the app send plain HTTP to an HTTP port (e.g. 80 with targetPort 443) and originate TLS in a DestinationRule.',
  ),
  analyzer(
    'TLS-ON-TLS-PORT',
    'TLS originated on a port the app already encrypts',
    'A DestinationRule with SIMPLE or MUTUAL TLS makes Envoy start TLS itself. On a port declared HTTPS or TLS the app has already done so, and the connection fails with TLS inside TLS.',
    'Originate TLS only for an HTTP port: declare port 80 HTTP with targetPort 443 and put the TLS settings under portLevelSettings for port 80.',
  ),
  analyzer(
    'PORT-LEVEL-DROPS-POLICY',
    'Port-level settings drop the top-level policy for their port',
    'A portLevelSettings entry replaces the whole top-level traffic policy for its port; it is not merged field by field. A top-level connectionPool, outlierDetection or tls the entry does not repeat is not applied on that port (nor is loadBalancer, which only changes the balancing algorithm and is not reported).',
    'Repeat the settings in the port-level entry, or, when the entry covers the only port, move its fields to the top-level policy.',
  ),
  analyzer(
    'ADDRESSES-REQUIRED',
    'TCP port without addresses',
    'A sidecar tells TCP services apart only by destination IP. A ServiceEntry TCP port (or one with no protocol) without addresses becomes a 0.0.0.0:<port> listener on proxies that do not use an allocated address, so every TCP connection to that port, to any IP, goes to this entry. Istio allocates an address for non-NONE entries, but the app only gets it when its proxy captures DNS; istioctl analyze checks the mesh config for that (ISTIO_META_DNS_CAPTURE with ISTIO_META_DNS_AUTO_ALLOCATE or PILOT_ENABLE_IP_AUTOALLOCATE in defaultConfig.proxyMetadata) and for an address in the entry status.',
    'Add the service addresses (IPs or CIDRs) to the ServiceEntry, or turn on DNS capture with address allocation in meshConfig.defaultConfig.proxyMetadata.',
    ['IST0134'],
  ),
  analyzer(
    'SUBSET-ROUTING-BYPASSED',
    'Route skips the subset routing of its destination',
    'A VirtualService that routes a host to its subsets only applies to requests for that host. A route elsewhere (a gateway-bound VirtualService, for instance) whose destination is that host without a subset goes straight to the service, so the subset split does not apply to its traffic. istioctl analyze reports it for VirtualServices that list gateways.',
    'Name the subset in the destination, or drop the subset routing if it is not meant for this traffic.',
    ['IST0140'],
  ),
  analyzer(
    'CONFLICT-SIDECAR',
    'Several namespace-wide Sidecars',
    'A Sidecar without a workloadSelector applies to every workload of its namespace; with two or more of them, which one a proxy uses is undefined. istioctl rates it an error; the cluster accepts it.',
    'Keep one Sidecar without workloadSelector per namespace; give the others a workloadSelector.',
    ['IST0111'],
  ),
  analyzer(
    'GATEWAY-DUPLICATE-CERT',
    'One certificate on several Gateways',
    'When Gateways for the same gateway pods serve the same certificate (credentialName, or certificate and key files), a client may reuse an HTTP/2 connection opened for a host of one Gateway to call a host of the other; the gateway keeps that connection on the server picked at the TLS handshake and answers 404. istioctl reports the Gateway whose selector is within the other one.',
    'Give each Gateway its own certificate, or serve the hosts from one Gateway (one server with all the hosts).',
    ['IST0138'],
  ),
];
