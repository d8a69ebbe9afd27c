/** The API group of every Istio kind Egress Studio edits. */
export const NETWORKING_GROUP = 'networking.istio.io';

/** Served versions of the networking kinds; all three share one schema (ISTIO.md §1.1). */
export const NETWORKING_VERSIONS = ['v1', 'v1beta1', 'v1alpha3'] as const;

/** A served networking API version. */
export type NetworkingVersion = (typeof NETWORKING_VERSIONS)[number];

/** The Istio kinds that make up an egress design. */
export const NETWORKING_KINDS = [
  'ServiceEntry',
  'DestinationRule',
  'VirtualService',
  'Gateway',
  'Sidecar',
] as const;

/** One of {@link NETWORKING_KINDS}. */
export type NetworkingKind = (typeof NETWORKING_KINDS)[number];

/** True when `kind` is one of the Istio networking kinds we model. */
export function isNetworkingKind(kind: string): kind is NetworkingKind {
  return (NETWORKING_KINDS as readonly string[]).includes(kind);
}

/** True when `apiVersion` serves the networking kinds. */
export function isNetworkingApiVersion(apiVersion: string): boolean {
  return NETWORKING_API_VERSIONS.has(apiVersion);
}

const NETWORKING_API_VERSIONS = new Set<string>(NETWORKING_VERSIONS.map((v) => `${NETWORKING_GROUP}/${v}`));

/** The API group of the Kubernetes Gateway API. */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/**
 * True for a Kubernetes Gateway API Gateway (not modelled: kept, and known to exist, so a
 * VirtualService may bind it). Tells it from an Istio Gateway by the group of its apiVersion.
 */
export function isGatewayApiGateway(resource: { apiVersion: string; kind: string }): boolean {
  return resource.kind === 'Gateway' && resource.apiVersion.startsWith(`${GATEWAY_API_GROUP}/`);
}

/** `apiVersion` for a networking kind at the given version. */
export function networkingApiVersion(version: NetworkingVersion = 'v1'): string {
  return `${NETWORKING_GROUP}/${version}`;
}

/** The namespace Istio treats as the mesh root (and where the egress gateway usually runs). */
export const ROOT_NAMESPACE = 'istio-system';

/** The usual egress gateway Service host. */
export const EGRESS_GATEWAY_HOST = 'istio-egressgateway.istio-system.svc.cluster.local';

/** Fields every Kubernetes object may carry in `metadata`. */
export const OBJECT_META_FIELDS = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
] as const;
