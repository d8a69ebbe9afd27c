import type { TextChange } from './bundle';

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
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < shorter - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  const text = after.slice(start, after.length - tail);
  return { start, end: before.length - tail, length: text.length, text };
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
