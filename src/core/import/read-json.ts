import { parseDocument } from 'yaml';

import { isRecord, rangeOfPath, type PathSegment } from '../bundle';
import type { FileReport, Locator, PlacedObject } from './file-report';
import { jsonErrorPlace, pathKey, scanJson } from './json-scan';
import { printObject } from './print';
import { hostileKeyMessage } from './safety';
import { withoutServerFields } from './server-fields';

/** Deeper JSON than this is refused: no Kubernetes object nests so, and printing it would recurse. */
export const MAX_JSON_DEPTH = 100;

const LAYOUT = { indent: 2, indentSequences: true };

/** True when a text is meant as JSON: its first non-blank character opens an object or array. */
export function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

/**
 * Reads a JSON file: one object, an array of objects, or a `kind: List` (as `kubectl get -o json`
 * prints it), each object becoming one YAML document without the fields the cluster sets. Values
 * come from `JSON.parse`; our own syntax pass gives the positions (of errors, objects and hostile
 * keys), so every problem names its line. Returns false when the text is not JSON at all (a
 * syntax error), so the caller may try it as YAML flow style instead.
 */
export function readJson(report: FileReport): boolean {
  const { text } = report;
  const scan = scanJson(text);
  if (scan.error) {
    report.problem(`not valid JSON: ${scan.error.message}`, scan.error.offset);
    return false;
  }
  if (scan.depth > MAX_JSON_DEPTH) {
    report.problem(`is nested ${scan.depth} levels deep; the limit is ${MAX_JSON_DEPTH}`);
    return true;
  }
  for (const { offset, key } of scan.hostileKeys) report.problem(hostileKeyMessage(key), offset);
  if (scan.hostileKeys.length > 0) return true;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    reportEngineError(report, error);
    return false;
  }
  const locate = jsonLocator(text, scan.starts);
  const objects = collectObjects(report, value, locate);
  for (const placed of objects) {
    const cleaned = withoutServerFields(placed.value);
    report.cleaned(cleaned.removed);
    report.add(placed, cleaned.value, printObject(cleaned.value, LAYOUT));
  }
  if (objects.length > 0) {
    const documents = objects.length === 1 ? 'one YAML document' : `${objects.length} YAML documents`;
    report.note(`was converted from JSON to ${documents}`);
  }
  return true;
}

/**
 * Locates paths in a JSON text: shallow values from the syntax pass; deeper fields (needed only
 * to point at a refused name) by reading the text as YAML, which JSON is part of, once.
 */
function jsonLocator(text: string, starts: Map<string, number>): Locator {
  let tree: ReturnType<typeof parseDocument> | undefined;
  return (path, target) => {
    const shallow = target === 'value' ? starts.get(pathKey(path)) : undefined;
    if (shallow !== undefined) return shallow;
    tree ??= parseDocument(text, { schema: 'core', uniqueKeys: false, prettyErrors: false });
    if (tree.errors.length === 0) return rangeOfPath(tree.contents, path, target).start;
    // Not expected for valid JSON; the nearest recorded ancestor still names a line.
    for (let length = path.length - 1; length >= 0; length--) {
      const start = starts.get(pathKey(path.slice(0, length)));
      if (start !== undefined) return start;
    }
    return 0;
  };
}

/** The objects of a JSON value: itself, the elements of an array, the items of a List. */
function collectObjects(report: FileReport, value: unknown, locate: Locator): PlacedObject[] {
  const out: PlacedObject[] = [];
  const add = (element: unknown, path: PathSegment[], where: string): void => {
    if (!isRecord(element)) {
      report.problem(`${where} is not an object`, locate(path, 'value'));
      return;
    }
    const items = element['items'];
    const kind = element['kind'];
    if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items)) {
      const count = items.length === 1 ? 'one item' : `${items.length} items`;
      report.note(
        items.length === 0
          ? `this ${kind} has no items; nothing is added from it`
          : `expanded this ${kind} of ${count} into one document per item`,
        locate(path, 'value'),
      );
      items.forEach((item, index) => {
        const itemPath = [...path, 'items', index];
        if (isRecord(item)) out.push({ value: item, path: itemPath, locate });
        else report.problem(`items[${index}] of this ${kind} is not an object`, locate(itemPath, 'value'));
      });
      return;
    }
    out.push({ value: element, path, locate });
  };
  if (Array.isArray(value)) value.forEach((element, index) => add(element, [index], `element ${index}`));
  else add(value, [], 'the JSON value');
  return out;
}

function reportEngineError(report: FileReport, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const place = jsonErrorPlace(message);
  const text = `not valid JSON: ${message}`;
  if (!place) return report.problem(`is ${text}`);
  if ('offset' in place) return report.problem(text, place.offset);
  report.problems.push({ file: report.file, line: place.line, column: place.column, message: text });
}
