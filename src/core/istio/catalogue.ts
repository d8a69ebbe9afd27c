import type { PathSegment } from '../bundle';
import { lookupFieldDoc } from './docs';
import type { FieldDoc } from './docs/types';
import { structure } from './generated/structure';
import { isNetworkingKind } from './kinds';
import type { Shape } from './structure-types';

/** Everything the catalogue knows about one field: its structure from the CRD and our docs. */
export interface FieldInfo {
  kind: string;
  /** The field's name (the last path segment). */
  name: string;
  /** Path inside `spec`, list markers as `[]`: `ports[].protocol`. */
  path: string;
  type: Shape['t'];
  required: boolean;
  /** Allowed values, for enum fields. */
  enum?: string[];
  /** For lists, the item type; for maps, the value type. */
  itemType?: Shape['t'];
  doc: FieldDoc | undefined;
}

/** The shape id at a spec path (indexes and `[]` accepted), or undefined when no such field exists. */
function shapeAt(kind: string, path: readonly PathSegment[]): { id: string; required: boolean } | undefined {
  if (!isNetworkingKind(kind)) return undefined;
  let id = structure.roots[kind]!;
  let required = false;
  for (const segment of path) {
    let shape = structure.shapes[id]!;
    while (shape.t === 'array' || shape.t === 'map') {
      id = shape.t === 'array' ? shape.items : shape.values;
      shape = structure.shapes[id]!;
      if (typeof segment === 'number' || segment === '[]') break;
    }
    if (typeof segment === 'number' || segment === '[]') continue;
    if (shape.t !== 'object') return undefined;
    const field = shape.fields[segment];
    if (!field) return undefined;
    id = field.shape;
    required = field.required === true;
  }
  return { id, required };
}

function normalise(path: string | readonly PathSegment[]): PathSegment[] {
  if (typeof path !== 'string') return [...path];
  return path
    .replace(/^spec\.?/, '')
    .split(/\.|(?=\[)/)
    .filter(Boolean)
    .map((s) => (s === '[]' ? '[]' : /^\[\d+\]$/.test(s) ? Number(s.slice(1, -1)) : s));
}

function describe(kind: string, path: PathSegment[], id: string, required: boolean): FieldInfo {
  const shape = structure.shapes[id]!;
  const named = path.filter((s): s is string => typeof s === 'string' && s !== '[]');
  const text = path
    .map((s) => (typeof s === 'number' || s === '[]' ? '[]' : s))
    .join('.')
    .replace(/\.\[\]/g, '[]');
  const inner =
    shape.t === 'array'
      ? structure.shapes[shape.items]
      : shape.t === 'map'
        ? structure.shapes[shape.values]
        : undefined;
  const info: FieldInfo = {
    kind,
    name: named.at(-1) ?? '',
    path: text,
    type: shape.t,
    required,
    doc: lookupFieldDoc(kind, text),
  };
  if (shape.t === 'string' && shape.enum) info.enum = shape.enum;
  if (inner) {
    info.itemType = inner.t;
    if (inner.t === 'string' && inner.enum) info.enum = inner.enum;
  }
  return info;
}

/**
 * What the catalogue says about a field of a networking kind, addressed by its path inside `spec`
 * (`'ports[0].protocol'`, `'trafficPolicy.tls.mode'`, or segments). Undefined for unknown fields.
 */
export function fieldInfo(kind: string, path: string | readonly PathSegment[]): FieldInfo | undefined {
  const segments = normalise(path);
  const found = shapeAt(kind, segments);
  return found ? describe(kind, segments, found.id, found.required) : undefined;
}

/** The fields directly under an object field (or under a list's items), sorted by name. */
export function childFields(kind: string, path: string | readonly PathSegment[] = []): FieldInfo[] {
  const segments = normalise(path);
  const found = shapeAt(kind, segments);
  if (!found) return [];
  let shape = structure.shapes[found.id]!;
  let prefix = segments;
  while (shape.t === 'array' || shape.t === 'map') {
    prefix = [...prefix, '[]'];
    shape = structure.shapes[shape.t === 'array' ? shape.items : shape.values]!;
  }
  if (shape.t !== 'object') return [];
  return Object.entries(shape.fields).map(([name, field]) =>
    describe(kind, [...prefix, name], field.shape, field.required === true),
  );
}
