import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { changeBetween } from './change';

/** Applies a change to `before`. */
function apply(before: string, change: { start: number; end: number; text: string }): string {
  return before.slice(0, change.start) + change.text + before.slice(change.end);
}

describe('changeBetween', () => {
  it('finds the smallest replacement turning one text into the other', () => {
    expect(changeBetween('resolution: DNS\n', 'resolution: STATIC\n')).toEqual({
      start: 12,
      end: 15,
      length: 6,
      text: 'STATIC',
    });
  });

  it('stays inside the range it is told was replaced, and still turns one text into the other', () => {
    const replacement = fc.record({
      before: fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' ') }),
      inserted: fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' ') }),
      at: fc.nat(),
      removed: fc.nat(),
    });
    fc.assert(
      fc.property(replacement, ({ before, inserted, at, removed }) => {
        const start = Math.min(at, before.length);
        const end = Math.min(start + removed, before.length);
        const after = before.slice(0, start) + inserted + before.slice(end);
        const within = changeBetween(before, after, { start, end, length: inserted.length });
        expect(apply(before, within)).toBe(after);
        expect(within.start).toBeGreaterThanOrEqual(start);
        expect(within.end).toBeLessThanOrEqual(end);
        expect(within.text.length).toBeLessThanOrEqual(inserted.length);
      }),
    );
  });
});
