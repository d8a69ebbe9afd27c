import { isMap, isPair, isScalar, isSeq, YAMLParseError, type Document, type Node } from 'yaml';

/**
 * Composer options that leave duplicate keys to {@link checkUniqueKeys}: the yaml library compares
 * each key with every key before it, so a map of n keys costs n²/2 comparisons (20,000 keys took
 * seconds), where a set of the keys seen costs n.
 */
export const COMPOSE_WITHOUT_KEY_CHECK = { uniqueKeys: false } as const;

/** How many repeated keys one document reports at most. */
const MAX_REPORTED = 1000;

/**
 * Reports a key that a map already has, as the yaml library's `uniqueKeys` does (keys are equal
 * when both are scalars of the same value; an alias or a collection equals no other key), with
 * its DUPLICATE_KEY code, at the key (the whole key, where the library marks its first character).
 * The errors go in among the parser's by position, where the library would have put them.
 */
export function checkUniqueKeys(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  // An explicit stack: the tree may be as deep as the reader allows, and no deeper call is needed.
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          // Past a thousand, more say nothing new (and each costs an error object).
          if (!seen.has(key.value)) seen.add(key.value);
          else if (found.length < MAX_REPORTED) found.push(duplicate(key));
        }
        pending.push(key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(isPair(item) ? item.value : item);
    } else if (isPair(node)) {
      pending.push(node.key, node.value);
    }
    // An alias is not followed: the node it repeats is walked where its anchor stands.
  }
  if (found.length === 0) return;
  found.sort((a, b) => a.pos[0] - b.pos[0]);
  const merged: YAMLParseError[] = [];
  let next = 0;
  for (const error of doc.errors) {
    while (next < found.length && found[next]!.pos[0] < error.pos[0]) merged.push(found[next++]!);
    merged.push(error);
  }
  doc.errors = [...merged, ...found.slice(next)];
}

function duplicate(key: Node): YAMLParseError {
  const [start = 0, end = start] = key.range ?? [];
  return new YAMLParseError([start, Math.max(end, start + 1)], 'DUPLICATE_KEY', 'Map keys must be unique');
}
