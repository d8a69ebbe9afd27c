import { Document, isAlias, isMap, isScalar, isSeq, Scalar, visit, type Node } from 'yaml';

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
 * Prints a plain value as YAML in the given layout. Strings that YAML 1.1 (what Kubernetes
 * reads) would take for a boolean, number or null are quoted, so `"yes"` stays a string, and a
 * key named `<<` stays a key.
 */
export function renderYaml(value: unknown, layout: LayoutStyle): string {
  const document = new Document(value, { schema: 'yaml-1.1' });
  // A key named `<<` printed plain is YAML 1.1's merge key: it must stay an ordinary string key.
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '<<') {
        pair.key.tag = 'tag:yaml.org,2002:str';
        pair.key.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return document
    .toString({ indent: layout.indent, indentSeq: layout.indentSequences, lineWidth: 0, minContentWidth: 0 })
    .replace(/\n$/, '');
}

/** True when a value prints on one line (scalars and empty collections). */
export function isInlineValue(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'string' || !value.includes('\n');
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/**
 * Prints a scalar to replace `previous`, keeping the previous quoting style when the new value
 * allows it (a double-quoted string stays double-quoted).
 */
export function renderScalarLike(value: unknown, previous: Node | null, layout: LayoutStyle): string {
  // An empty string had to be quoted; what replaces it is written plainly when it can be.
  if (typeof value === 'string' && isScalar(previous) && previous.value !== '') {
    const style = previous.type;
    const plain = renderYaml(value, layout);
    if (style === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
    if (style === Scalar.QUOTE_SINGLE && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
    return plain;
  }
  return renderYaml(value, layout);
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
