import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { changeBetween, composeChanges } from './change';

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

  it('keeps the longest common prefix and suffix of long texts (compared a block at a time)', () => {
    // Texts past the block sizes, differing anywhere: at a block's edge, inside one, or not at all.
    const long = fc
      .tuple(fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 40 }), fc.integer({ min: 1, max: 2500 }))
      .map(([pattern, times]) => (pattern || 'ab').repeat(times));
    const edit = fc.record({
      text: long,
      at: fc.nat(),
      removed: fc.nat(70),
      inserted: fc.string({ maxLength: 3 }),
    });
    fc.assert(
      fc.property(edit, ({ text, at, removed, inserted }) => {
        const start = at % (text.length + 1);
        const after = text.slice(0, start) + inserted + text.slice(start + removed);
        const change = changeBetween(text, after);
        expect(apply(text, change)).toBe(after);
        // The same as comparing a character at a time from either end.
        const shorter = Math.min(text.length, after.length);
        let prefix = 0;
        while (prefix < shorter && text[prefix] === after[prefix]) prefix++;
        let suffix = 0;
        while (suffix < shorter - prefix && text.at(-1 - suffix) === after.at(-1 - suffix)) suffix++;
        expect([change.start, change.end]).toEqual([prefix, text.length - suffix]);
      }),
      { numRuns: 200 },
    );
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

describe('composeChanges', () => {
  /** A random replacement in a text of `size` characters. */
  const replacement = (size: number) =>
    fc
      .tuple(fc.nat(size), fc.nat(size), fc.string({ maxLength: 6 }))
      .map(([a, b, text]) => ({ start: Math.min(a, b), end: Math.max(a, b), length: text.length, text }));

  it('covers two keystrokes with one range of the original text', () => {
    // Typing "ab" at offset 3 of "0123456789", one key at a time.
    const first = { start: 3, end: 3, length: 1 };
    const second = { start: 4, end: 4, length: 1 };
    expect(composeChanges(first, second)).toEqual({ start: 3, end: 3, length: 2 });
  });

  it('gives a range whose replacement by the final text turns the original into it, for any two edits', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }).chain((original) =>
          replacement(original.length).chain((first) => {
            const middle = apply(original, first);
            return replacement(middle.length).map((second) => ({ original, first, middle, second }));
          }),
        ),
        ({ original, first, middle, second }) => {
          const final = apply(middle, second);
          const both = composeChanges(first, second);
          expect(both.length - (both.end - both.start)).toBe(final.length - original.length);
          expect(
            original.slice(0, both.start) +
              final.slice(both.start, both.start + both.length) +
              original.slice(both.end),
          ).toBe(final);
        },
      ),
    );
  });
});
