import type { PathSegment } from '../bundle';
import { lookupFieldDoc } from './docs';
import type { FieldDoc } from './docs/types';
import { structure } from './generated/structure';
import { isNetworkingKind } from './kinds';
import { inRelease, limitsAt, narrowSpan, type IstioVersion } from './releases';
import type { ReleaseSpan, Shape } from './structure-types';

/** Everything the catalogue knows about one field: its structure from the CRDs and our docs. */
export interface FieldInfo {
  kind: string;
  /** The field's name (the last path segment). */
  name: string;
  /** Path inside `spec`, list markers as `[]`: `ports[].protocol`. */
  path: string;
  type: Shape['t'];
  required: boolean;
  /** The first Istio release with the field, when newer than the oldest supported one. */
  since?: string;
  /** The last Istio release with the field, when a newer one dropped it. */
  until?: string;
  /** Allowed values, for enum fields (only those of the target release, when one is given). */
  enum?: string[];
  /** The releases of enum values that are not in every release the field is in. */
  enumSpans?: Record<string, ReleaseSpan>;
  /** For lists, the item type; for maps, the value type. */
  itemType?: Shape['t'];
  /** The longest string (or list item) the CRD allows, in the target release or the newest. */
  maxLength?: number;
  doc: FieldDoc | undefined;
}

/** True when the `target` release has the field. */
export function fieldInRelease(info: Pick<FieldInfo, 'since' | 'until'>, target: IstioVersion): boolean {
  return inRelease(info, target);
}

/**
 * The shape id at a spec path (indexes and `[]` accepted) with the releases that have every field
 * on the way, or undefined when no release has such a field.
 */
function shapeAt(
  kind: string,
  path: readonly PathSegment[],
): { id: string; required: boolean; span: ReleaseSpan } | undefined {
  if (!isNetworkingKind(kind)) return undefined;
  let id = structure.kinds[kind]!.root;
  let required = false;
  let span: ReleaseSpan = {};
  for (const segment of path) {
    let shape = structure.shapes[id]!;
    while (shape.t === 'array' || shape.t === 'map') {
      id = shape.t === 'array' ? shape.items : shape.values;
      shape = structure.shapes[id]!;
      if (typeof segment === 'number' || segment === '[]') break;
    }
    if (typeof segment === 'number' || segment === '[]') continue;
    if (shape.t !== 'object') return undefined;
    const field = Object.hasOwn(shape.fields, segment) ? shape.fields[segment] : undefined;
    if (!field) return undefined;
    id = field.shape;
    required = field.required === true;
    span = narrowSpan(span, field);
  }
  return { id, required, span };
}

function normalise(path: string | readonly PathSegment[]): PathSegment[] {
  if (typeof path !== 'string') return [...path];
  return path
    .replace(/^spec\.?/, '')
    .split(/\.|(?=\[)/)
    .filter(Boolean)
    .map((s) => (s === '[]' ? '[]' : /^\[\d+\]$/.test(s) ? Number(s.slice(1, -1)) : s));
}

function describe(
  kind: string,
  path: PathSegment[],
  found: { id: string; required: boolean; span: ReleaseSpan },
  target: IstioVersion | undefined,
): FieldInfo {
  const shape = structure.shapes[found.id]!;
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
    required: found.required,
    ...found.span,
    doc: lookupFieldDoc(kind, text),
  };
  const enumShape = shape.t === 'string' ? shape : inner?.t === 'string' ? inner : undefined;
  if (inner) info.itemType = inner.t;
  const maxLength = enumShape && (target ? limitsAt(enumShape, target) : enumShape).maxLength;
  if (maxLength !== undefined) info.maxLength = maxLength;
  if (enumShape?.enum) {
    const spans = enumShape.enumSpans;
    info.enum = target
      ? enumShape.enum.filter((value) => inRelease(narrowSpan(found.span, spans?.[value]), target))
      : enumShape.enum;
    if (spans) info.enumSpans = spans;
  }
  return info;
}

/**
 * What the catalogue says about a field of a networking kind, addressed by its path inside `spec`
 * (`'ports[0].protocol'`, `'trafficPolicy.tls.mode'`, or segments), in any supported release;
 * with a `target` release, its enum lists only the values that release has. Undefined for fields
 * no release defines.
 */
export function fieldInfo(
  kind: string,
  path: string | readonly PathSegment[],
  target?: IstioVersion,
): FieldInfo | undefined {
  const segments = normalise(path);
  const found = shapeAt(kind, segments);
  return found ? describe(kind, segments, found, target) : undefined;
}

/**
 * The fields directly under an object field (or under a list's items), sorted by name: every
 * field some release has (check {@link fieldInRelease} before offering one), with enums of the
 * `target` release when one is given.
 */
export function childFields(
  kind: string,
  path: string | readonly PathSegment[] = [],
  target?: IstioVersion,
): FieldInfo[] {
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
    describe(
      kind,
      [...prefix, name],
      { id: field.shape, required: field.required === true, span: narrowSpan(found.span, field) },
      target,
    ),
  );
}
