import {
  GATEWAY_API_GROUP,
  knownKind,
  NETWORKING_GROUP,
  NETWORKING_KINDS,
  networkingKindOf,
  versionOf,
  type NetworkingKind,
  type ResourceData,
} from '../bundle';
import { findMeshConfig } from './mesh';

export { NETWORKING_GROUP, NETWORKING_KINDS, networkingKindOf };
export type { NetworkingKind };

/** Served versions of the networking kinds; all three share one schema (ISTIO.md §1.1). */
export const NETWORKING_VERSIONS = ['v1', 'v1beta1', 'v1alpha3'] as const;

/** A served networking API version. */
export type NetworkingVersion = (typeof NETWORKING_VERSIONS)[number];

/**
 * True when `kind` names one of the Istio networking kinds we model. The name alone: for the field
 * catalogue and completions, where the group is settled; objects are told apart by group and kind
 * ({@link networkingKindOf}).
 */
export function isNetworkingKind(kind: string): kind is NetworkingKind {
  return (NETWORKING_KINDS as readonly string[]).includes(kind);
}

/** True when the object's group serves its kind at its version (for the kinds whose versions we know). */
export function isServedVersion(object: Pick<ResourceData, 'apiVersion' | 'group' | 'kind'>): boolean {
  const versions = knownKind(object.group, object.kind)?.versions;
  return versions === undefined || versions.includes(versionOf(object.apiVersion));
}

/**
 * True for an object the product models: an Istio networking kind, a Namespace, or a carrier of
 * mesh config (IstioOperator, the `istio` ConfigMap, Helm values). Everything else is kept as
 * written and left alone beyond YAML and the basic object shape.
 */
export function isModelled(object: Pick<ResourceData, 'group' | 'kind' | 'name' | 'value'>): boolean {
  return knownKind(object.group, object.kind)?.modelled === true || findMeshConfig(object) !== undefined;
}

/**
 * True for a Kubernetes Gateway API Gateway (not modelled: kept, and known to exist, so a
 * VirtualService may bind it), told from an Istio Gateway by its group.
 */
export function isGatewayApiGateway(resource: Pick<ResourceData, 'group' | 'kind'>): boolean {
  return resource.kind === 'Gateway' && resource.group === GATEWAY_API_GROUP;
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
