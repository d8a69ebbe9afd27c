import type { TextChange } from './bundle';
import type { SourceRange } from './lines';

/**
 * The smallest single replacement turning `before` into `after` (their common prefix and suffix
 * kept), with the replacing text: how an editor applies an outside change, and the exact change
 * range `parseBundle` can take. Linear in the length of the texts, or of `within` when the caller
 * knows that only that range of `before` was replaced (by `within.length` characters).
 */
export function changeBetween(
  before: string,
  after: string,
  within?: TextChange,
): TextChange & { text: string } {
  if (within) {
    // Only the known range can differ: compare inside it, so the cost is the range's, not the text's.
    const inner = changeBetween(
      before.slice(within.start, within.end),
      after.slice(within.start, within.start + within.length),
    );
    return { ...inner, start: inner.start + within.start, end: inner.end + within.start };
  }
  const shorter = Math.min(before.length, after.length);
  const start = commonPrefix(before, after, shorter);
  const tail = commonSuffix(before, after, shorter - start);
  const text = after.slice(start, after.length - tail);
  return { start, end: before.length - tail, length: text.length, text };
}

// Texts are compared a block at a time (the engine compares a block's characters at memory speed,
// a character at a time in script is ~50 times slower: milliseconds per keystroke in a large
// design), narrowing to single characters where they differ.
const BLOCKS = [16384, 1024, 64] as const;

/** How many characters `a` and `b` share from their start, at most `limit`. */
function commonPrefix(a: string, b: string, limit: number): number {
  let at = 0;
  for (const block of BLOCKS)
    while (at + block <= limit && a.slice(at, at + block) === b.slice(at, at + block)) at += block;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** How many characters `a` and `b` share at their end, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let at = 0;
  for (const block of BLOCKS)
    while (
      at + block <= limit &&
      a.slice(a.length - at - block, a.length - at) === b.slice(b.length - at - block, b.length - at)
    )
      at += block;
  while (at < limit && a.charCodeAt(a.length - 1 - at) === b.charCodeAt(b.length - 1 - at)) at++;
  return at;
}

/**
 * One change covering `first` (of some text) followed by `second` (of the text `first` made): the
 * range of the original text that the two replaced, and how long it now is. Lets a caller that
 * defers parsing hand `parseBundle` one exact range for many keystrokes.
 */
export function composeChanges(first: TextChange, second: TextChange): TextChange {
  const grew = first.length - (first.end - first.start);
  // The covered region, in the coordinates of the text between the two changes.
  const start = Math.min(first.start, second.start);
  const middleEnd = Math.max(first.start + first.length, second.end);
  const secondGrew = second.length - (second.end - second.start);
  return { start, end: middleEnd - grew, length: middleEnd + secondGrew - start };
}

/**
 * Where `range` of a text is after `change` of it: the same object when the change leaves it where
 * it is (before it, or moved by nothing), moved by what the change added or removed when after it,
 * and undefined when the change replaced any of it (a range of nothing inside the replaced text too).
 */
export function movePastChange(range: SourceRange, change: TextChange): SourceRange | undefined {
  if (range.end > change.start && range.start < change.end) return undefined;
  const by = change.length - (change.end - change.start);
  return range.start < change.end || by === 0 ? range : { start: range.start + by, end: range.end + by };
}
