import type { TextChange } from '../../core';

/** The smallest single replacement turning `before` into `after`: common prefix and suffix kept. */
export function minimalChange(before: string, after: string): TextChange & { text: string } {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < shorter - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  const end = before.length - tail;
  const text = after.slice(start, after.length - tail);
  return { start, end, length: text.length, text };
}
