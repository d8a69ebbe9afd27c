import type { PathSegment } from '../../bundle';
import { lookupFieldDoc } from '../../istio/docs';
import { structure } from '../../istio/generated/structure';
import type { Shape } from '../../istio/structure-types';
import { integerRange, validateDuration } from '../../istio/values';
import type { ReportOptions } from '../types';
import { didYouMean } from './did-you-mean';

/** Receives schema findings for one resource. */
export type SchemaReport = (
  code: string,
  path: readonly PathSegment[],
  message: string,
  options?: ReportOptions,
) => void;

/** Where a value sits: its path from the resource root and its path inside `spec` for doc lookup. */
interface Place {
  path: PathSegment[];
  specPath: string;
}

/**
 * Checks a value against a generated CRD shape the way the API server's structural schema does:
 * unknown fields (with a did-you-mean), types, integer-ness, enums, required fields, list and
 * string limits, and duration syntax. Ranges and semantic limits are left to the admission rules.
 */
export function walkShape(
  kind: string,
  shapeId: string,
  value: unknown,
  place: Place,
  report: SchemaReport,
): void {
  if (value === null || value === undefined) return;
  const shape = structure.shapes[shapeId];
  if (!shape) return;
  switch (shape.t) {
    case 'object':
      return walkObject(kind, shape, value, place, report);
    case 'array':
      if (!Array.isArray(value)) return typeError(place, 'array', value, report);
      checkCount(kind, place, value.length, 'maxItems', report);
      value.forEach((item, i) =>
        walkShape(kind, shape.items, item, { path: [...place.path, i], specPath: place.specPath }, report),
      );
      return;
    case 'map':
      if (!isPlainObject(value)) return typeError(place, 'object', value, report);
      checkCount(kind, place, Object.keys(value).length, 'maxProperties', report);
      for (const [key, item] of Object.entries(value)) {
        walkShape(kind, shape.values, item, { path: [...place.path, key], specPath: place.specPath }, report);
      }
      return;
    case 'string':
      return checkString(kind, shape, value, place, report);
    case 'number':
      return checkNumber(kind, value, place, report);
    case 'boolean':
      if (typeof value !== 'boolean') typeError(place, 'boolean', value, report);
      return;
    case 'any':
      return;
  }
}

function walkObject(
  kind: string,
  shape: Extract<Shape, { t: 'object' }>,
  value: unknown,
  place: Place,
  report: SchemaReport,
): void {
  if (!isPlainObject(value)) return typeError(place, 'object', value, report);
  const known = Object.keys(shape.fields);
  for (const [key, item] of Object.entries(value)) {
    const field = shape.fields[key];
    const path = [...place.path, key];
    if (!field) {
      const suggestion = didYouMean(key, known);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      report('SCHEMA-UNKNOWN-FIELD', path, `unknown field "${formatDotted(path)}"${hint}`, { target: 'key' });
      continue;
    }
    walkShape(
      kind,
      field.shape,
      item,
      { path, specPath: place.specPath ? `${place.specPath}.${key}` : key },
      report,
    );
  }
  for (const [key, field] of Object.entries(shape.fields)) {
    if (field.required && (value[key] === undefined || value[key] === null)) {
      report('SCHEMA-REQUIRED', place.path, `${formatDotted([...place.path, key])}: Required value`, {
        target: 'key',
      });
    }
  }
}

function checkString(
  kind: string,
  shape: Extract<Shape, { t: 'string' }>,
  value: unknown,
  place: Place,
  report: SchemaReport,
): void {
  if (typeof value !== 'string') return typeError(place, 'string', value, report);
  if (shape.enum && !shape.enum.includes(value)) {
    const supported = shape.enum.map((v) => `"${v}"`).join(', ');
    report('GEN-02', place.path, `Unsupported value: "${value}": supported values: ${supported}`);
    return;
  }
  const doc = lookupFieldDoc(kind, place.specPath);
  if (doc?.maxLength !== undefined && value.length > doc.maxLength) {
    report('SCHEMA-LIMIT', place.path, `must have at most ${doc.maxLength} characters`);
  }
  if (doc?.format === 'duration' || doc?.format === 'duration-or-zero') {
    const problem = validateDuration(value, doc.format === 'duration-or-zero');
    if (problem) report(durationCode(kind, problem), place.path, problem);
  }
}

function durationCode(kind: string, problem: string): string {
  if (problem.startsWith('bad Duration')) return 'GEN-01';
  if (kind === 'DestinationRule') return 'DR-06';
  if (kind === 'VirtualService') return 'VS-12';
  return 'GEN-01';
}

function checkNumber(kind: string, value: unknown, place: Place, report: SchemaReport): void {
  if (typeof value !== 'number' || Number.isNaN(value)) return typeError(place, 'number', value, report);
  const doc = lookupFieldDoc(kind, place.specPath);
  if (doc?.format === 'double') return;
  if (!Number.isInteger(value)) {
    report('SCHEMA-TYPE', place.path, `${formatDotted(place.path)} must be an integer, got ${value}`);
    return;
  }
  const [min, max] = integerRange(doc?.format);
  if (value < min || value > max) {
    report(
      'SCHEMA-LIMIT',
      place.path,
      `${value} does not fit in ${doc?.format === 'uint32' ? 'uint32' : 'int32'}`,
    );
  }
}

function checkCount(
  kind: string,
  place: Place,
  count: number,
  limit: 'maxItems' | 'maxProperties',
  report: SchemaReport,
): void {
  const max = lookupFieldDoc(kind, place.specPath)?.[limit];
  if (max !== undefined && count > max) {
    const noun = limit === 'maxItems' ? 'items' : 'entries';
    report(
      'SCHEMA-LIMIT',
      place.path,
      `${formatDotted(place.path)} must have at most ${max} ${noun}, has ${count}`,
      {
        target: 'key',
      },
    );
  }
}

function typeError(place: Place, expected: string, value: unknown, report: SchemaReport): void {
  // Kubernetes reads YAML 1.1: unquoted yes/no/on/off/y/n are booleans and 1.10 is a number.
  const scalar = typeof value === 'boolean' || typeof value === 'number';
  const hint = expected === 'string' && scalar ? ' (quote the value to keep it a string)' : '';
  report(
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
