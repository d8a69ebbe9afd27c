import { describe, expect, it } from 'vitest';
import { parseDocument, type Scalar, type YAMLMap } from 'yaml';

import { createDeriver } from '../derivation';
import { locate, rangeOfPath } from './locate';

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

describe('locate in a long map (indexed)', () => {
  const keys = Array.from({ length: 200 }, (_, i) => `k${i}: v${i}`);
  const parse = (text: string) => parseDocument(text);

  it('finds every key, the first of two alike, and misses what is not there', () => {
    const text = `${[...keys, 'k7: again'].join('\n')}\n`;
    const root = parse(text).contents;
    for (const i of [0, 63, 64, 199]) {
      const { start, end } = rangeOfPath(root, [`k${i}`]);
      expect(text.slice(start, end)).toBe(`v${i}`);
    }
    const { start, end } = rangeOfPath(root, ['k7']);
    expect(text.slice(start, end)).toBe('v7');
    expect(locate(root, ['nothing']).depth).toBe(0);
  });

  it('never believes an index the tree has outgrown: keys renamed, added or removed in place', () => {
    const doc = parse(`${keys.join('\n')}\n`);
    const map = doc.contents as YAMLMap<Scalar, Scalar>;
    expect(locate(map, ['k5']).depth).toBe(1);
    map.items[5]!.key.value = 'renamed';
    expect(locate(map, ['k5']).depth).toBe(0);
    expect(locate(map, ['renamed']).pair).toBe(map.items[5]);
    map.items.splice(0, 1);
    expect(locate(map, ['k1']).pair).toBe(map.items[0]);
    map.items.push(doc.createPair('added', 'x') as (typeof map.items)[number]);
    expect(locate(map, ['added']).depth).toBe(1);
  });
});
