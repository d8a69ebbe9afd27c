import { detectLayout, renderYaml } from './render';
import type { Bundle, TextChange } from './bundle';
import { editDocumentText, type FieldEdit } from './edit';

/** The outcome of a bundle edit: also which range of the old text was replaced, when it was made. */
export type BundleEditResult = { ok: true; text: string; change: TextChange } | { ok: false; error: string };

/**
 * Applies a field edit to one resource of a bundle (paths relative to the resource, so a List
 * item is addressed like a top-level object) and returns the whole new bundle text. Only the
 * edited document's text changes, and within it only the touched nodes.
 */
export function editResource(bundle: Bundle, resourceId: string, edit: FieldEdit): BundleEditResult {
  const resource = bundle.resources.find((r) => r.id === resourceId);
  if (!resource) return { ok: false, error: `No resource ${resourceId} in the bundle` };
  const { document } = resource;
  const path = [...resource.pathInDocument, ...edit.path];
  const result = editDocumentText(document.parsed.text, { ...edit, path } as FieldEdit);
  if (!result.ok) return result;
  return replaceRange(bundle.text, document.start, document.end, result.text);
}

/** Appends a document to a bundle, separated by `---`. */
export function appendDocument(text: string, documentText: string): string {
  const body = documentText.replace(/^---[^\n]*\n/, '').replace(/\n*$/, '\n');
  if (text.trim() === '') return body;
  return `${text.replace(/\n*$/, '\n')}---\n${body}`;
}

/** Appends an object (a new resource) as a document, printed in the bundle's indentation style. */
export function appendObject(text: string, value: unknown): string {
  return appendDocument(text, renderYaml(value, detectLayout(text)));
}

/** Removes a resource: its whole document, or its item when it sits in a `kind: List`. */
export function removeResource(bundle: Bundle, resourceId: string): BundleEditResult {
  const resource = bundle.resources.find((r) => r.id === resourceId);
  if (!resource) return { ok: false, error: `No resource ${resourceId} in the bundle` };
  if (resource.pathInDocument.length > 0) return removeListItem(bundle, resourceId);
  const { document } = resource;
  const start = document.start;
  let end = document.end;
  // Removing the first document: also drop the `---` that opens the next one.
  if (document.index === 0 && bundle.documents.length > 1) {
    const next = bundle.documents[1]!;
    const marker = /^---[ \t]*\r?\n/.exec(next.parsed.text);
    if (marker) end = next.start + marker[0].length;
  }
  return replaceRange(bundle.text, start, end, '');
}

/** The bundle with one range replaced, saying which: derivations and editors limit their work to it. */
function replaceRange(text: string, start: number, end: number, replacement: string): BundleEditResult {
  return {
    ok: true,
    text: text.slice(0, start) + replacement + text.slice(end),
    change: { start, end, length: replacement.length },
  };
}

function removeListItem(bundle: Bundle, resourceId: string): BundleEditResult {
  const resource = bundle.resources.find((r) => r.id === resourceId)!;
  const { document } = resource;
  const result = editDocumentText(document.parsed.text, { kind: 'delete', path: resource.pathInDocument });
  if (!result.ok) return result;
  return replaceRange(bundle.text, document.start, document.end, result.text);
}
