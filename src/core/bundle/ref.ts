import { canonicalGroupOf, groupOf, isNamespacedKind } from './kinds';
import type { ResourceData } from './types';

/** The namespace assumed for objects without `metadata.namespace` (kubectl's default context). */
export const DEFAULT_NAMESPACE = 'default';

/** What names an object: its API group, kind, namespace (if it sets one) and name. */
export type ObjectName = Pick<ResourceData, 'group' | 'kind' | 'namespace' | 'name'>;

/** What names a plain Kubernetes object: the group of its apiVersion, its kind, namespace and name. */
export function objectName(value: Record<string, unknown>): ObjectName {
  const metadata = value['metadata'];
  const meta = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : {};
  const { apiVersion, kind } = value;
  const { name, namespace } = meta;
  return {
    group: groupOf(typeof apiVersion === 'string' ? apiVersion : ''),
    kind: typeof kind === 'string' ? kind : '',
    namespace: typeof namespace === 'string' && namespace !== '' ? namespace : undefined,
    name: typeof name === 'string' ? name : '',
  };
}

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
 * The object's identity in the cluster, as the engine keys it: its {@link resourceRef}, with the
 * kind qualified by its API group (`Gateway.gateway.networking.k8s.io/egress/gw`) when the bare
 * kind name stands for another group (`canonicalGroupOf`: an Istio Gateway is `Gateway/egress/gw`).
 * So the modelled kinds' keys are their refs. Two objects with one key are one object to the
 * cluster: applied, the second replaces the first.
 */
export function resourceKey(data: ObjectName): string {
  const ref = resourceRef(data);
  if (data.kind === '' || data.group === canonicalGroupOf(data.kind)) return ref;
  return `${data.kind}.${data.group}${ref.slice(data.kind.length)}`;
}
