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
import { memoizedLookup } from './lookup';
import type { FieldDoc, FieldDocTable } from './types';
import { virtualServiceDocs } from './virtual-service';

export { fieldPathSegments } from './lookup';
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
 * Finds the doc for a field: the entry whose key is the longest suffix of the path, compared on
 * whole segments (see `findFieldEntry` in lookup.ts). Undefined for unknown kinds and undocumented paths.
 */
export const lookupFieldDoc: (kind: string, specRelativePath: string) => FieldDoc | undefined =
  memoizedLookup(fieldDocsByKind);
