import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

import { readYamlDocument } from './read';
import { KUBECTL_YAML_OPTIONS } from './schema';

/** Where the yaml library's own check (uniqueKeys) finds repeated keys: the first character of each. */
function libraryFinds(text: string): number[] {
  return parseDocument(text, KUBECTL_YAML_OPTIONS)
    .errors.filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => e.pos[0]);
}

describe('repeated map keys', () => {
  const cases = [
    'name: a\nname: b\n',
    '{name: a, name: b, name: c}',
    '? name\n: a\nname: b\n',
    '"name": a\nname: b\n',
    "a: 1\n1: x\n'1': y\n",
    '1: a\n01: b\n',
    'on: a\ntrue: b\n',
    '<<: {a: 1}\n<<: {b: 2}\n',
    '&x k: 1\n*x : 2\n',
    'k: 1\n!!str k: 2\n',
    'outer:\n  k: 1\n  k: 2\nother: [{k: 1, k: 2}, {k: 3}]\n',
    '- {a: 1}\n- {a: 2}\n',
    '[a: 1, a: 2]',
    '? [a]\n: 1\n? [a]\n: 2\n',
  ];

  it.each(cases)('are found where the yaml library finds them: %j', (text) => {
    const found = readYamlDocument(text)
      .errors.filter((e) => e.code === 'DUPLICATE_KEY')
      .map((e) => e.pos[0]);
    expect(found).toEqual(libraryFinds(text));
  });

  it('are marked over the whole key, among the other errors in order', () => {
    const text = 'spec:\n  hosts: [a]\n  hosts: [b\n';
    const errors = readYamlDocument(text).errors;
    const duplicate = errors.find((e) => e.code === 'DUPLICATE_KEY')!;
    expect(text.slice(...duplicate.pos)).toBe('hosts');
    expect(errors.map((e) => e.pos[0])).toEqual([...errors.map((e) => e.pos[0])].sort((a, b) => a - b));
  });
});

describe('a document repeating one key 50,000 times', () => {
  it('reports the first thousand (each costs an error object; the rest say nothing new)', () => {
    // seed 1207, case 6095: three such documents took seconds.
    const errors = readYamlDocument('k: v\n'.repeat(50_000)).errors;
    expect(errors.filter((e) => e.code === 'DUPLICATE_KEY')).toHaveLength(1000);
    expect(errors[0]!.pos).toEqual([5, 6]);
  });
});
