/**
 * The scenario catalogue: one working Istio egress bundle per configuration of the seed article
 * and per egress pattern of PEERS.md (c), each with what it teaches and the findings it means to
 * show. The bundles are the `*.yaml` files beside this module, loaded as text at build time.
 */

/** The fixed vocabulary of scenario tags, in the order a gallery lists its filters. */
export const SCENARIO_TAGS = [
  'http',
  'tls',
  'mtls',
  'tcp',
  'gateway',
  'resolution',
  'wildcard',
  'resilience',
  'policy',
  'visibility',
  'metadata',
  'essentials',
  'istio-task',
] as const;

/** One of {@link SCENARIO_TAGS}. */
export type ScenarioTag = (typeof SCENARIO_TAGS)[number];

/** The diagnostic codes a scenario means to show, exactly, by severity (it never shows errors). */
export interface ScenarioExpectation {
  warnings: string[];
  info: string[];
}

/** A ready-made egress design: a multi-document YAML bundle and what it is for. */
export interface Scenario {
  /** Kebab-case; also the bundle's file name without `.yaml`. */
  id: string;
  title: string;
  /** What it teaches, in one to three sentences. */
  summary: string;
  /** Words from {@link SCENARIO_TAGS}. */
  tags: string[];
  /**
   * Where it comes from, as a reader would name it: `ServiceEntry guide: <configuration>` for the
   * article the product was born from, `Istio task: <title>` for an istio.io egress task.
   */
  sources: string[];
  /** The egress patterns of PEERS.md (c) it covers (`E<n>`): checked for coverage, never shown. */
  patterns?: string[];
  /** What the seed article's own example got wrong, when it did; the bundle is the working version. */
  seedFix?: string;
  expected: ScenarioExpectation;
  /** The bundle text. */
  text: string;
}

/** A catalogue entry before its text is attached; its tags are checked against the vocabulary. */
type Entry = Omit<Scenario, 'text' | 'tags'> & { tags: ScenarioTag[] };

const NONE: ScenarioExpectation = { warnings: [], info: [] };

// Ordered as a learning path: the mesh policy, single hosts, resolution, TLS, resilience,
// visibility, ways around the sidecar, the egress gateway, and the complete example last.
const ENTRIES: Entry[] = [
  {
    id: 'allow-any',
    title: 'ALLOW_ANY: unknown hosts pass through',
    summary:
      "Istio's default outbound mode lets every host out; unregistered ones leave through PassthroughCluster without routing, policy or TLS control. The info finding on the mode is the point.",
    tags: ['policy', 'istio-task'],
    sources: ['Istio task: Accessing External Services'],
    patterns: ['E1'],
    expected: { warnings: [], info: ['BP-ALLOW-ANY'] },
  },
  {
    id: 'registry-only',
    title: 'REGISTRY_ONLY: only registered hosts leave',
    summary:
      'Locks the mesh down so sidecars drop traffic to hosts no ServiceEntry registers, and registers the one host the shop still needs.',
    tags: ['policy', 'essentials', 'istio-task'],
    sources: ['ServiceEntry guide: REGISTRY_ONLY mesh policy', 'Istio task: Accessing External Services'],
    patterns: ['E2'],
    seedFix:
      'The IstioOperator had no metadata, and Kubernetes refuses an object without a name. It also came alone: once REGISTRY_ONLY is on, every external call fails until its host is registered, so the working version registers one.',
    expected: NONE,
  },
  {
    id: 'http-api',
    title: 'HTTP API',
    summary:
      'Registers a plain-HTTP public API with a ServiceEntry so the sidecar can route, retry and measure each request, with DNS resolution rather than NONE.',
    tags: ['http', 'essentials', 'istio-task'],
    sources: ['ServiceEntry guide: HTTP API', 'Istio task: Accessing External Services'],
    patterns: ['E3'],
    expected: NONE,
  },
  {
    id: 'https-passthrough',
    title: 'HTTPS pass-through',
    summary:
      'The app does its own TLS, so the sidecar sees only the SNI: it allows and counts connections to the host but cannot route or retry individual requests.',
    tags: ['tls', 'essentials', 'istio-task'],
    sources: ['ServiceEntry guide: HTTPS pass-through', 'Istio task: Accessing External Services'],
    patterns: ['E4'],
    expected: NONE,
  },
  {
    id: 'retries-timeouts',
    title: 'Retries and timeouts',
    summary:
      'One VirtualService gives calls to an external API a per-try timeout, retries on transient failures and an overall deadline. These are HTTP features, so the route targets the HTTP port.',
    tags: ['resilience', 'http', 'essentials', 'istio-task'],
    sources: ['ServiceEntry guide: retries and timeouts', 'Istio task: Accessing External Services'],
    patterns: ['E5'],
    seedFix:
      "The retry route targeted port 443, which the original's ServiceEntry declares HTTPS: the sidecar sees only TLS there, so the http rule with its retries and timeout never applied. The original also put retries and the timeout in two VirtualServices for one host; sidecars use only one. Here a single VirtualService routes to HTTP port 80 and the sidecar originates TLS to 443.",
    expected: NONE,
  },
  {
    id: 'resolution-dns',
    title: 'DNS resolution for a TCP database',
    summary:
      'Envoy resolves the database name itself. Raw TCP carries no name, so the client proxies DNS and each connection is matched by the virtual IP the name resolves to.',
    tags: ['resolution', 'tcp', 'essentials'],
    sources: ['ServiceEntry guide: DNS resolution'],
    seedFix:
      'A TCP port without addresses: unless the sidecar proxies DNS, Istio cannot use the virtual IP it allocates and listens on 0.0.0.0:5432, sending every Postgres connection, to any server, to database.example.com (istioctl analyze reports IST0134). The client here turns on DNS capture; istioctl (and this designer with it) still warns, because it looks for DNS capture in the mesh config only, not in pod annotations.',
    expected: { warnings: ['ADDRESSES-REQUIRED'], info: [] },
  },
  {
    id: 'resolution-static',
    title: 'STATIC resolution with fixed endpoints',
    summary:
      'A legacy service reached at fixed IPs under a mesh-only name. The sidecars answer DNS for that name, and Envoy balances over the listed endpoints.',
    tags: ['resolution', 'tls', 'essentials'],
    sources: ['ServiceEntry guide: STATIC resolution'],
    seedFix:
      'The original said the host name need not resolve. The app resolves it before the sidecar sees anything, so legacy-payment.internal works only when the sidecars proxy DNS; the working version enables that mesh-wide.',
    expected: NONE,
  },
  {
    id: 'resolution-none',
    title: 'NONE resolution for a wildcard host',
    summary:
      'Every subdomain on port 443 with one entry: the sidecar checks the SNI against the wildcard and connects to the IP the app dialled, which a misbehaving app can abuse. DNS resolution would be refused for a wildcard.',
    tags: ['resolution', 'wildcard', 'tls', 'essentials', 'istio-task'],
    sources: ['ServiceEntry guide: NONE resolution', 'Istio task: Egress using Wildcard Hosts'],
    patterns: ['E14'],
    expected: NONE,
  },
  {
    id: 'wildcard-dynamic-dns',
    title: 'Wildcard with DYNAMIC_DNS',
    summary:
      'Since Istio 1.28 a wildcard entry can resolve the requested name per connection, so a whole domain of APIs is allowed under REGISTRY_ONLY without an egress gateway and without trusting the IP the app chose.',
    tags: ['wildcard', 'resolution', 'policy', 'istio-task'],
    sources: ['Istio blog: wildcard egress with DYNAMIC_DNS'],
    patterns: ['E17'],
    expected: NONE,
  },
  {
    id: 'tls-origination',
    title: 'TLS origination at the sidecar',
    summary:
      'The app sends plain HTTP to port 80 and the sidecar opens verified HTTPS to port 443, so the mesh sees every request while the traffic leaves encrypted. Origination is set for port 80 only.',
    tags: ['tls', 'http', 'essentials', 'istio-task'],
    sources: ['ServiceEntry guide: TLS origination', 'Istio task: Egress TLS Origination'],
    patterns: ['E7'],
    seedFix:
      "The DestinationRule set SIMPLE TLS at the top level, so it also applied to port 443, where the app already speaks TLS: that traffic would be wrapped a second time and fail. It also named no CA and set sni without subjectAltNames, so the server's hostname was never checked.",
    expected: NONE,
  },
  {
    id: 'mutual-tls-partner',
    title: 'Mutual TLS to a partner',
    summary:
      'The sidecar presents a client certificate to a partner API and checks the partner against its own CA. The certificate files come from a Secret mounted into the sidecar.',
    tags: ['mtls', 'http', 'essentials'],
    sources: ['ServiceEntry guide: mutual TLS to a partner'],
    seedFix:
      "Port 443 was declared HTTPS (the app encrypts) while the sidecar also originated mutual TLS on it: TLS inside TLS. Here the app speaks plain HTTP to port 80 and the sidecar originates to 443. The original only said the files must be mounted; the Deployment here mounts them, and subjectAltNames makes the sidecar check the partner's hostname.",
    expected: NONE,
  },
  {
    id: 'sidecar-mtls-credential',
    title: 'Mutual TLS from a Secret at the sidecar',
    summary:
      'The client certificate comes from a Secret via credentialName. Sidecars load it only for DestinationRules that select their workload, from their own namespace, and when their service account may read it.',
    tags: ['mtls', 'http', 'istio-task'],
    sources: ['Istio task: Egress TLS Origination'],
    patterns: ['E8'],
    expected: NONE,
  },
  {
    id: 'connection-pool',
    title: 'Connection pool limits',
    summary:
      'Caps connections and queued requests to an external API and keeps idle connections alive. HTTP limits need an HTTP port, so the sidecar originates the TLS.',
    tags: ['resilience', 'http', 'essentials'],
    sources: ['ServiceEntry guide: connection pool'],
    seedFix:
      "The original's comments mislabelled fields (h2UpgradePolicy is no pending-request limit; http1MaxPendingRequests queues requests rather than counting connections), and UPGRADE forced HTTP/2 on a server we do not run, so it is dropped. Its host had no ServiceEntry of its own, and on the HTTPS port it reused the http limits would not apply.",
    expected: NONE,
  },
  {
    id: 'h2-upgrade',
    title: 'HTTP/2 to an external API (h2UpgradePolicy)',
    summary:
      'With h2UpgradePolicy: UPGRADE the sidecar speaks HTTP/2 to the API while the app keeps sending HTTP/1.1, so many requests share a few multiplexed connections. The TLS it originates then offers only h2, so the server must support HTTP/2.',
    tags: ['resilience', 'http', 'essentials'],
    sources: ['ServiceEntry guide: connection pool'],
    seedFix:
      'The original commented h2UpgradePolicy: UPGRADE as "Maximum pending HTTP requests". It limits nothing: it chooses the protocol the sidecar speaks to the destination (UPGRADE: HTTP/2 even when the app sends HTTP/1.1; DEFAULT: the mesh-wide setting, which does not upgrade unless changed). Pending requests are http1MaxPendingRequests. The working version also originates the TLS, so the http settings apply at all.',
    expected: NONE,
  },
  {
    id: 'circuit-breaker',
    title: 'Circuit breaker',
    summary:
      'Both halves of circuit breaking: pool limits that fail fast when too much is waiting, and outlier detection that ejects an endpoint that keeps returning errors.',
    tags: ['resilience', 'http', 'essentials'],
    sources: ['ServiceEntry guide: circuit breaker'],
    seedFix:
      'minHealthPercent was described as a minimum request count; it is the share of healthy endpoints below which ejection stops. The host had no ServiceEntry of its own, and 5xx counting needs HTTP, so the app calls an HTTP port and the sidecar originates TLS.',
    expected: NONE,
  },
  {
    id: 'export-to',
    title: 'exportTo: who sees an external host',
    summary:
      'An entry exported to two namespaces is invisible to a third. Under REGISTRY_ONLY invisible means blocked; under ALLOW_ANY it would only mean unmanaged.',
    tags: ['visibility', 'policy', 'essentials'],
    sources: ['ServiceEntry guide: exportTo'],
    seedFix:
      'The original presented exportTo as access control. It only decides which sidecars know the host: with the default ALLOW_ANY, other namespaces still reach it through PassthroughCluster. The working version sets REGISTRY_ONLY, and exports to the defining namespace too.',
    expected: NONE,
  },
  {
    id: 'sidecar-egress-hosts',
    title: 'Sidecar egress hosts: what a namespace can see',
    summary:
      "A namespace's Sidecar lists the namespaces (and hosts) its workloads import. Orders imports its own namespace, where the payment API is registered, and reaches it; reports does not import it, so for its sidecars the API is an unknown host and REGISTRY_ONLY drops the call.",
    tags: ['visibility', 'policy'],
    sources: ['Istio reference: Sidecar'],
    expected: NONE,
  },
  {
    id: 'owner-labels-annotations',
    title: 'Labels and owner annotations',
    summary:
      'Labels classify external services for selection; annotations record who owns each opening, why it exists and who approved it.',
    tags: ['metadata', 'essentials'],
    sources: ['ServiceEntry guide: labels and owner annotations'],
    seedFix:
      'The labelling example named no owner, so nobody was accountable for that opening (the BP-NO-OWNER finding). Each entry here carries labels and an owner or team annotation.',
    expected: NONE,
  },
  {
    id: 'bypass-ip-ranges',
    title: 'Bypassing the sidecar for an IP range',
    summary:
      'A pod annotation sends one network straight out, skipping the sidecar and with it every Istio control, REGISTRY_ONLY included. A last resort.',
    tags: ['policy', 'istio-task'],
    sources: ['Istio task: Accessing External Services'],
    patterns: ['E6'],
    expected: NONE,
  },
  {
    id: 'corporate-http-proxy',
    title: 'Egress through a corporate HTTPS proxy',
    summary:
      "When apps tunnel through a corporate proxy, the mesh sees only TCP to the proxy's address; that is what gets registered, never the sites behind it.",
    tags: ['tcp', 'policy', 'istio-task'],
    sources: ['Istio task: Using an External HTTPS Proxy'],
    patterns: ['E19'],
    expected: NONE,
  },
  {
    id: 'egress-gateway-http',
    title: 'Egress gateway for HTTP',
    summary:
      'Five cooperating objects send plain HTTP through a dedicated egress gateway: the entry, the Gateway, a subset rule on the client lookup path, and a two-hop VirtualService bound to mesh and the gateway.',
    tags: ['gateway', 'http', 'istio-task'],
    sources: ['Istio task: Egress Gateways'],
    patterns: ['E9'],
    expected: NONE,
  },
  {
    id: 'egress-gateway-tls-passthrough',
    title: 'Egress gateway with TLS pass-through',
    summary:
      "HTTPS leaves through the egress gateway still encrypted: tls routes match the SNI at the sidecar and again at the gateway, which never holds the app's keys.",
    tags: ['gateway', 'tls', 'essentials', 'istio-task'],
    sources: ['ServiceEntry guide: egress gateway with TLS pass-through', 'Istio task: Egress Gateways'],
    patterns: ['E10'],
    expected: NONE,
  },
  {
    id: 'egress-gateway-network-policy',
    title: 'Forcing traffic through the egress gateway',
    summary:
      'Istio cannot stop a pod from going around the gateway; a Kubernetes NetworkPolicy that allows only DNS and istio-system can.',
    tags: ['gateway', 'policy', 'tls', 'istio-task'],
    sources: ['Istio task: Egress Gateways'],
    patterns: ['E11'],
    expected: NONE,
  },
  {
    id: 'egress-gateway-tls-origination',
    title: 'TLS origination at the egress gateway',
    summary:
      'Plain HTTP from the app, Istio mutual TLS to the gateway, verified HTTPS from the gateway: three hops, three protocols, every one encrypted outside the pod.',
    tags: ['gateway', 'tls', 'http', 'istio-task'],
    sources: ['Istio task: Egress Gateways with TLS Origination'],
    patterns: ['E12'],
    expected: NONE,
  },
  {
    id: 'egress-gateway-mtls-origination',
    title: 'Mutual TLS origination at the egress gateway',
    summary:
      "Only the gateway holds the client certificate, in a Secret in its own namespace; apps send plain HTTP. The NO-CA-PORT note is istioctl's blind spot: the CA is inside the Secret.",
    tags: ['gateway', 'mtls', 'istio-task'],
    sources: ['Istio task: Egress Gateways with TLS Origination'],
    patterns: ['E13'],
    // The rule's CA is the Secret's ca.crt, which gateways always load; NO-CA-PORT (like
    // istioctl's IST0129) cannot see it. Kept visible and explained rather than worked around.
    expected: { warnings: [], info: ['NO-CA-PORT'] },
  },
  {
    id: 'wildcard-egress-gateway',
    title: 'Wildcard through the egress gateway',
    summary:
      'Any subdomain leaves through the gateway to the one server that hosts them all: the route sends the wildcard to a concrete host, and the SNI passes through unchanged.',
    tags: ['gateway', 'wildcard', 'tls', 'istio-task'],
    sources: ['Istio task: Egress using Wildcard Hosts'],
    patterns: ['E15'],
    expected: NONE,
  },
  {
    id: 'payment-gateway',
    title: 'Complete payment gateway',
    summary:
      'Everything together for one provider: mutual TLS from the sidecar, pool limits and ejection, careful retries for payments, two namespaces sharing the entry, and a locked-down mesh.',
    tags: ['mtls', 'resilience', 'visibility', 'policy', 'metadata', 'essentials'],
    sources: ['ServiceEntry guide: payment gateway'],
    seedFix:
      "Port 443 was declared HTTPS while the rule originated mutual TLS on it (TLS inside TLS) and the http routes targeted it (never applied); here the app uses port 80. h2UpgradePolicy UPGRADE is dropped, retries no longer follow a reset that may have charged the customer, the certificates are mounted, and REGISTRY_ONLY makes exportTo a restriction. The original's diagram showed an egress gateway and PeerAuthentication that its YAML never configured.",
    expected: NONE,
  },
];

const TEXTS = import.meta.glob<string>('./*.yaml', { query: '?raw', import: 'default', eager: true });

/** Every scenario, in gallery order. */
export const SCENARIOS: readonly Scenario[] = ENTRIES.map((entry) => {
  const text = TEXTS[`./${entry.id}.yaml`];
  if (text === undefined) throw new Error(`Scenario ${entry.id} has no bundle ${entry.id}.yaml`);
  return { ...entry, text };
});

const BY_ID = new Map(SCENARIOS.map((scenario) => [scenario.id, scenario]));

/** The scenario with this id, or undefined. */
export function scenarioById(id: string): Scenario | undefined {
  return BY_ID.get(id);
}
