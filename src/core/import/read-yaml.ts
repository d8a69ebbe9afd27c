import { Document, isMap, isSeq, visit, type Node, type YAMLMap } from 'yaml';

import { KUBECTL_YAML_OPTIONS, parseOneDocument, rangeOfPath, splitDocuments, type Chunk } from '../bundle';
import { detectLayout, type LayoutStyle } from '../bundle/render';
import { printObject, readsAs } from './print';
import type { ParsedDocument, SyntaxProblem } from '../bundle';
import type { FileReport, Locator } from './file-report';
import { hostileKeys, hostileKeyMessage } from './safety';
import {
  deleteServerFieldsFromNode,
  deleteServerFieldsFromText,
  isServerOutput,
  withoutServerFields,
} from './server-fields';

/**
 * Reads a YAML file document by document, split and parsed exactly as the bundle will be.
 * Documents the user wrote are copied verbatim (comments and layout intact); only objects that
 * came from a cluster lose their server-set fields, spliced out line by line. A `kind: List`
 * (or `ServiceEntryList`, ...) becomes one document per item, cleaned the same way.
 */
export function readYaml(report: FileReport): void {
  let pending = ''; // comments of a document with no content, kept with the next document
  for (const chunk of splitDocuments(report.text)) {
    const parsed = parseOneDocument(chunk.text);
    // kubectl skips empty documents and those that are only null: so does the import.
    if (parsed.empty) {
      pending += commentLines(chunk.text);
      continue;
    }
    const before = report.objects.length;
    readDocument(report, chunk, parsed);
    const first = report.objects[before];
    if (pending && first) {
      first.document.text = pending + first.document.text;
      pending = '';
    }
  }
  // An empty document would only be noise in the design: trailing comments join the last one.
  const last = report.objects[report.objects.length - 1];
  if (pending && last) last.document.text += pending;
}

/** The comments of an empty document (only markers, comments and a null can stand before them). */
function commentLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.includes('#'))
    .map((line) => `${line.slice(line.indexOf('#'))}\n`)
    .join('');
}

function readDocument(report: FileReport, chunk: Chunk, parsed: ParsedDocument): void {
  let failed = false;
  for (const problem of parsed.problems) {
    const offset = chunk.start + problem.range.start;
    if (problem.severity === 'warning') {
      report.note(problem.message, offset);
    } else {
      report.problem(syntaxMessage(problem, parsed), offset);
      failed = true;
    }
  }
  const root = parsed.root;
  if (failed || !root) return;
  const hostile = hostileKeys(root);
  for (const { offset, key } of hostile) report.problem(hostileKeyMessage(key), chunk.start + offset);
  if (hostile.length > 0) return;
  const body = documentBody(chunk.text);
  if (body.directives) {
    report.note('the %YAML or %TAG directive of this document is not kept; it is printed anew', chunk.start);
  }
  const single = parsed.resources.length === 1 && parsed.resources[0]!.pathInDocument.length === 0;
  if (single) readObject(report, chunk, parsed, body);
  else readList(report, chunk, parsed, body.directives);
}

/** One object: copied as written, unless it came from a cluster (then its server fields go). */
function readObject(report: FileReport, chunk: Chunk, parsed: ParsedDocument, body: Body): void {
  const { value } = parsed.resources[0]!;
  const placed = { value, path: [], locate: locatorIn(parsed.root!, chunk.start) };
  if (!body.directives && !isServerOutput(value)) {
    report.add(placed, value, { text: body.text, verified: body.exact });
    return;
  }
  const cleaned = isServerOutput(value) ? withoutServerFields(value) : { value, removed: [] };
  report.cleaned(cleaned.removed);
  const edited = body.directives ? undefined : deleteServerFieldsFromText(body.text, value);
  const document =
    edited !== undefined && readsAs(edited, cleaned.value)
      ? { text: edited, verified: true }
      : printObject(cleaned.value, detectLayout(chunk.text));
  report.add(placed, cleaned.value, document);
}

/** A List: one document per item, each without server-set fields. */
function readList(report: FileReport, chunk: Chunk, parsed: ParsedDocument, directives: boolean): void {
  const root = parsed.root as YAMLMap;
  const kind = String(root.get('kind') ?? 'List');
  const itemsNode = root.get('items', true);
  const items = isSeq(itemsNode) ? (itemsNode.items as (Node | null)[]) : [];
  const listOffset = chunk.start + (root.range?.[0] ?? 0);
  const count = items.length === 1 ? 'one item' : `${items.length} items`;
  report.note(
    items.length === 0
      ? `this ${kind} has no items; nothing is added from it`
      : `expanded this ${kind} of ${count} into one document per item`,
    listOffset,
  );
  const layout = detectLayout(chunk.text);
  const locate = locatorIn(root, chunk.start);
  const resources = new Map(parsed.resources.map((r) => [r.pathInDocument[1], r]));
  // Printing each item's value is exact and fast; only comments need the item's own nodes.
  const keepNodes = !directives && hasComments(parsed.yaml);
  let leadingComment = [
    parsed.yaml.commentBefore,
    root.commentBefore,
    isSeq(itemsNode) ? itemsNode.commentBefore : null,
  ]
    .filter((c): c is string => typeof c === 'string' && c !== '')
    .join('\n');
  items.forEach((node, index) => {
    const resource = resources.get(index);
    if (!isMap(node) || !resource) {
      const at = node?.range?.[0] ?? itemsNode?.range?.[0] ?? 0;
      report.problem(`items[${index}] of this ${kind} is not an object`, chunk.start + at);
      return;
    }
    const cleaned = withoutServerFields(resource.value);
    report.cleaned(cleaned.removed);
    const printed = keepNodes ? printNode(node, leadingComment, layout) : undefined;
    leadingComment = '';
    const document =
      printed !== undefined && readsAs(printed, cleaned.value)
        ? { text: printed, verified: true }
        : printObject(cleaned.value, layout);
    report.add({ value: resource.value, path: ['items', index], locate }, cleaned.value, document);
  });
}

/** Locates paths in a document's tree; `base` is where the document starts in the file. */
function locatorIn(root: Node, base: number): Locator {
  return (path, target) => base + rangeOfPath(root, path, target).start;
}

/** Prints a List item from its own nodes (so its comments survive), without server-set fields. */
function printNode(node: YAMLMap, commentBefore: string, layout: LayoutStyle): string | undefined {
  try {
    const copy = node.clone() as YAMLMap;
    deleteServerFieldsFromNode(copy);
    const doc = new Document(null, KUBECTL_YAML_OPTIONS);
    doc.contents = copy;
    if (commentBefore) doc.commentBefore = commentBefore;
    return doc.toString({
      indent: layout.indent,
      indentSeq: layout.indentSequences,
      lineWidth: 0,
      minContentWidth: 0,
    });
  } catch {
    return undefined; // e.g. an alias to an anchor in another item: the value is printed instead
  }
}

function hasComments(doc: Document.Parsed): boolean {
  if (doc.commentBefore || doc.comment) return true;
  let found = false;
  visit(doc, (_, node) => {
    const withComments = node as { commentBefore?: string | null; comment?: string | null };
    if (withComments.commentBefore || withComments.comment) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

// Lines that may come before a document's `---`: blank lines, comments and directives.
const HEAD = /^((?:[ \t]*(?:#[^\n]*)?\n|%[^\n]*\n)*)---(?=[ \t]|\n|$)[ \t]*(\n|$)?/;

/** A document's text as the import writes it. */
interface Body {
  /** The text without its `---` marker line and directives, ending in a newline. */
  text: string;
  /** True when the document had a `%YAML` or `%TAG` directive (then it is printed anew). */
  directives: boolean;
  /** True when only a bare marker line (or nothing) was taken out, so the text reads as before. */
  exact: boolean;
}

/**
 * A document's text without its `---` marker line (the import joins documents with its own)
 * and without directives. Whatever follows the marker on its line (a comment, a tag) stays, on
 * a line of its own.
 */
function documentBody(chunk: string): Body {
  const head = HEAD.exec(chunk);
  if (!head) return { text: withNewline(chunk), directives: false, exact: true };
  const before = head[1]!;
  const directives = /^%/m.test(before);
  const text = before.replace(/^%[^\n]*\n/gm, '') + chunk.slice(head[0].length);
  return { text: withNewline(text), directives, exact: !directives && head[2] !== undefined };
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

function syntaxMessage(problem: SyntaxProblem, parsed: ParsedDocument): string {
  switch (problem.code) {
    case 'ALIAS_LIMIT':
      return (
        'the YAML aliases in this document expand to too many nodes (a "billion laughs" alias bomb?), ' +
        'so it was not read'
      );
    case 'RESOURCE_EXHAUSTION':
      return 'this document is nested too deeply to be read';
    case 'NOT_AN_OBJECT': {
      const what = isSeq(parsed.root) ? 'a list' : 'a plain value';
      return `this document is ${what}, not a Kubernetes object (a mapping with apiVersion, kind and metadata)`;
    }
    default:
      return problem.message;
  }
}
