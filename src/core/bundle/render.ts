import { Document, isAlias, isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';

import { KUBECTL_YAML_OPTIONS } from './kubectl-yaml/schema';

/** How a document lays out block YAML, so inserted text matches what is around it. */
export interface LayoutStyle {
  /** Spaces per nesting level. */
  indent: number;
  /** Whether `- ` items sit deeper than their parent key (`key:\n  - a`) or level with it. */
  indentSequences: boolean;
}

/** Reads the indentation style of a document's text; falls back to 2 spaces, indented lists. */
export function detectLayout(text: string): LayoutStyle {
  let indent = 0;
  let indentSequences: boolean | undefined;
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length && (indent === 0 || indentSequences === undefined); i++) {
    const keyLine = /^( *)[^\s#-][^:#]*:\s*(?:#.*)?$/.exec(lines[i]!);
    if (!keyLine) continue;
    const next = /^( *)(- )?\S/.exec(lines[i + 1]!);
    if (!next) continue;
    const depth = next[1]!.length - keyLine[1]!.length;
    if (next[2]) indentSequences ??= depth > 0;
    else if (depth > 0 && indent === 0) indent = depth;
  }
  return { indent: indent || 2, indentSequences: indentSequences ?? true };
}

/**
 * Prints a plain value as block YAML in the given layout, as a person writes it: maps and lists one
 * entry a line, nested `indent` spaces deeper, list dashes level with their key or deeper as the
 * layout says, and an item's fields lined up after its dash. Only empty maps and lists are `{}` and
 * `[]`. Strings that kubectl (go-yaml v2) would read as a boolean, number or null are quoted, so
 * `"yes"` and `"0o17"` stay strings, and a key named `<<` stays a key.
 */
export function renderYaml(value: unknown, layout: LayoutStyle): string {
  return isCollection(value) ? blockLines(value, layout, 0).join('\n') : renderScalar(value, layout, 0);
}

type Collection = Record<string, unknown> | unknown[];

/** A map or list with entries: printed over lines (empty ones print inline as `{}` and `[]`). */
function isCollection(value: unknown): value is Collection {
  if (value === null || typeof value !== 'object') return false;
  return Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0;
}

/** The lines of a map's keys or a list's dashes, starting at `column`. */
function blockLines(value: Collection, layout: LayoutStyle, column: number): string[] {
  const pad = ' '.repeat(column);
  const out: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!isCollection(item)) {
        out.push(`${pad}- ${renderScalar(item, layout, column + 2)}`);
        continue;
      }
      // The item's first entry shares the dash's line; the others line up under it.
      const [first, ...rest] = blockLines(item, layout, column + 2);
      out.push(`${pad}- ${first!.slice(column + 2)}`, ...rest);
    }
    return out;
  }
  for (const [key, item] of Object.entries(value)) {
    const head = `${pad}${renderKey(key, layout)}:`;
    if (!isCollection(item)) {
      out.push(`${head} ${renderScalar(item, layout, column + layout.indent)}`);
      continue;
    }
    const nested = Array.isArray(item) && !layout.indentSequences ? column : column + layout.indent;
    out.push(head, ...blockLines(item, layout, nested));
  }
  return out;
}

/** A map key; `<<` printed plain would be YAML 1.1's merge key, so it is tagged a string. */
function renderKey(key: string, layout: LayoutStyle): string {
  if (key === '<<') return '!!str "<<"';
  // A key is one line: a multi-line one is double-quoted, with its line breaks escaped.
  return key.includes('\n') ? doubleQuoted(key) : renderScalar(key, layout, 0);
}

function doubleQuoted(text: string): string {
  const document = new Document(text, KUBECTL_YAML_OPTIONS);
  (document.contents as Scalar).type = Scalar.QUOTE_DOUBLE;
  return document.toString({ lineWidth: 0 }).replace(/\n$/, '');
}

/**
 * A scalar (or an empty map or list) on the rest of a line; a multi-line string as a block scalar
 * whose lines sit at `bodyColumn`.
 */
function renderScalar(value: unknown, layout: LayoutStyle, bodyColumn: number): string {
  const printed = new Document(value, KUBECTL_YAML_OPTIONS)
    .toString({ indent: layout.indent, lineWidth: 0, minContentWidth: 0 })
    .replace(/\n$/, '');
  const [header, ...body] = printed.split('\n');
  if (body.length === 0) return printed;
  // An indentation indicator (`|2-`: the text starts with spaces) counts from the parent's column:
  // double quotes say the same without depending on where the scalar lands.
  if (!/^[|>][-+]?$/.test(header!)) return doubleQuoted(value as string);
  const pad = ' '.repeat(bodyColumn);
  return [header, ...body.map((line) => (line ? pad + line : line))].join('\n');
}

/** True when a value prints on one line (scalars and empty collections). */
export function isInlineValue(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'string' || !value.includes('\n');
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/**
 * Prints a scalar to replace `previous`, keeping the previous quoting style when the new value
 * allows it (a double-quoted string stays double-quoted). `inFlow` when it stands inside `[ ]`
 * or `{ }`, where fewer strings may go unquoted.
 */
export function renderScalarLike(
  value: unknown,
  previous: Node | null,
  layout: LayoutStyle,
  inFlow = false,
): string {
  // An empty string had to be quoted; what replaces it is written plainly when it can be.
  if (typeof value === 'string' && isScalar(previous) && previous.value !== '') {
    const style = previous.type;
    if (style === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
    if (style === Scalar.QUOTE_SINGLE && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  }
  return inFlow ? renderFlow(value) : renderYaml(value, layout);
}

const FLOW_LAYOUT: LayoutStyle = { indent: 2, indentSequences: true };

/**
 * Prints a value in flow style (`[a, b]`, `{k: v}`), to stand inside `[ ]` or `{ }`. A string is
 * written plain only when kubectl's scanner (go-yaml) reads it back whole there: not with `,`,
 * brackets or braces, `?` anywhere, or `:` first; otherwise double-quoted.
 */
export function renderFlow(value: unknown): string {
  if (typeof value === 'string') {
    const plain = renderYaml(value, FLOW_LAYOUT);
    const quoted = /^["'|>]/.test(plain);
    return quoted || /[,[\]{}?]|^:/.test(value) ? JSON.stringify(value) : plain;
  }
  if (value === null || typeof value !== 'object') return renderYaml(value, FLOW_LAYOUT);
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${renderFlowKey(k)}: ${renderFlow(v)}`,
  );
  return `{${entries.join(', ')}}`;
}

/** A map key in flow style; `<<` stays a plain string key, never the merge key. */
function renderFlowKey(key: string): string {
  return key === '<<' ? '"<<"' : renderFlow(key);
}

/** Indents every line but the first by `spaces`. */
export function indentTail(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text.replace(/\n(?!\n|$)/g, `\n${pad}`);
}

/** Offset just past the last character that belongs to a node's content (not trailing comments). */
export function contentEnd(node: Node | null | undefined, fallback: number): number {
  if (!node?.range) return fallback;
  if (isScalar(node) || isAlias(node)) return node.range[1];
  if ((isMap(node) || isSeq(node)) && node.flow) return node.range[1];
  if (isMap(node)) {
    const last = node.items.at(-1);
    if (!last) return node.range[0];
    const keyEnd = isScalar(last.key) && last.key.range ? last.key.range[1] : node.range[0];
    return Math.max(keyEnd, contentEnd(last.value as Node | null, keyEnd));
  }
  if (isSeq(node)) {
    const last = node.items.at(-1) as Node | undefined;
    return last ? contentEnd(last, node.range[0]) : node.range[0];
  }
  return fallback;
}
