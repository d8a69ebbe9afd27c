import type { ResourceData } from './types';

/** The namespace assumed for objects without `metadata.namespace` (kubectl's default context). */
export const DEFAULT_NAMESPACE = 'default';

/** Kubernetes kinds that live outside namespaces (the ones an egress bundle may carry). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'IngressClass',
  'PriorityClass',
  'StorageClass',
  'PersistentVolume',
  'Node',
]);

/**
 * `Kind/namespace/name` of an object (the namespace defaulted), as diagnostics and the graph name
 * it; `Kind/name` for cluster-scoped kinds such as Namespace.
 */
export function resourceRef(data: Pick<ResourceData, 'kind' | 'namespace' | 'name'>): string {
  const name = data.name || '(unnamed)';
  if (CLUSTER_SCOPED.has(data.kind)) return `${data.kind}/${name}`;
  return `${data.kind || 'Unknown'}/${data.namespace ?? DEFAULT_NAMESPACE}/${name}`;
}
