import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';

import type { SourceRange } from './lines';
import type { PathSegment } from './types';

/** Where a field path leads in a YAML tree: the deepest node found and how far the path got. */
export interface Located {
  /** The node at the end of the path, or at the deepest existing step. */
  node: Node | null;
  /** The map pair holding `node`, when `node` is a map value. */
  pair: Pair | null;
  /** How many path segments were found (equal to the path length when the field exists). */
  depth: number;
}

/** Follows `path` from `root` through maps (by key) and sequences (by index). */
export function locate(root: Node | null, path: readonly PathSegment[]): Located {
  let node: Node | null = root;
  let pair: Pair | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node) && typeof segment === 'string') {
      const found = pairByKey(node.items, segment);
      if (!found) break;
      pair = found as Pair;
      node = (found.value as Node | null) ?? null;
      if (!node) {
        depth++;
        break;
      }
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      pair = null;
      node = node.items[segment] as Node;
    } else {
      break;
    }
    depth++;
  }
  return { node, pair, depth };
}

/** Maps at least this long are looked up through an index rather than item by item. */
const INDEXED_MAP_SIZE = 64;

/** Per map's items: the first item of each scalar key, and how many items there were. */
const keyIndexes = new WeakMap<readonly Pair[], { length: number; first: Map<string, number> }>();

/**
 * The first pair of `items` whose key is the scalar `key`. A diagnostic on each of n keys of one
 * map would make a scan per key cost n² (20,000 unknown fields took seconds), so long maps are
 * indexed. Trees being edited change in place: a pair found is checked, and a miss indexes the
 * items again (the cost of the scan it replaces), so a stale index is never believed.
 */
function pairByKey(items: readonly Pair[], key: string): Pair | undefined {
  const matches = (item: Pair | undefined) => isScalar(item?.key) && String(item.key.value) === key;
  if (items.length < INDEXED_MAP_SIZE) return items.find(matches);
  const index = keyIndexes.get(items);
  const at = index?.length === items.length ? index.first.get(key) : undefined;
  if (at !== undefined && matches(items[at])) return items[at];
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const name = isScalar(item.key) ? String(item.key.value) : undefined;
    if (name !== undefined && !first.has(name)) first.set(name, i);
  });
  keyIndexes.set(items, { length: items.length, first });
  const found = first.get(key);
  return found === undefined ? undefined : items[found];
}

/** Which part of a field a diagnostic points at. */
export type RangeTarget = 'value' | 'key';

/**
 * The source range (relative to the document) a diagnostic about `path` should underline: the
 * value when it is a scalar or fits on one line, otherwise the field's key, so a problem never
 * underlines a whole block. A missing field resolves to the nearest existing ancestor's key.
 */
export function rangeOfPath(
  root: Node | null,
  path: readonly PathSegment[],
  target: RangeTarget = 'value',
  text?: string,
): SourceRange {
  const { node, pair, depth } = locate(root, path);
  const missing = depth < path.length;
  const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
  if ((target === 'key' || missing) && keyRange) return { start: keyRange[0], end: keyRange[1] };
  if (pair && !node && keyRange) return { start: keyRange[0], end: keyRange[1] };
  const range = node?.range;
  // An empty value (`hosts:` and nothing) has no character to underline: its key has.
  const empty = range !== null && range !== undefined && range[0] === range[1];
  if (!range || (empty && keyRange))
    return keyRange ? { start: keyRange[0], end: keyRange[1] } : within({ start: 0, end: 1 }, text);
  const span = within({ start: range[0], end: Math.max(range[1], range[0] + 1) }, text);
  if (isScalar(node) || !text || !text.slice(span.start, span.end).includes('\n')) return span;
  if (keyRange) return { start: keyRange[0], end: keyRange[1] };
  const lineEnd = text.indexOf('\n', span.start);
  return { start: span.start, end: lineEnd === -1 ? span.end : Math.max(lineEnd, span.start + 1) };
}

/** `range` kept inside `text` (when known): widening an empty range never reaches past the end. */
function within(range: SourceRange, text: string | undefined): SourceRange {
  if (text === undefined) return range;
  const end = Math.min(range.end, text.length);
  return { start: Math.min(range.start, end), end };
}

/** Formats a path as `spec.ports[0].name`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Parses `spec.ports[0].name` (or `metadata.labels["app.kubernetes.io/name"]`) into segments. */
export function parsePath(text: string): PathSegment[] {
  const out: PathSegment[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) out.push(match[1]);
    else if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[3] !== undefined) out.push(JSON.parse(match[3]) as string);
  }
  return out;
}
