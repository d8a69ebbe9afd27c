import { isMap, isSeq, type Document } from 'yaml';

import { readYamlDocument } from './kubectl-yaml/read';
import { MergeError } from './kubectl-yaml/schema';
import { objectName, resourceKey, resourceRef } from './ref';
import { problemAt, syntaxProblems } from './syntax-problems';
import type { ParsedDocument, ResourceData, SyntaxProblem } from './types';

// Alias expansion above this many nodes is refused: it is how "billion laughs" bombs look.
const MAX_ALIAS_COUNT = 1000;

/**
 * Parses the text of one YAML document as kubectl reads it. YAML errors, alias bombs and
 * non-object documents become {@link SyntaxProblem}s; it throws only where the result would
 * depend on more than the text (the call stack running out), so that no such result is cached. An empty document, or one that is
 * only `null` or `~`, holds nothing and is no problem: kubectl skips it. The result is immutable
 * and depends only on `text`, so callers may cache it by text.
 */
export function parseOneDocument(text: string): ParsedDocument {
  const yaml = readYamlDocument(text);
  const problems = syntaxProblems(yaml, text);
  const root = yaml.contents;
  const resources: ResourceData[] = [];
  let empty = root === null && problems.length === 0;
  if (root && !problems.some((p) => p.severity === 'error')) {
    const plain = toPlain(yaml, problems, text);
    empty = plain === null && problems.length === 0;
    if (plain !== undefined && plain !== null) collectResources(yaml, plain, resources, problems);
  }
  return { text, yaml, problems, root, resources, empty };
}

function toPlain(yaml: Document.Parsed, problems: SyntaxProblem[], text: string): unknown {
  try {
    return yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const merge = error instanceof MergeError;
    // Only what the text causes is a problem of the text. Anything else (running out of call
    // stack, a bug) must not be cached with the document as one: the caller's guard reports it.
    if (!merge && !(error instanceof ReferenceError && error.message.startsWith('Excessive alias count')))
      throw error;
    const message = merge
      ? `A merge key (<<) takes a mapping or a list of mappings: ${error.message}`
      : `The aliases (*name) here expand to more than ${MAX_ALIAS_COUNT} nodes, as an alias bomb does: kubectl refuses such a document`;
    problems.push(
      problemAt('error', merge ? 'BAD_MERGE' : 'ALIAS_LIMIT', message, [0, firstLineEnd(text)], text),
    );
    return undefined;
  }
}

function collectResources(
  yaml: Document.Parsed,
  plain: unknown,
  out: ResourceData[],
  problems: SyntaxProblem[],
): void {
  const root = yaml.contents;
  if (!isMap(root) || !isRecord(plain)) {
    const range = root?.range ?? [0, 0];
    problems.push({
      severity: 'error',
      code: 'NOT_AN_OBJECT',
      message: 'A Kubernetes document must be a mapping with apiVersion, kind and metadata',
      range: { start: range[0], end: range[1] },
    });
    return;
  }
  const items = plain['items'];
  const itemsNode = root.get('items', true);
  if (isListKind(plain['kind']) && Array.isArray(items) && isSeq(itemsNode)) {
    items.forEach((item, index) => {
      const node = itemsNode.items[index];
      if (isRecord(item) && isMap(node)) out.push(describe(item, node, ['items', index]));
    });
    return;
  }
  out.push(describe(plain, root, []));
}

function describe(
  value: Record<string, unknown>,
  node: ResourceData['node'],
  path: ResourceData['pathInDocument'],
): ResourceData {
  const named = objectName(value);
  return {
    apiVersion: typeof value['apiVersion'] === 'string' ? value['apiVersion'] : '',
    ...named,
    ref: resourceRef(named),
    key: resourceKey(named),
    value,
    node,
    pathInDocument: path,
  };
}

/** `List` and the typed lists kubectl prints (`ServiceEntryList`, ...) hold their objects in `items`. */
function isListKind(kind: unknown): boolean {
  return typeof kind === 'string' && kind.endsWith('List');
}

/** True for a plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLineEnd(text: string): number {
  const newline = text.indexOf('\n');
  return newline === -1 ? text.length : newline;
}
