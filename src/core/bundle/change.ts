import type { TextChange } from './bundle';

/**
 * The smallest single replacement turning `before` into `after` (their common prefix and suffix
 * kept), with the replacing text: how an editor applies an outside change, and the exact change
 * range `parseBundle` can take. Linear in the length of the texts.
 */
export function changeBetween(before: string, after: string): TextChange & { text: string } {
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
