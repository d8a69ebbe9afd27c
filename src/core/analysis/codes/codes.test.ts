import { describe, expect, it } from 'vitest';

import { codeCatalogue } from '.';

describe('the diagnostic catalogue', () => {
  it('describes every code with a title, an explanation and a fix', () => {
    for (const info of codeCatalogue.values()) {
      expect(info.title.length, info.code).toBeGreaterThan(5);
      expect(info.explanation.length, info.code).toBeGreaterThan(20);
      expect(info.fix.length, info.code).toBeGreaterThan(5);
    }
  });

  it('covers every rule id of the Istio rule families in ISTIO.md §2', () => {
    const expected = [
      ...range('SE', 25),
      ...range('EX', 6),
      ...range('DR', 19),
      ...range('VS', 22),
      ...range('GW', 14),
      ...range('SC', 10),
      ...range('GEN', 3),
    ];
    expect(expected.filter((code) => !codeCatalogue.has(code))).toEqual([]);
  });
});

function range(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
}
