/** Docs and limits for DestinationRule fields (ISTIO.md §1.4, §2.3, §4.4, §4.7). */
import { clientTlsDocs, connectionPoolDocs, exportToDoc, SERVICE_PORT } from './shared';
import type { FieldDocTable } from './types';

/** DestinationRule field docs, keyed by spec-relative path suffix. */
export const destinationRuleDocs: FieldDocTable = {
  host: {
    help: 'Service the rule is for: a Kubernetes Service, a ServiceEntry host or a wildcard; never an IP.',
    format: 'hostname',
  },
  trafficPolicy: {
    help: 'Load balancing, connection pool, outlier detection and TLS for the host; {} is rejected.',
  },
  subsets: { help: 'Named groups of endpoints, picked by routes through destination.subset.' },
  'subsets.name': {
    help: 'Name that routes use in destination.subset; a DNS-1123 label, unique here.',
    format: 'dns1123-label',
  },
  labels: {
    help: 'Endpoint labels that make up the subset; empty selects every endpoint (egress gateway pattern).',
  },
  'subsets.trafficPolicy': {
    help: 'Policy for this subset only; overrides the top-level policy field by field.',
  },
  exportTo: exportToDoc('DestinationRule', 'defaultDestinationRuleExportTo', false),
  workloadSelector: {
    help: 'Apply only to client workloads with these labels in this namespace; sidecars need it for credentialName.',
  },
  'workloadSelector.matchLabels': {
    help: "Labels the client workloads must carry; values of at most 63 characters, no '*' and no empty key.",
  },

  loadBalancer: {
    help: 'How requests spread over endpoints: one of simple or consistentHash, plus locality and warmup.',
  },
  simple: {
    help: 'Algorithm: LEAST_REQUEST, ROUND_ROBIN, RANDOM or PASSTHROUGH (LEAST_CONN is deprecated).',
  },
  consistentHash: { help: 'Sticky routing: hash on a header, cookie, source IP or query parameter.' },
  httpHeaderName: { help: 'Hash on the value of this request header.' },
  httpCookie: { help: 'Hash on this cookie; the proxy sets it when the request lacks it.' },
  'httpCookie.name': { help: 'Name of the cookie.' },
  'httpCookie.path': { help: 'Path attribute of the generated cookie.' },
  ttl: { help: 'Lifetime of the generated cookie.', format: 'duration-or-zero' },
  'httpCookie.attributes': { help: 'Extra attributes written on the generated cookie.' },
  'attributes.name': { help: 'Cookie attribute name, e.g. SameSite.' },
  'attributes.value': { help: 'Cookie attribute value; leave empty for flag attributes.' },
  useSourceIp: { help: 'Hash on the client IP address.' },
  httpQueryParameterName: { help: 'Hash on this URL query parameter.' },
  ringHash: { help: 'Use the ring-hash algorithm for consistent hashing.' },
  'ringHash.minimumRingSize': {
    help: 'Lower bound on the number of virtual nodes in the hash ring.',
    format: 'uint32',
  },
  'consistentHash.minimumRingSize': {
    help: 'Older place for the hash ring size.',
    format: 'uint32',
    deprecated: 'Use consistentHash.ringHash.minimumRingSize instead.',
  },
  maglev: { help: 'Use the Maglev algorithm for consistent hashing.' },
  tableSize: {
    help: 'Maglev lookup table size: a prime number below 5000011.',
    format: 'uint32',
    minimum: 1,
    maximum: 5000010,
  },
  localityLbSetting: {
    help: 'Locality-aware balancing: distribute or failover (not both); failover needs outlierDetection.',
  },
  distribute: { help: 'Weighted split by locality for clients in a given locality.' },
  'distribute.from': {
    help: "Client locality as region/zone/subzone; a trailing '*' matches anything below.",
  },
  'distribute.to': {
    help: 'Destination localities with weights of 1 to 100 that must add up to 100.',
    format: 'uint32',
    minimum: 1,
    maximum: 100,
  },
  failover: { help: 'Region to fail over to when the local region runs out of healthy endpoints.' },
  'failover.from': { help: "Region the traffic starts in (a region only, no '*')." },
  'failover.to': { help: "Region to send traffic to on failover; must differ from 'from'." },
  failoverPriority: { help: 'Ordered endpoint labels that rank failover candidates by how many they share.' },
  enabled: { help: 'Turn locality load balancing on or off for this destination.' },
  zoneAwareLbSetting: {
    help: 'Zone-aware balancing (sidecars only): Envoy prefers the local zone; not together with localityLbSetting.',
  },
  'zoneAwareLbSetting.enabled': { help: 'Turn zone-aware load balancing on or off for this destination.' },
  'zoneAwareLbSetting.failoverPriority': {
    help: 'Ordered endpoint labels that rank failover candidates; not the region, zone or subzone labels.',
  },
  minClusterSize: {
    help: 'Hosts the local region needs before zone-aware balancing turns on; 6 when unset.',
    minimum: 1,
  },
  warmup: { help: 'Ramp traffic up gradually to endpoints that just joined.' },
  'warmup.duration': {
    help: 'How long a new endpoint takes to reach its full share.',
    format: 'duration',
  },
  minimumPercent: {
    help: 'Share of normal traffic, in percent, a new endpoint gets when warmup starts.',
    format: 'double',
    minimum: 0,
    maximum: 100,
  },
  aggression: {
    help: 'Curve of the warmup ramp; 1 is linear. At least 1 up to Istio 1.30, above 0 from 1.31.',
    format: 'double',
  },
  warmupDurationSecs: {
    help: 'Older slow-start window for new endpoints.',
    format: 'duration',
    deprecated: 'Use loadBalancer.warmup.duration instead.',
  },

  ...connectionPoolDocs,

  outlierDetection: { help: 'Eject endpoints that keep failing, for a while (passive health checking).' },
  consecutive5xxErrors: {
    help: '5xx responses (or connect failures on TCP) in a row that eject a host; 0 turns it off.',
    format: 'uint32',
    default: 5,
  },
  consecutiveGatewayErrors: {
    help: '502, 503 or 504 responses in a row that eject a host; off unless set.',
    format: 'uint32',
  },
  consecutiveLocalOriginFailures: {
    help: 'Locally detected failures in a row that eject a host; needs splitExternalLocalOriginErrors.',
    format: 'uint32',
    default: 5,
  },
  outlierDetectionHttpErrorCodes: {
    help: 'HTTP status codes (100 to 599) counted as errors towards ejection, instead of 5xx.',
    minimum: 100,
    maximum: 599,
  },
  splitExternalLocalOriginErrors: {
    help: 'Count local failures (timeouts, resets) apart from errors the upstream returns.',
    default: false,
  },
  consecutiveErrors: {
    help: 'Older error counter; accepted with a warning.',
    format: 'int32',
    deprecated: 'Use consecutive5xxErrors or consecutiveGatewayErrors instead.',
  },
  'outlierDetection.interval': {
    help: 'How often hosts are checked for ejection.',
    format: 'duration',
    default: '10s',
  },
  baseEjectionTime: {
    help: 'Shortest ejection; it grows with each repeated ejection of the same host.',
    format: 'duration',
    default: '30s',
  },
  maxEjectionPercent: {
    help: 'Largest share of hosts, in percent, that may be ejected at the same time.',
    format: 'int32',
    minimum: 0,
    maximum: 100,
    default: 10,
  },
  minHealthPercent: {
    help: 'Outlier detection stays active only while at least this percent of hosts is healthy.',
    format: 'int32',
    minimum: 0,
    maximum: 100,
    default: 0,
  },

  ...clientTlsDocs,

  portLevelSettings: {
    help: 'Per-port policies; an entry replaces the whole top-level policy for its port, it does not merge.',
  },
  port: { help: 'Service port this entry is for; required.' },
  'port.number': {
    help: 'Service port number (ServiceEntry ports[].number, not targetPort).',
    ...SERVICE_PORT,
  },

  tunnel: {
    help: 'Carry TCP or TLS traffic through an HTTP CONNECT or POST tunnel, e.g. a corporate proxy.',
  },
  'tunnel.protocol': { help: 'Tunnel method: CONNECT or POST.', default: 'CONNECT' },
  targetHost: { help: 'Host the tunnel proxy is asked to connect to (FQDN or IP).' },
  targetPort: { help: 'Port the tunnel proxy is asked to connect to.', ...SERVICE_PORT },

  proxyProtocol: {
    help: 'Send a PROXY protocol header upstream to pass on the client address; not together with tunnel.',
  },
  version: { help: 'PROXY protocol version: V1 (text) or V2 (binary).' },

  retryBudget: {
    help: 'Cap retries at a share of active requests instead of a fixed number.',
  },
  'retryBudget.percent': {
    help: 'Retries allowed, as a percent of the requests in flight.',
    format: 'double',
    minimum: 0,
    maximum: 100,
    default: 20,
  },
  budgetInterval: {
    help: 'Window of recent requests the retry budget counts; 0ms counts only those in flight.',
    format: 'duration-syntax',
  },
  minRetryConcurrency: {
    help: 'Retries always allowed, whatever the percent budget says.',
    format: 'uint32',
    default: 3,
  },
};
