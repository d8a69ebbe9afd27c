import type { CodeInfo } from '../types';

function analyzer(
  code: string,
  title: string,
  explanation: string,
  fix: string,
  related?: string[],
): CodeInfo {
  const info: CodeInfo = { code, title, severity: 'warning', layer: 'analyzer', explanation, fix };
  if (related) info.related = related;
  return info;
}

/**
 * Cross-resource findings (ISTIO.md §3, §4): the cluster accepts each resource, but together they
 * do not do what the author meant. All are warnings; none would be refused.
 */
export const analyzerCodes: CodeInfo[] = [
  analyzer(
    'MODE-NOT-IMPLEMENTED',
    'Outbound mode the targeted istiod does not implement',
    'Istio 1.30 has ALLOW_ANY_DYNAMIC_DNS in its API, but its istiod does not implement it: sidecars drop traffic to unregistered hosts as under REGISTRY_ONLY. It works from Istio 1.31.',
    'Use ALLOW_ANY (or REGISTRY_ONLY with ServiceEntries) on 1.30, or target Istio 1.31.',
  ),
  analyzer(
    'REF-GATEWAY',
    'VirtualService names a Gateway that is not there',
    'A short gateway name means a Gateway in the VirtualService namespace. If no Gateway has that namespace and name, the binding silently does nothing.',
    'Write the reference as <namespace>/<name> (for example istio-system/egress), or add the Gateway.',
    ['IST0101', 'KIA1102'],
  ),
  analyzer(
    'REF-HOST',
    'Route destination host is not registered',
    'A route to an external name needs a ServiceEntry visible to the namespace that applies the route; without one the route points at a cluster that does not exist.',
    'Add a ServiceEntry for the host, exported to the VirtualService namespace (and to the gateway namespace for a gateway hop).',
    ['IST0101', 'KIA1101'],
  ),
  analyzer(
    'REF-HOST-PORT',
    'Route destination port is not a port of the ServiceEntry',
    'Clusters are built per ServiceEntry port number; a destination port the entry does not declare has no cluster.',
    'Use one of the ServiceEntry port numbers, or add the port to the ServiceEntry.',
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
    'Sidecars do not merge VirtualServices: for a host only one of them applies (the namespace-local, then the oldest), and the rules of the others are ignored.',
    'Merge the VirtualServices into one, or give them exportTo scopes that do not overlap.',
    ['IST0109', 'KIA1106'],
  ),
  analyzer(
    'PORT-REQUIRED',
    'Destination port missing for a multi-port ServiceEntry',
    'The destination service has several ports, so a route without port.number is ambiguous.',
    'Set destination.port.number to the port the route should use.',
    ['IST0112'],
  ),
  analyzer(
    'NO-CA',
    'Origination TLS without an explicit CA',
    'Without caCertificates the server certificate is checked only against the proxy system CA bundle (Istio 1.21+), so any publicly trusted certificate passes; an explicit sni without subjectAltNames skips the hostname check, and insecureSkipVerify turns verification off.',
    'Set caCertificates (or credentialName with a ca.crt) and subjectAltNames, and drop insecureSkipVerify.',
    ['IST0128', 'IST0129'],
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
    'Gateways with the same selector build one listener per port; two servers with the same host there conflict and only one wins.',
    'Keep one server per host and port for the gateway workload, or merge the Gateways.',
    ['IST0145', 'KIA0301'],
  ),
  analyzer(
    'DR-HOST-UNKNOWN',
    'DestinationRule host is not registered',
    'A DestinationRule only applies to a service the registry knows; for an external name that takes a ServiceEntry visible to the rule namespace.',
    'Add a ServiceEntry for the host (exported to this namespace), or fix the host.',
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
    'A sidecar loads the Secret named by credentialName only when the DestinationRule has a workloadSelector; otherwise it builds no TLS context at all and sends plaintext.',
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
    'EGRESS-PROXY-IGNORED',
    'Sidecar egressProxy is deprecated',
    'istioctl analyze reports outboundTrafficPolicy.egressProxy as deprecated and ignored; it only affects the ALLOW_ANY catch-all and gets no routing, policy or TLS.',
    'Register the proxy with a ServiceEntry (TCP port, its address) and route to it explicitly, or use an egress gateway.',
    ['IST0002'],
  ),
  analyzer(
    'CONFLICT-SE-PROTOCOL',
    'ServiceEntries disagree on a port protocol',
    'Two ServiceEntries define the same host and port with different protocols for the same namespaces; only one definition wins, so traffic may be handled with the wrong protocol.',
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
];
