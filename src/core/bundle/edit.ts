import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

import { locate } from './locate';
import { readYamlDocument } from './kubectl-yaml/read';
import {
  contentEnd,
  detectLayout,
  indentTail,
  isInlineValue,
  renderFlow,
  renderScalarLike,
  renderYaml,
  type LayoutStyle,
} from './render';
import type { PathSegment } from './types';

/** A change to one field of one YAML document. Paths are from the document root. */
export type FieldEdit =
  | { kind: 'set'; path: readonly PathSegment[]; value: unknown }
  | { kind: 'delete'; path: readonly PathSegment[]; prune?: boolean }
  | { kind: 'insert'; path: readonly PathSegment[]; index: number; value: unknown };

/** The outcome of an edit: the new text, or why the edit cannot be made. */
export type EditResult = { ok: true; text: string } | { ok: false; error: string };

/**
 * Applies one field edit to the text of a single YAML document by splicing only the text of the
 * nodes it touches: every byte outside them, comments included, is left as it was. Setting a
 * field to the value it already has returns the text unchanged. `delete` with `prune` also
 * removes parents that the deletion leaves empty (Istio rejects empty policy blocks).
 */
export function editDocumentText(text: string, edit: FieldEdit): EditResult {
  const doc = readYamlDocument(text);
  if (doc.errors.length > 0)
    return { ok: false, error: `The document does not parse: ${doc.errors[0]!.message}` };
  const session: Session = {
    text,
    root: doc.contents as Node | null,
    layout: detectLayout(text),
    plain: doc.toJS(),
  };
  try {
    if (edit.kind === 'set') return { ok: true, text: setField(session, edit.path, edit.value) };
    if (edit.kind === 'delete')
      return { ok: true, text: deleteField(session, edit.path, edit.prune ?? false) };
    return { ok: true, text: insertItem(session, edit.path, edit.index, edit.value) };
  } catch (error) {
    if (error instanceof EditError) return { ok: false, error: error.message };
    throw error;
  }
}

class EditError extends Error {}

interface Session {
  text: string;
  root: Node | null;
  layout: LayoutStyle;
  plain: unknown;
}

function setField(s: Session, path: readonly PathSegment[], value: unknown): string {
  if (path.length === 0) throw new EditError('An edit needs a field path');
  const found = locate(s.root, path);
  if (found.depth === path.length) {
    if (deepEqual(valueAt(s.plain, path), value)) return s.text;
    return replaceValue(s, found.node, found.pair, value, inFlowAt(s.root, path));
  }
  const parentPath = path.slice(0, found.depth);
  const parent = found.depth === 0 ? { node: s.root, pair: null } : locate(s.root, parentPath);
  const rest = path.slice(found.depth);
  const head = rest[0]!;
  const nested = wrap(rest.slice(1), value);
  const container = parent.node;
  if (!container || (isScalar(container) && container.value === null)) {
    if (found.depth === 0) throw new EditError('The document is empty');
    return replaceValue(s, container, parent.pair, wrap([head], nested), inFlowAt(s.root, parentPath));
  }
  // An empty `{}` or `[]` in block context is a placeholder: what fills it is written in block style.
  if (isEmptyFlow(container) && !inFlowAt(s.root, parentPath)) {
    return replaceValue(s, container, parent.pair, wrap([head], nested), false);
  }
  if (isMap(container) && typeof head === 'string') return insertPair(s, container, head, nested);
  if (isSeq(container) && typeof head === 'number' && head >= container.items.length) {
    return insertSeqItem(s, container, container.items.length, nested);
  }
  throw new EditError(
    `Cannot create ${String(head)} inside a ${isScalar(container) ? 'scalar' : 'different'} value`,
  );
}

function deleteField(s: Session, path: readonly PathSegment[], prune: boolean): string {
  const found = locate(s.root, path);
  if (found.depth < path.length || path.length === 0) return s.text;
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length === 0 ? s.root : locate(s.root, parentPath).node;
  if (!isMap(parent) && !isSeq(parent)) return s.text;
  if (parent.items.length === 1 && parentPath.length > 0) {
    return prune ? deleteField(s, parentPath, prune) : setField(s, parentPath, isMap(parent) ? {} : []);
  }
  const index = isMap(parent)
    ? parent.items.indexOf(found.pair as Pair<unknown, unknown>)
    : (path.at(-1) as number);
  return parent.flow ? removeFlowEntry(s, parent, index) : removeBlockEntry(s, parent, index);
}

function insertItem(s: Session, path: readonly PathSegment[], index: number, value: unknown): string {
  const found = locate(s.root, path);
  const empty = isScalar(found.node) && found.node.value === null;
  if (found.depth < path.length || empty || (isEmptyFlow(found.node) && !inFlowAt(s.root, path))) {
    return setField(s, path, [value]);
  }
  if (!isSeq(found.node)) throw new EditError('Items can only be inserted into a list');
  return insertSeqItem(s, found.node, Math.max(0, Math.min(index, found.node.items.length)), value);
}

/** True for `{}` and `[]`. */
function isEmptyFlow(node: Node | null): boolean {
  return (isMap(node) || isSeq(node)) && node.flow === true && node.items.length === 0;
}

/** True when the value at `path` stands inside a flow collection (`[ ]` or `{ }`). */
function inFlowAt(root: Node | null, path: readonly PathSegment[]): boolean {
  let node = root;
  for (const segment of path) {
    if ((isMap(node) || isSeq(node)) && node.flow) return true;
    node = locate(node, [segment]).node;
  }
  return false;
}

function replaceValue(
  s: Session,
  node: Node | null,
  pair: Pair | null,
  value: unknown,
  inFlow: boolean,
): string {
  const inline = isInlineValue(value);
  if (node && isScalar(node) && node.range && inline && (value === null || typeof value !== 'object')) {
    const rendered = renderScalarLike(value, node, s.layout, inFlow);
    const [start, end] = node.range;
    const needsSpace = start === end && pair !== null && s.text[start - 1] === ':';
    return splice(s.text, start, end, (needsSpace ? ' ' : '') + rendered);
  }
  // Inside [ ] or { }, or in place of a non-empty one, the new value is written in flow style too.
  if (inFlow || ((isMap(node) || isSeq(node)) && node.flow && node.items.length > 0)) {
    const start = pair ? colonEnd(s.text, pair) : node?.range?.[0];
    if (start === undefined) throw new EditError('Cannot locate the value to replace');
    const end = node ? contentEnd(node, start) : start;
    return splice(s.text, start, end, `${pair ? ' ' : ''}${renderFlow(value)}`);
  }
  const rendered = renderYaml(value, s.layout);
  if (pair) {
    const afterColon = colonEnd(s.text, pair);
    const end = node ? contentEnd(node, afterColon) : afterColon;
    if (inline) return splice(s.text, afterColon, end, ` ${rendered}`);
    const keyColumn = columnOf(s.text, (pair.key as Node).range![0]);
    // A block scalar (`|-` and its lines): the header stays on the key's line, the lines go under it.
    const [header, ...body] = rendered.split('\n');
    if (/^[|>][-+]?\d*$/.test(header!)) {
      const margin = Math.min(...body.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
      const lines = body.map((l) =>
        l.trim() ? ' '.repeat(keyColumn + s.layout.indent) + l.slice(margin) : '',
      );
      return splice(s.text, afterColon, end, ` ${header}\n${lines.join('\n')}`);
    }
    const childIndent =
      Array.isArray(value) && !s.layout.indentSequences ? keyColumn : keyColumn + s.layout.indent;
    return splice(s.text, afterColon, end, `\n${indentAll(rendered, childIndent)}`);
  }
  if (!node?.range) throw new EditError('Cannot locate the value to replace');
  const start = node.range[0];
  return splice(s.text, start, contentEnd(node, start), indentTail(rendered, columnOf(s.text, start)));
}

function insertPair(s: Session, map: YAMLMap, key: string, value: unknown): string {
  if (map.flow) {
    const close = map.range![1] - 1;
    const entry = renderFlow({ [key]: value }).slice(1, -1);
    return splice(s.text, close, close, `${map.items.length ? ', ' : ''}${entry}`);
  }
  const firstKey = map.items[0]?.key as Node | undefined;
  const column = firstKey?.range ? columnOf(s.text, firstKey.range[0]) : 0;
  const entry = indentTail(renderYaml({ [key]: value }, s.layout), column);
  return insertLineAfter(s.text, contentEnd(map, map.range![0]), ' '.repeat(column) + entry);
}

function insertSeqItem(s: Session, seq: YAMLSeq, index: number, value: unknown): string {
  if (seq.flow) {
    const items = seq.items as Node[];
    const rendered = renderFlow(value);
    if (index < items.length)
      return splice(s.text, items[index]!.range![0], items[index]!.range![0], `${rendered}, `);
    const close = seq.range![1] - 1;
    return splice(s.text, close, close, `${items.length ? ', ' : ''}${rendered}`);
  }
  const items = seq.items as Node[];
  const dash = dashOffset(s.text, items[0]!);
  const column = columnOf(s.text, dash);
  const entry = ' '.repeat(column) + indentTail(renderYaml([value], s.layout), column);
  if (index < items.length) {
    const lineStart = lineStartOf(s.text, dashOffset(s.text, items[index]!));
    return splice(s.text, lineStart, lineStart, `${entry}\n`);
  }
  return insertLineAfter(s.text, contentEnd(seq, seq.range![0]), entry);
}

function removeBlockEntry(s: Session, parent: YAMLMap | YAMLSeq, index: number): string {
  const item = parent.items[index] as Pair | Node;
  const isPairItem = isMap(parent);
  const start = isPairItem ? ((item as Pair).key as Node).range![0] : dashOffset(s.text, item as Node);
  const last = isPairItem ? ((item as Pair).value as Node | null) : (item as Node);
  const end = lineEndOf(
    s.text,
    contentEnd(last, isPairItem ? ((item as Pair).key as Node).range![1] : start),
  );
  const lineStart = lineStartOf(s.text, start);
  if (s.text.slice(lineStart, start).trim() === '') return splice(s.text, lineStart, end, '');
  // The entry shares its line with a list dash (`- name: x`): pull the next entry up instead.
  const next = parent.items[index + 1] as Pair | undefined;
  if (isPairItem && next) return splice(s.text, start, (next.key as Node).range![0], '');
  throw new EditError('This entry shares its line with another and cannot be removed on its own');
}

function removeFlowEntry(s: Session, parent: YAMLMap | YAMLSeq, index: number): string {
  const startOf = (i: number): number => {
    const item = parent.items[i] as Pair | Node;
    return isMap(parent) ? ((item as Pair).key as Node).range![0] : (item as Node).range![0];
  };
  const endOf = (i: number): number => {
    const item = parent.items[i] as Pair | Node;
    if (isMap(parent))
      return contentEnd((item as Pair).value as Node | null, ((item as Pair).key as Node).range![1]);
    return contentEnd(item as Node, (item as Node).range![1]);
  };
  if (index + 1 < parent.items.length) return splice(s.text, startOf(index), startOf(index + 1), '');
  return splice(s.text, endOf(index - 1), endOf(index), '');
}

function wrap(path: readonly PathSegment[], value: unknown): unknown {
  return path.reduceRight<unknown>(
    (inner, segment) => (typeof segment === 'number' ? [inner] : { [segment]: inner }),
    value,
  );
}

function valueAt(plain: unknown, path: readonly PathSegment[]): unknown {
  let current = plain;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Structural equality of plain data (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function colonEnd(text: string, pair: Pair): number {
  const keyEnd = (pair.key as Node).range![1];
  const colon = text.indexOf(':', keyEnd);
  return colon === -1 ? keyEnd : colon + 1;
}

function dashOffset(text: string, item: Node): number {
  const dash = text.lastIndexOf('-', item.range![0]);
  return dash === -1 ? item.range![0] : dash;
}

function insertLineAfter(text: string, offset: number, line: string): string {
  const at = lineEndOf(text, offset);
  if (at === text.length && !text.endsWith('\n')) return `${text}\n${line}`;
  return splice(text, at, at, `${line}\n`);
}

function indentAll(text: string, spaces: number): string {
  return ' '.repeat(spaces) + indentTail(text, spaces);
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the newline that ends the line containing `offset` (or the text end). */
function lineEndOf(text: string, offset: number): number {
  const from = offset > 0 && text[offset - 1] === '\n' ? offset - 1 : offset;
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}
