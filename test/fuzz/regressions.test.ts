// Cases the fuzz suite found, kept as fixed tests. Deeply nested input once made incremental
// derivation disagree with a fresh one (a different number of diagnostics, in 116 of 10,000
// cases): the yaml library catches running out of call stack while composing and reports it as an
// error where it happened, so the tree and its errors depended on how deep the caller's stack
// was, and the deriver (a few frames deeper) cached another result than a fresh parse made.
// MAX_NESTING keeps the reader far from the stack's end; should it get there still, reading
// throws (an internal error) instead of returning a result that depends on the stack.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';
import { Document } from 'yaml';

import { changeBetween, parseOneDocument } from '../../src/core/bundle';
import { readYamlDocument } from '../../src/core/bundle/kubectl-yaml/read';
import { createDeriver, deriveOnce } from '../../src/core/derivation';
import { firstDifference, fresh, seen } from '../support/derivation';
import { onDeeperStack } from '../support/stack';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Text with `value` in place of the value of the first line that starts with `key:`. */
function withValue(text: string, key: string, value: string): string {
  const at = text.search(new RegExp(`^ *${key}:`, 'm'));
  const lineEnd = text.indexOf('\n', at);
  const colon = text.indexOf(':', at);
  return `${text.slice(0, colon + 1)} ${value}${text.slice(lineEnd)}`;
}

/** The deep shapes of the fuzz cases that disagreed (seed 3, deep mutations, large sizes). */
const REPRODUCERS: { name: string; input: string; key: string; value: string }[] = [
  {
    name: 'a list 2,000 levels deep on one line (case 8, port-required)',
    input: 'test/corpus/analysis/port-required.yaml',
    key: 'spec',
    value: `\n${'- '.repeat(2_000)}x`,
  },
  {
    name: 'brackets 10,000 deep (case 15, an istio.io egress step)',
    input:
      'test/conformance/fixtures/istio.io/egress-gateway-tls-origination/configure_mutual_tls_origination_for_egress_traffic_3.yaml',
    key: 'name',
    value: `${'['.repeat(10_000)}x${']'.repeat(10_000)}`,
  },
  {
    name: 'brackets 2,000 deep never closed (case 38, se-24e)',
    input: 'test/corpus/invalid/se-24e.yaml',
    key: 'hosts',
    value: '['.repeat(2_000),
  },
  {
    name: 'flow maps 10,000 deep (case 73, an istio.io network policy step)',
    input: 'test/conformance/fixtures/istio.io/egress-gateway/apply_kubernetes_network_policies_8.yaml',
    key: 'name',
    value: `${'{a: '.repeat(10_000)}x${'}'.repeat(10_000)}`,
  },
  {
    name: 'a block map 800 levels deep then brackets 2,000 deep (case 120, dr-06b)',
    input: 'test/corpus/invalid/dr-06b.yaml',
    key: 'host',
    value: `\n${Array.from({ length: 800 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} ${'[{k: '.repeat(2_000)}`,
  },
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('deeply nested input (fuzz reproducers)', () => {
  for (const { name, input, key, value } of REPRODUCERS) {
    it(`derives ${name} alike incrementally, freshly and on a deeper stack`, () => {
      const base = read(input);
      const mutated = withValue(base, key, value);
      const expected = fresh(mutated);
      expect(expected.diagnostics.some((d) => d.message.includes('levels deep'))).toBe(true);
      expect(
        firstDifference(
          onDeeperStack(() => fresh(mutated)),
          expected,
        ),
      ).toBeUndefined();
      const hinted = createDeriver();
      hinted(base);
      expect(firstDifference(seen(hinted(mutated, changeBetween(base, mutated))), expected)).toBeUndefined();
      const untold = createDeriver();
      untold(base);
      expect(firstDifference(seen(untold(mutated)), expected)).toBeUndefined();
    });
  }

  it('reads 100 levels the same with any stack left, or throws: never a tree that depends on it', () => {
    const text = withValue(
      read('test/corpus/invalid/dr-06b.yaml'),
      'host',
      `${'['.repeat(99)}x${']'.repeat(99)}`,
    );
    const errors = (doc: Document.Parsed) => doc.errors.map((e) => `${e.code} ${e.pos.join('-')}`);
    const expected = errors(readYamlDocument(text));
    // From a comfortable stack to none left (frames differ in size, so the sweep finds the end):
    // on the way, the stack runs out at every depth of the reader.
    let same = 0;
    let threw = 0;
    for (let share = 0.7; threw < 25 && share < 4; share += 0.002) {
      let outcome: string[];
      try {
        outcome = onDeeperStack(() => errors(readYamlDocument(text)), share);
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
        threw++;
        continue;
      }
      expect(outcome).toEqual(expected);
      same++;
    }
    expect(same).toBeGreaterThan(0);
    expect(threw).toBe(25);
  });

  it('reports running out of stack as an internal error, not as a problem of the text', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n';
    vi.spyOn(Document.prototype, 'toJS').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    // Not an alias bomb (what the conversion's own failures are reported as), and not cached.
    expect(() => parseOneDocument(text)).toThrow(RangeError);
    const derived = deriveOnce(text);
    expect(derived.internalError?.message).toBe('Maximum call stack size exceeded');
    expect(derived.diagnostics.map((d) => d.code)).toEqual(['INTERNAL-ERROR']);
  });

  it('still reports an alias bomb as a problem of the text', () => {
    const levels = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 6; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
    expect(parseOneDocument(text).problems.map((p) => p.code)).toEqual(['ALIAS_LIMIT']);
  });
});

describe('maps of many keys (fuzz hang reproducers)', () => {
  // seed 1, case 34: a redirect given 20,000 keys spent seconds comparing each key with every key
  // before it, twice: the yaml library's duplicate-key check, then finding each unknown field's
  // place for its diagnostic. Both are linear now; quadratic, 30,000 keys took over 10 s here.
  it('derives a map of 30,000 keys within the fuzz hang bound (5 s)', () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `k${i}: v${i}`).join(', ');
    const text = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs, namespace: app}\nspec:\n  hosts: [a.example.com]\n  http:\n  - redirect: {${keys}}\n`;
    const started = performance.now();
    const { diagnostics } = fresh(text);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(diagnostics.filter((d) => d.code === 'SCHEMA-UNKNOWN-FIELD')).toHaveLength(30_000);
  });
});
