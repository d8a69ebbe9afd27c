/** One node of the generated CRD field structure; ids refer to entries of {@link StructureTable.shapes}. */
export type Shape =
  | { t: 'string'; enum?: string[] }
  | { t: 'number' }
  | { t: 'boolean' }
  | { t: 'any' }
  | { t: 'array'; items: string }
  | { t: 'map'; values: string }
  | { t: 'object'; fields: Record<string, { shape: string; required?: true }> };

/** The generated structure of every kind's `spec`: a root shape id per kind and a shared shape table. */
export interface StructureTable {
  roots: Record<string, string>;
  shapes: Record<string, Shape>;
}
