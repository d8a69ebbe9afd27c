import { deepEqual, parseOneDocument } from '../bundle';
import { renderYaml, type LayoutStyle } from '../bundle/render';
import type { ObjectDocument } from './file-report';

/** True when `text` parses, as the bundle will parse it, to exactly one object equal to `value`. */
export function readsAs(text: string, value: Record<string, unknown>): boolean {
  const parsed = parseOneDocument(text);
  if (parsed.problems.some((p) => p.severity === 'error')) return false;
  const [only, ...rest] = parsed.resources;
  return only !== undefined && rest.length === 0 && deepEqual(only.value, value);
}

/**
 * Prints an object as a new YAML document, read back to be sure it means the same. Should the
 * block style not (a corner of YAML 1.1 the printer does not cover), it is printed as JSON, which
 * YAML reads literally; should that fail too, the document is left unverified and the import's
 * final check refuses it.
 */
export function printObject(value: Record<string, unknown>, layout: LayoutStyle): ObjectDocument {
  const yaml = `${renderYaml(value, layout)}\n`;
  if (readsAs(yaml, value)) return { text: yaml, verified: true };
  const json = `${JSON.stringify(value, null, layout.indent)}\n`;
  if (readsAs(json, value)) return { text: json, verified: true };
  return { text: yaml, verified: false };
}
