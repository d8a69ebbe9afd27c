import type { ResourceData } from './types';

/** The namespace assumed for objects without `metadata.namespace` (kubectl's default context). */
export const DEFAULT_NAMESPACE = 'default';

/** `Kind/namespace/name` of an object (the namespace defaulted), as diagnostics and the graph name it. */
export function resourceRef(data: Pick<ResourceData, 'kind' | 'namespace' | 'name'>): string {
  return `${data.kind || 'Unknown'}/${data.namespace ?? DEFAULT_NAMESPACE}/${data.name || '(unnamed)'}`;
}
