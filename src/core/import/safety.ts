import { isScalar, visit, type Node } from 'yaml';

import { isRecord, type PathSegment } from '../bundle';

/**
 * Keys that reach into a JavaScript object's prototype when code assigns `object[key]`. No
 * Kubernetes field is named so, and a file that has one is an attack or a mistake.
 */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Markup and control characters (including line separators and text-direction overrides). */
const UNSAFE_CHARACTER =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[<>"'`&\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A finding with the path of the field (from the object's root) and which part of it to point at. */
export interface FieldFinding {
  path: PathSegment[];
  target: 'key' | 'value';
  message: string;
}

/**
 * Offsets (into the text the tree was parsed from) of every mapping key named `__proto__`,
 * `constructor` or `prototype`, anywhere in a YAML tree, anchors and merge sources included.
 * Reads the tree, not the converted value, so the place of each is exact.
 */
export function hostileKeys(root: Node | null): { offset: number; key: string }[] {
  const found: { offset: number; key: string }[] = [];
  if (!root) return found;
  visit(root, {
    Pair(_, pair) {
      const key = pair.key;
      if (isScalar(key) && typeof key.value === 'string' && HOSTILE_KEYS.has(key.value)) {
        found.push({ offset: key.range?.[0] ?? 0, key: key.value });
      }
    },
  });
  return found;
}

/** The message for a key found by {@link hostileKeys}. */
export function hostileKeyMessage(key: string): string {
  return (
    `a key named "${key}" is not allowed: no Kubernetes field has that name, ` +
    'and it can be used to tamper with the program that reads the file'
  );
}

/**
 * Names that could carry script or confuse a reader: `metadata.name`, `metadata.namespace`,
 * label keys and values, and annotation keys holding markup or control characters (or being
 * `__proto__`). Names that are merely invalid (uppercase, too long) are left to the validator,
 * which reports them after the import so the user can fix them in place.
 */
export function unsafeNames(object: Record<string, unknown>): FieldFinding[] {
  const metadata = object['metadata'];
  if (!isRecord(metadata)) return [];
  const findings: FieldFinding[] = [];
  for (const field of ['name', 'namespace', 'generateName']) {
    const value = metadata[field];
    const problem = typeof value === 'string' ? unsafeText(value) : undefined;
    if (problem) {
      findings.push({ path: ['metadata', field], target: 'value', message: `metadata.${field} ${problem}` });
    }
  }
  for (const [field, noun] of [
    ['labels', 'a label'],
    ['annotations', 'an annotation'],
  ] as const) {
    const entries = metadata[field];
    if (!isRecord(entries)) continue;
    for (const [key, value] of Object.entries(entries)) {
      const keyProblem = unsafeText(key);
      if (keyProblem) {
        findings.push({
          path: ['metadata', field, key],
          target: 'key',
          message: `${noun} key in metadata.${field} ${keyProblem}`,
        });
      }
      // Annotation values are free text (kubectl stores JSON in one); label values are names.
      const valueProblem = field === 'labels' && typeof value === 'string' ? unsafeText(value) : undefined;
      if (valueProblem) {
        findings.push({
          path: ['metadata', field, key],
          target: 'value',
          message: `a label value in metadata.labels ${valueProblem}`,
        });
      }
    }
  }
  return findings;
}

function unsafeText(text: string): string | undefined {
  if (text === '__proto__') return 'is "__proto__", which is not allowed';
  const match = UNSAFE_CHARACTER.exec(text);
  if (!match) return undefined;
  const c = match[0];
  const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const shown = /[\u0020-\u007e]/.test(c) ? `${c} (${code})` : code;
  return `contains the character ${shown}; markup and control characters are not allowed in names`;
}
