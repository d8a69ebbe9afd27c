/**
 * Reads one release's `kubernetes/customresourcedefinitions.gen.yaml` (istio/api) into a plain
 * tree per networking kind: the `spec` schema's fields, types, enums, required fields and size
 * limits, and the API versions the CRD serves. Anything the tree cannot express exactly is an
 * error, so a new schema construct in a future release stops the generator instead of being lost.
 */
import { parseAllDocuments } from 'yaml';

import type { Limits } from '../../src/core/istio/structure-types';

/** One schema node of one release. */
export type SchemaNode =
  | { t: 'object'; fields: Map<string, { node: SchemaNode; required: boolean }> }
  | { t: 'array'; items: SchemaNode; limits: Limits }
  | { t: 'map'; values: SchemaNode; limits: Limits }
  | { t: 'string'; enum: string[] | undefined; limits: Limits }
  | { t: 'number' }
  | { t: 'boolean' }
  | { t: 'any' };

/** One kind in one release: the served API versions and the spec schema. */
export interface KindSchema {
  served: string[];
  spec: SchemaNode;
}

type OpenApi = Record<string, unknown>;

const GROUP = 'networking.istio.io';

// Keys that carry no structure (docs), or constraints the admission rules check themselves:
// proto oneOf groups, number ranges, nullability, list-map keys, string formats and CEL rules.
const IGNORED = new Set([
  'description',
  'nullable',
  'oneOf',
  'anyOf',
  'allOf',
  'minimum',
  'maximum',
  'minItems',
  'format',
  'x-kubernetes-validations',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
]);

/** The networking kinds of one CRD file, by kind name. Throws on what it cannot read exactly. */
export function readCrds(text: string, kinds: readonly string[]): Map<string, KindSchema> {
  const out = new Map<string, KindSchema>();
  for (const document of parseAllDocuments(text)) {
    const crd = document.toJS() as OpenApi | null;
    if (!crd || crd['kind'] !== 'CustomResourceDefinition') continue;
    const spec = crd['spec'] as OpenApi;
    const kind = (spec['names'] as OpenApi)['kind'] as string;
    if (spec['group'] !== GROUP || !kinds.includes(kind)) continue;
    const versions = spec['versions'] as OpenApi[];
    const served = versions.filter((v) => v['served'] === true).map((v) => v['name'] as string);
    // The webhook ignores the version (ISTIO.md §1.1): every served version must share one schema.
    const schemas = versions
      .filter((v) => v['served'] === true)
      .map((v) => ((v['schema'] as OpenApi)['openAPIV3Schema'] as OpenApi)['properties'] as OpenApi);
    const specs = new Set(schemas.map((s) => JSON.stringify(s['spec'])));
    if (specs.size !== 1) throw new Error(`${kind}: served versions have different spec schemas`);
    out.set(kind, { served, spec: toNode(schemas[0]!['spec'] as OpenApi, `${kind}.spec`) });
  }
  const missing = kinds.filter((k) => !out.has(k));
  if (missing.length > 0) throw new Error(`no CRD for ${missing.join(', ')}`);
  return out;
}

function toNode(schema: OpenApi, where: string): SchemaNode {
  const unknown = Object.keys(schema).filter(
    (key) => !IGNORED.has(key) && !KNOWN[String(schema['type'])]?.includes(key),
  );
  if (unknown.length > 0) throw new Error(`${where}: cannot represent ${unknown.join(', ')}`);
  const limits = limitsOf(schema);
  switch (schema['type']) {
    case 'object': {
      const properties = schema['properties'] as Record<string, OpenApi> | undefined;
      const additional = schema['additionalProperties'] as OpenApi | undefined;
      if (schema['x-kubernetes-preserve-unknown-fields'] === true) return { t: 'any' };
      if (additional && !properties) {
        return { t: 'map', values: toNode(additional, `${where}{}`), limits };
      }
      const required = new Set((schema['required'] as string[] | undefined) ?? []);
      const fields = new Map<string, { node: SchemaNode; required: boolean }>();
      for (const [name, child] of Object.entries(properties ?? {})) {
        fields.set(name, { node: toNode(child, `${where}.${name}`), required: required.delete(name) });
      }
      if (required.size > 0) throw new Error(`${where}: required ${[...required].join(', ')} not defined`);
      return { t: 'object', fields };
    }
    case 'array':
      return { t: 'array', items: toNode(schema['items'] as OpenApi, `${where}[]`), limits };
    case 'string': {
      const values = schema['enum'] as string[] | undefined;
      return { t: 'string', enum: values ? [...values] : undefined, limits };
    }
    case 'integer':
    case 'number':
      return { t: 'number' };
    case 'boolean':
      return { t: 'boolean' };
    default:
      throw new Error(`${where}: unknown type ${String(schema['type'])}`);
  }
}

// The keys each type may carry besides the ignored ones.
const KNOWN: Record<string, string[]> = {
  object: [
    'type',
    'properties',
    'additionalProperties',
    'required',
    'maxProperties',
    'x-kubernetes-preserve-unknown-fields',
  ],
  array: ['type', 'items', 'maxItems'],
  string: ['type', 'enum', 'maxLength'],
  integer: ['type'],
  number: ['type'],
  boolean: ['type'],
};

function limitsOf(schema: OpenApi): Limits {
  const limits: Limits = {};
  for (const key of ['maxItems', 'maxLength', 'maxProperties'] as const) {
    if (typeof schema[key] === 'number') limits[key] = schema[key];
  }
  return limits;
}
