import { isNamespacedKind, NETWORKING_GROUP } from './kinds';
import type { ResourceData } from './types';

/** The namespace assumed for objects without `metadata.namespace` (kubectl's default context). */
export const DEFAULT_NAMESPACE = 'default';

/** What names an object: its API group, kind, namespace (if it sets one) and name. */
export type ObjectName = Pick<ResourceData, 'group' | 'kind' | 'namespace' | 'name'>;

/**
 * `Kind/namespace/name` of an object (the namespace defaulted), as diagnostics and the graph name
 * it; `Kind/name` for cluster-scoped kinds such as Namespace.
 */
export function resourceRef(data: ObjectName): string {
  const name = data.name || '(unnamed)';
  if (!isNamespacedKind(data.group, data.kind)) return `${data.kind}/${name}`;
  return `${data.kind || 'Unknown'}/${data.namespace ?? DEFAULT_NAMESPACE}/${name}`;
}

/**
 * The object's identity in the cluster, as the engine keys it: its {@link resourceRef} with the
 * kind qualified by its API group (`Gateway.gateway.networking.k8s.io/egress/gw`), except in the
 * core group and Istio's networking group, whose kinds the bare ref already names. Two objects
 * with one key are one object to the cluster: applied, the second replaces the first.
 */
export function resourceKey(data: ObjectName): string {
  const ref = resourceRef(data);
  if (data.group === '' || data.group === NETWORKING_GROUP || data.kind === '') return ref;
  return `${data.kind}.${data.group}${ref.slice(data.kind.length)}`;
}
