import { isNamespacedKind, rangeOfPath, resourceTypeName, type Bundle, type Resource } from '../bundle';
import { diagnosticAt } from './context';
import type { Diagnostic } from './types';

/**
 * DUPLICATE-RESOURCE: every object with the identity of an earlier one (same API group, kind,
 * namespace and name; no namespace for cluster-scoped kinds), reported at its `metadata.name`
 * with the line of the first. Objects without a kind or a name have no identity. O(resources).
 */
export function findDuplicates(bundle: Bundle): Diagnostic[] {
  const first = new Map<string, Resource>();
  const out: Diagnostic[] = [];
  for (const resource of bundle.resources) {
    if (!resource.kind || !resource.name) continue;
    const earlier = first.get(resource.key);
    if (!earlier) {
      first.set(resource.key, resource);
      continue;
    }
    const type = resourceTypeName(resource.group, resource.kind);
    const namespaced = isNamespacedKind(resource.group, resource.kind);
    const where = namespaced ? ` in namespace ${resource.effectiveNamespace}` : '';
    const line = bundle.lines.positionAt(nameOffset(earlier)).line;
    out.push(
      diagnosticAt(
        resource,
        'DUPLICATE-RESOURCE',
        ['metadata', 'name'],
        `${type} "${resource.name}" already exists${where}: it is first defined on line ${line}, and applying this one replaces it`,
        {},
        resource.document.start,
      ),
    );
  }
  return out;
}

/** Where an object's `metadata.name` is, in the bundle text. */
function nameOffset(resource: Resource): number {
  const { parsed, start } = resource.document;
  return start + rangeOfPath(parsed.root, [...resource.pathInDocument, 'metadata', 'name']).start;
}
