/**
 * The Kubernetes kinds Egress Studio knows, identified as the API server identifies them: by API
 * group and kind (a `gateway.networking.k8s.io` Gateway is not an Istio Gateway). Each says
 * whether it is namespaced and whether the product models it: modelled kinds get the schema,
 * admission rules, analyzers and graph; every other object is kept as written, listed, and
 * checked only for YAML and the basic object shape. A kind missing here is treated the same way,
 * as a namespaced kind of its group. Modelling a new kind starts by marking it here.
 */
export interface KnownKind {
  /** The API group: `''` for the core group (`apiVersion: v1`). */
  group: string;
  kind: string;
  /** The resource name in URLs and kubectl's messages (`serviceentries`). */
  plural: string;
  namespaced: boolean;
  modelled: boolean;
  /** The versions the group serves the kind at, where the product checks them. */
  versions?: readonly string[];
}

/** The API group of Istio's networking kinds. */
export const NETWORKING_GROUP = 'networking.istio.io';

/** The Istio networking kinds that make up an egress design (the ones the product models). */
export const NETWORKING_KINDS = [
  'ServiceEntry',
  'DestinationRule',
  'VirtualService',
  'Gateway',
  'Sidecar',
] as const;

/** One of {@link NETWORKING_KINDS}. */
export type NetworkingKind = (typeof NETWORKING_KINDS)[number];

/** The API group of the Kubernetes Gateway API. */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

// Istio's networking kinds are served at v1alpha3, v1beta1 and v1 alike (ISTIO.md §1.1);
// EnvoyFilter has only ever been v1alpha3, ProxyConfig v1beta1.
const ISTIO_VERSIONS = ['v1', 'v1beta1', 'v1alpha3'] as const;

/** `[kind, plural, namespaced]` of a group's kinds. */
type Kinds = readonly (readonly [kind: string, plural: string, namespaced: boolean])[];

function group(name: string, kinds: Kinds, extra: Partial<KnownKind> = {}): KnownKind[] {
  return kinds.map(([kind, plural, namespaced]) => ({
    group: name,
    kind,
    plural,
    namespaced,
    modelled: false,
    ...extra,
  }));
}

const NAMESPACED = true;
const CLUSTER = false;

/** Every kind the product knows, by group. */
export const KNOWN_KINDS: readonly KnownKind[] = [
  ...group(
    NETWORKING_GROUP,
    [
      ['ServiceEntry', 'serviceentries', NAMESPACED],
      ['DestinationRule', 'destinationrules', NAMESPACED],
      ['VirtualService', 'virtualservices', NAMESPACED],
      ['Gateway', 'gateways', NAMESPACED],
      ['Sidecar', 'sidecars', NAMESPACED],
    ] satisfies readonly (readonly [NetworkingKind, string, boolean])[],
    { modelled: true, versions: ISTIO_VERSIONS },
  ),
  ...group(
    NETWORKING_GROUP,
    [
      ['WorkloadEntry', 'workloadentries', NAMESPACED],
      ['WorkloadGroup', 'workloadgroups', NAMESPACED],
    ],
    { versions: ISTIO_VERSIONS },
  ),
  ...group(NETWORKING_GROUP, [['EnvoyFilter', 'envoyfilters', NAMESPACED]], { versions: ['v1alpha3'] }),
  ...group(NETWORKING_GROUP, [['ProxyConfig', 'proxyconfigs', NAMESPACED]], { versions: ['v1beta1'] }),
  ...group('security.istio.io', [
    ['AuthorizationPolicy', 'authorizationpolicies', NAMESPACED],
    ['PeerAuthentication', 'peerauthentications', NAMESPACED],
    ['RequestAuthentication', 'requestauthentications', NAMESPACED],
  ]),
  ...group('telemetry.istio.io', [['Telemetry', 'telemetries', NAMESPACED]]),
  ...group('extensions.istio.io', [['WasmPlugin', 'wasmplugins', NAMESPACED]]),
  // The mesh config in an IstioOperator is modelled (the outbound traffic policy).
  ...group('install.istio.io', [['IstioOperator', 'istiooperators', NAMESPACED]], { modelled: true }),
  ...group(GATEWAY_API_GROUP, [
    ['GatewayClass', 'gatewayclasses', CLUSTER],
    ['Gateway', 'gateways', NAMESPACED],
    ['HTTPRoute', 'httproutes', NAMESPACED],
    ['GRPCRoute', 'grpcroutes', NAMESPACED],
    ['TLSRoute', 'tlsroutes', NAMESPACED],
    ['TCPRoute', 'tcproutes', NAMESPACED],
    ['UDPRoute', 'udproutes', NAMESPACED],
    ['ReferenceGrant', 'referencegrants', NAMESPACED],
    ['BackendTLSPolicy', 'backendtlspolicies', NAMESPACED],
  ]),
  // Client namespaces are drawn from Namespace objects.
  ...group('', [['Namespace', 'namespaces', CLUSTER]], { modelled: true }),
  ...group('', [
    ['ConfigMap', 'configmaps', NAMESPACED],
    ['Secret', 'secrets', NAMESPACED],
    ['Service', 'services', NAMESPACED],
    ['ServiceAccount', 'serviceaccounts', NAMESPACED],
    ['Pod', 'pods', NAMESPACED],
    ['Endpoints', 'endpoints', NAMESPACED],
    ['PersistentVolumeClaim', 'persistentvolumeclaims', NAMESPACED],
    ['PersistentVolume', 'persistentvolumes', CLUSTER],
    ['Node', 'nodes', CLUSTER],
  ]),
  ...group('apps', [
    ['Deployment', 'deployments', NAMESPACED],
    ['StatefulSet', 'statefulsets', NAMESPACED],
    ['DaemonSet', 'daemonsets', NAMESPACED],
    ['ReplicaSet', 'replicasets', NAMESPACED],
  ]),
  ...group('batch', [
    ['Job', 'jobs', NAMESPACED],
    ['CronJob', 'cronjobs', NAMESPACED],
  ]),
  ...group('networking.k8s.io', [
    ['NetworkPolicy', 'networkpolicies', NAMESPACED],
    ['Ingress', 'ingresses', NAMESPACED],
    ['IngressClass', 'ingressclasses', CLUSTER],
  ]),
  ...group('discovery.k8s.io', [['EndpointSlice', 'endpointslices', NAMESPACED]]),
  ...group('policy', [['PodDisruptionBudget', 'poddisruptionbudgets', NAMESPACED]]),
  ...group('autoscaling', [['HorizontalPodAutoscaler', 'horizontalpodautoscalers', NAMESPACED]]),
  ...group('rbac.authorization.k8s.io', [
    ['Role', 'roles', NAMESPACED],
    ['RoleBinding', 'rolebindings', NAMESPACED],
    ['ClusterRole', 'clusterroles', CLUSTER],
    ['ClusterRoleBinding', 'clusterrolebindings', CLUSTER],
  ]),
  ...group('apiextensions.k8s.io', [['CustomResourceDefinition', 'customresourcedefinitions', CLUSTER]]),
  ...group('admissionregistration.k8s.io', [
    ['MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', CLUSTER],
    ['ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', CLUSTER],
  ]),
  ...group('scheduling.k8s.io', [['PriorityClass', 'priorityclasses', CLUSTER]]),
  ...group('storage.k8s.io', [['StorageClass', 'storageclasses', CLUSTER]]),
];

const BY_GROUP_AND_KIND = new Map(KNOWN_KINDS.map((k) => [`${k.kind}.${k.group}`, k]));

/** The API group of an `apiVersion`: `networking.istio.io` for `networking.istio.io/v1`, `''` for `v1`. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** The version part of an `apiVersion` (`v1` for `networking.istio.io/v1` and for `v1`). */
export function versionOf(apiVersion: string): string {
  return apiVersion.slice(apiVersion.indexOf('/') + 1);
}

/** What the product knows about a kind of a group, if anything. */
export function knownKind(group: string, kind: string): KnownKind | undefined {
  return BY_GROUP_AND_KIND.get(`${kind}.${group}`);
}

// A kind name on its own stands for the group the registry lists first with it (Gateway for
// Istio's); a kind it does not know, for the core group.
const CANONICAL_GROUP = new Map<string, string>();
for (const known of KNOWN_KINDS)
  if (!CANONICAL_GROUP.has(known.kind)) CANONICAL_GROUP.set(known.kind, known.group);

/** The group a bare kind name stands for: the first the registry lists it in, else the core group. */
export function canonicalGroupOf(kind: string): string {
  return CANONICAL_GROUP.get(kind) ?? '';
}

/** Whether objects of this kind live in a namespace; unknown kinds are assumed to. */
export function isNamespacedKind(group: string, kind: string): boolean {
  return knownKind(group, kind)?.namespaced ?? true;
}

/** The Istio networking kind of an object the product models, by group and kind, if it is one. */
export function networkingKindOf(object: { group: string; kind: string }): NetworkingKind | undefined {
  if (object.group !== NETWORKING_GROUP) return undefined;
  return (NETWORKING_KINDS as readonly string[]).includes(object.kind)
    ? (object.kind as NetworkingKind)
    : undefined;
}

/**
 * The kind as kubectl names a resource type: `serviceentries.networking.istio.io`, `namespaces`
 * for the core group. Unknown kinds get kubectl's usual lower-case plural.
 */
export function resourceTypeName(group: string, kind: string): string {
  const plural = knownKind(group, kind)?.plural ?? `${kind.toLowerCase()}s`;
  return group ? `${plural}.${group}` : plural;
}
