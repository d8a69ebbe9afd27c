import { describe, expect, it } from 'vitest';

import { createDeriver } from '../derivation';

describe('where a diagnostic points', () => {
  it('stays inside the text, and underlines the key of a field left empty at its very end', () => {
    // 88 characters, the last a key with no value: the finding about it once ran to [88, 89).
    const text =
      'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec:\n  hosts:';
    expect(text).toHaveLength(88);
    const { diagnostics } = createDeriver()(text);
    const hosts = diagnostics.find((d) => d.code === 'SE-01')!;
    expect(text.slice(hosts.range.start, hosts.range.end)).toBe('hosts');
    for (const d of diagnostics) {
      expect(d.range.start, d.code).toBeLessThanOrEqual(d.range.end);
      expect(d.range.end, d.code).toBeLessThanOrEqual(text.length);
    }
  });
});
