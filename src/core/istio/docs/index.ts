/**
 * The documentation and constraint overlay on top of the generated field structure: one table per
 * kind, looked up by the longest dotted path suffix that names a documented field.
 */
import { destinationRuleDocs } from './destination-rule';
import { gatewayDocs } from './gateway';
import { meshConfigDocs } from './mesh-config';
import { namespaceSpecDocs, objectMetaDocs } from './metadata';
import { serviceEntryDocs } from './service-entry';
import { sidecarDocs } from './sidecar';
import type { FieldDoc, FieldDocTable } from './types';
import { virtualServiceDocs } from './virtual-service';

export type { FieldDoc, FieldDocTable } from './types';

/**
 * Field docs per kind. The Istio kinds are keyed relative to `spec`, `MeshConfig` relative to the
 * MeshConfig object, `ObjectMeta` relative to `metadata` and `Namespace` relative to its `spec`.
 */
export const fieldDocsByKind: Record<string, FieldDocTable> = {
  ServiceEntry: serviceEntryDocs,
  DestinationRule: destinationRuleDocs,
  VirtualService: virtualServiceDocs,
  Gateway: gatewayDocs,
  Sidecar: sidecarDocs,
  MeshConfig: meshConfigDocs,
  ObjectMeta: objectMetaDocs,
  Namespace: namespaceSpecDocs,
};

/**
 * Splits a field path into its name segments, dropping list and map markers and indexes:
 * `subsets[0].trafficPolicy.tls.mode`, `subsets[].trafficPolicy.tls.mode` and
 * `match[].headers{}.exact` all become plain names.
 */
export function fieldPathSegments(path: string): string[] {
  return path
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\{[^}]*\}/g, '')
    .split('.')
    .filter((segment) => segment.length > 0);
}

/**
 * Finds the doc for a field: the entry whose key is the longest suffix of the path, compared on
 * whole segments. `specRelativePath` is relative to `spec` (a leading `spec.` is tolerated); a path
 * that starts with `metadata.` is looked up in the ObjectMeta table whatever the kind.
 * Returns undefined for unknown kinds and undocumented paths.
 */
export function lookupFieldDoc(kind: string, specRelativePath: string): FieldDoc | undefined {
  const key = `${kind}\u0000${specRelativePath}`;
  if (looked.has(key)) return looked.get(key);
  const found = findFieldDoc(kind, specRelativePath);
  if (looked.size > 20_000) looked.clear();
  looked.set(key, found);
  return found;
}

// The schema check asks for the same few hundred paths for every resource of a bundle.
const looked = new Map<string, FieldDoc | undefined>();

function findFieldDoc(kind: string, specRelativePath: string): FieldDoc | undefined {
  let segments = fieldPathSegments(specRelativePath);
  let table = fieldDocsByKind[kind];
  if (segments[0] === 'metadata' && kind !== 'ObjectMeta' && segments.length > 1) {
    table = objectMetaDocs;
    segments = segments.slice(1);
  } else if (segments[0] === 'spec' && kind !== 'MeshConfig' && segments.length > 1) {
    segments = segments.slice(1);
  }
  if (!table) return undefined;
  for (let start = 0; start < segments.length; start++) {
    const key = segments.slice(start).join('.');
    if (Object.hasOwn(table, key)) return table[key];
  }
  return undefined;
}
