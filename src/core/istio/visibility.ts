function entriesOf(exportTo: unknown): string[] {
  return Array.isArray(exportTo) ? exportTo.filter((e): e is string => typeof e === 'string') : [];
}

/**
 * Whether a resource in `ownNamespace` with the given `exportTo` is visible to `namespace`
 * (ISTIO.md §4.2): an empty list means the mesh default `*`; `.` is the own namespace; `~` hides it.
 */
export function isExportedTo(exportTo: unknown, ownNamespace: string, namespace: string): boolean {
  const entries = entriesOf(exportTo);
  if (entries.length === 0) return true;
  return entries.some((e) => e === '*' || e === namespace || (e === '.' && ownNamespace === namespace));
}

/** The namespaces an `exportTo` names explicitly (not `*`, `.` or `~`). */
export function namedExportNamespaces(exportTo: unknown): string[] {
  return entriesOf(exportTo).filter((e) => e !== '*' && e !== '.' && e !== '~');
}

/** True for hosts that name in-cluster Kubernetes services rather than external ones. */
export function isClusterLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h.endsWith('.svc.cluster.local') || h.endsWith('.svc') || !h.includes('.');
}
