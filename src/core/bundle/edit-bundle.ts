import { detectLayout, renderYaml } from './render';
import type { Bundle } from './bundle';
import { editDocumentText, type EditResult, type FieldEdit } from './edit';

/**
 * Applies a field edit to one resource of a bundle (paths relative to the resource, so a List
 * item is addressed like a top-level object) and returns the whole new bundle text. Only the
 * edited document's text changes, and within it only the touched nodes.
 */
export function editResource(bundle: Bundle, resourceId: string, edit: FieldEdit): EditResult {
  const resource = bundle.resources.find((r) => r.id === resourceId);
  if (!resource) return { ok: false, error: `No resource ${resourceId} in the bundle` };
  const { document } = resource;
  const path = [...resource.pathInDocument, ...edit.path];
  const result = editDocumentText(document.parsed.text, { ...edit, path } as FieldEdit);
  if (!result.ok) return result;
  return {
    ok: true,
    text: bundle.text.slice(0, document.start) + result.text + bundle.text.slice(document.end),
  };
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
export function removeResource(bundle: Bundle, resourceId: string): EditResult {
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
  return { ok: true, text: bundle.text.slice(0, start) + bundle.text.slice(end) };
}

function removeListItem(bundle: Bundle, resourceId: string): EditResult {
  const resource = bundle.resources.find((r) => r.id === resourceId)!;
  const { document } = resource;
  const result = editDocumentText(document.parsed.text, { kind: 'delete', path: resource.pathInDocument });
  if (!result.ok) return result;
  return {
    ok: true,
    text: bundle.text.slice(0, document.start) + result.text + bundle.text.slice(document.end),
  };
}
