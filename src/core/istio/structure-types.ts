/**
 * The releases a field, enum value or API version exists in, as Istio release names (`'1.24'`):
 * from `since` (omitted: the oldest supported release) to `until` (omitted: still in the newest).
 */
export interface ReleaseSpan {
  since?: string;
  until?: string;
}

/** Size limits the CRD schema sets on a value (OpenAPI `maxItems`, `maxLength`, `maxProperties`). */
export interface Limits {
  maxItems?: number;
  maxLength?: number;
  maxProperties?: number;
}

/**
 * Limits as they are in the newest release, and as they were before: the first entry of `older`
 * whose `until` is at or after a release holds that release's limits instead.
 */
export interface ReleaseLimits extends Limits {
  older?: (Limits & { until: string })[];
}

/** A field of an object shape: its value's shape id, whether the CRD requires it, and its releases. */
export interface ShapeField extends ReleaseSpan {
  shape: string;
  required?: true;
}

/** One node of the generated CRD field structure; ids refer to entries of {@link StructureTable.shapes}. */
export type Shape =
  | ({
      t: 'string';
      enum?: string[];
      /** The releases of enum values that are not in every supported release. */
      enumSpans?: Record<string, ReleaseSpan>;
    } & ReleaseLimits)
  | { t: 'number' }
  | { t: 'boolean' }
  | { t: 'any' }
  | ({ t: 'array'; items: string } & ReleaseLimits)
  | ({ t: 'map'; values: string } & ReleaseLimits)
  | { t: 'object'; fields: Record<string, ShapeField> };

/** One networking kind: the shape id of its `spec`, and the API versions served, with their releases. */
export interface KindStructure {
  root: string;
  served: Record<string, ReleaseSpan>;
}

/**
 * MeshConfig is not a CRD (istiod reads it from `mesh/v1alpha1/config.proto`): its top-level
 * fields, the fields of `outboundTrafficPolicy` and that policy's modes, with their releases.
 */
export interface MeshStructure {
  fields: Record<string, ReleaseSpan>;
  outboundTrafficPolicy: Record<string, ReleaseSpan>;
  modes: Record<string, ReleaseSpan>;
}

/**
 * The generated structure of every kind's `spec` across the supported Istio releases (oldest
 * first in `releases`): a root per kind, a shared shape table, and MeshConfig's fields.
 */
export interface StructureTable {
  releases: string[];
  kinds: Record<string, KindStructure>;
  shapes: Record<string, Shape>;
  mesh: MeshStructure;
}
