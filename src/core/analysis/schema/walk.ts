import type { PathSegment } from '../../bundle';
import { lookupFieldLimits } from '../../istio/field-limits';
import { structure } from '../../istio/generated/structure';
import { limitsAt, releaseGap, type IstioVersion } from '../../istio/releases';
import type { Limits, Shape } from '../../istio/structure-types';
import { durationProblem, integerRange } from '../../istio/values';
import type { ReportOptions } from '../types';
import { didYouMean } from './did-you-mean';

/** Receives schema findings for one resource. */
export type SchemaReport = (
  code: string,
  path: readonly PathSegment[],
  message: string,
  options?: ReportOptions,
) => void;

/** One walk over a resource's spec: its kind, the Istio release it targets, and where findings go. */
export interface SchemaWalk {
  kind: string;
  target: IstioVersion;
  report: SchemaReport;
}

/** Where a value sits: its path from the resource root and its path inside `spec` for doc lookup. */
interface Place {
  path: PathSegment[];
  specPath: string;
}

/**
 * Checks a value against a generated CRD shape the way the target release's API server does:
 * unknown fields (with a did-you-mean), fields and enum values the release does not have yet
 * (naming the release that added them), types, integer-ness, enums, required fields, list and
 * string limits, and duration syntax. Ranges and semantic limits are left to the admission rules.
 */
export function walkShape(walk: SchemaWalk, shapeId: string, value: unknown, place: Place): void {
  if (value === null || value === undefined) return;
  const shape = structure.shapes[shapeId];
  if (!shape) return;
  switch (shape.t) {
    case 'object':
      return walkObject(walk, shape, value, place);
    case 'array':
      if (!Array.isArray(value)) return typeError(walk, place, 'array', value);
      checkCount(walk, place, value.length, 'maxItems', limitsAt(shape, walk.target));
      value.forEach((item, i) =>
        walkShape(walk, shape.items, item, { path: [...place.path, i], specPath: place.specPath }),
      );
      return;
    case 'map':
      if (!isPlainObject(value)) return typeError(walk, place, 'object', value);
      checkCount(walk, place, Object.keys(value).length, 'maxProperties', limitsAt(shape, walk.target));
      for (const [key, item] of Object.entries(value)) {
        walkShape(walk, shape.values, item, { path: [...place.path, key], specPath: place.specPath });
      }
      return;
    case 'string':
      return checkString(walk, shape, value, place);
    case 'number':
      return checkNumber(walk, value, place);
    case 'boolean':
      if (typeof value !== 'boolean') typeError(walk, place, 'boolean', value);
      return;
    case 'any':
      return;
  }
}

function walkObject(
  walk: SchemaWalk,
  shape: Extract<Shape, { t: 'object' }>,
  value: unknown,
  place: Place,
): void {
  if (!isPlainObject(value)) return typeError(walk, place, 'object', value);
  const { report, target } = walk;
  for (const [key, item] of Object.entries(value)) {
    const field = Object.hasOwn(shape.fields, key) ? shape.fields[key] : undefined;
    const path = [...place.path, key];
    const gap = field && releaseGap(field, target);
    if (gap) {
      // The target's API server does not know the field: its contents are not checked further.
      report('SCHEMA-RELEASE', path, `${formatDotted(path)}: field ${gap}`, { target: 'key' });
      continue;
    }
    if (!field) {
      const known = Object.keys(shape.fields).filter((name) => !releaseGap(shape.fields[name], target));
      const suggestion = didYouMean(key, known);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      report('SCHEMA-UNKNOWN-FIELD', path, `unknown field "${formatDotted(path)}"${hint}`, { target: 'key' });
      continue;
    }
    walkShape(walk, field.shape, item, { path, specPath: place.specPath ? `${place.specPath}.${key}` : key });
  }
  for (const [key, field] of Object.entries(shape.fields)) {
    if (field.required && !releaseGap(field, target) && (value[key] === undefined || value[key] === null)) {
      report('SCHEMA-REQUIRED', place.path, `${formatDotted([...place.path, key])}: Required value`, {
        target: 'key',
      });
    }
  }
}

function checkString(
  walk: SchemaWalk,
  shape: Extract<Shape, { t: 'string' }>,
  value: unknown,
  place: Place,
): void {
  const { kind, report, target } = walk;
  if (typeof value !== 'string') return typeError(walk, place, 'string', value);
  if (shape.enum) {
    const gap = shape.enum.includes(value) ? releaseGap(shape.enumSpans?.[value], target) : undefined;
    if (gap) {
      report('SCHEMA-RELEASE', place.path, `${formatDotted(place.path)}: value "${value}" ${gap}`);
      return;
    }
    if (!shape.enum.includes(value)) {
      const supported = shape.enum
        .filter((v) => !releaseGap(shape.enumSpans?.[v], target))
        .map((v) => `"${v}"`)
        .join(', ');
      report('GEN-02', place.path, `Unsupported value: "${value}": supported values: ${supported}`);
      return;
    }
  }
  const ours = lookupFieldLimits(kind, place.specPath);
  const maxLength = limitsAt(shape, target).maxLength ?? ours?.maxLength;
  if (maxLength !== undefined && value.length > maxLength) {
    report('SCHEMA-LIMIT', place.path, `must have at most ${maxLength} characters`);
  }
  const problem = durationProblem(value, ours?.format);
  if (problem) report(durationCode(kind, problem), place.path, problem);
}

function durationCode(kind: string, problem: string): string {
  if (problem.startsWith('bad Duration')) return 'GEN-01';
  if (kind === 'DestinationRule') return 'DR-06';
  if (kind === 'VirtualService') return 'VS-12';
  return 'GEN-01';
}

function checkNumber(walk: SchemaWalk, value: unknown, place: Place): void {
  const { report } = walk;
  if (typeof value !== 'number' || Number.isNaN(value)) return typeError(walk, place, 'number', value);
  const ours = lookupFieldLimits(walk.kind, place.specPath);
  if (ours?.format === 'double') return;
  if (!Number.isInteger(value)) {
    report('SCHEMA-TYPE', place.path, `${formatDotted(place.path)} must be an integer, got ${value}`);
    return;
  }
  const [min, max] = integerRange(ours?.format);
  if (value < min || value > max) {
    report(
      'SCHEMA-LIMIT',
      place.path,
      `${value} does not fit in ${ours?.format === 'uint32' ? 'uint32' : 'int32'}`,
    );
  }
}

/** Checks a list's or map's size against the target release's CRD limit (or a webhook limit in our docs). */
function checkCount(
  walk: SchemaWalk,
  place: Place,
  count: number,
  limit: 'maxItems' | 'maxProperties',
  limits: Limits,
): void {
  const max = limits[limit] ?? lookupFieldLimits(walk.kind, place.specPath)?.[limit];
  if (max !== undefined && count > max) {
    const noun = limit === 'maxItems' ? 'items' : 'entries';
    walk.report(
      'SCHEMA-LIMIT',
      place.path,
      `${formatDotted(place.path)} must have at most ${max} ${noun}, has ${count}`,
      {
        target: 'key',
      },
    );
  }
}

function typeError(walk: SchemaWalk, place: Place, expected: string, value: unknown): void {
  // Kubernetes reads YAML 1.1: unquoted yes/no/on/off/y/n are booleans and 1.10 is a number.
  const scalar = typeof value === 'boolean' || typeof value === 'number';
  const hint = expected === 'string' && scalar ? ' (quote the value to keep it a string)' : '';
  walk.report(
    'SCHEMA-TYPE',
    place.path,
    `${formatDotted(place.path)} must be of type ${expected}, got ${describeType(value)}${hint}`,
  );
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Formats a path the way kubectl does in messages: `spec.ports[0].name`. */
export function formatDotted(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
