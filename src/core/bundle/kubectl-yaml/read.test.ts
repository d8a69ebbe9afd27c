import { isScalar, isSeq } from 'yaml';
import { describe, expect, it } from 'vitest';

import { editDocumentText } from '../edit';
import { parseOneDocument } from '../parse-document';
import { MAX_NESTING, MAX_SYNTAX_ERRORS, NESTING_TOO_DEEP, readYamlDocument, TOO_MANY_ERRORS } from './read';

// go-yaml v2's scanner (scannerc.go, yaml_parser_scan_plain_scalar and fetch_next_token, branch
// v2) ends a plain scalar at `:` only before white space, in flow context too; inside [ ] or { }
// it also ends one at `?`, and reads `:` or `?` at the start of an entry as an indicator.

describe('plain scalars inside [ ] and { }, as kubectl scans them', () => {
  it('keeps colons before a comma or bracket in the scalar, with exact ranges', () => {
    const text = 'addresses: [2001:db8::, 10.0.0.1, fe80::]\n';
    const doc = readYamlDocument(text);
    expect(doc.errors).toEqual([]);
    expect(doc.toJS()).toEqual({ addresses: ['2001:db8::', '10.0.0.1', 'fe80::'] });
    const items = doc.get('addresses', true);
    if (!isSeq(items)) throw new Error('expected a list');
    const ranges = items.items.map((item) =>
      isScalar(item) ? text.slice(item.range![0], item.range![1]) : '',
    );
    expect(ranges).toEqual(['2001:db8::', '10.0.0.1', 'fe80::']);
  });

  it('reads a plain . as a string, in a list or on its own', () => {
    expect(readYamlDocument('exportTo: [foo, .]\n').toJS()).toEqual({ exportTo: ['foo', '.'] });
    expect(readYamlDocument('exportTo:\n- .\n').toJS()).toEqual({ exportTo: ['.'] });
  });

  it('keeps a trailing colon in a flow map value and key', () => {
    expect(readYamlDocument('a: {k: v:, w::}\n').toJS()).toEqual({ a: { k: 'v:', 'w::': null } });
  });

  it('refuses a ? inside a plain value in flow context, at the ?', () => {
    const text = 'urls: [https://x.example/a?b=c]\n';
    const [error] = readYamlDocument(text).errors;
    expect(error?.pos[0]).toBe(text.indexOf('?'));
    expect(error?.message).toContain('"?"');
    expect(readYamlDocument('urls:\n- https://x.example/a?b=c\n').errors).toEqual([]);
  });

  it('refuses an entry that starts with :, as [::1] is', () => {
    const text = 'addresses: [::1]\n';
    const [error] = readYamlDocument(text).errors;
    expect(error?.pos[0]).toBe(text.indexOf('::1'));
    expect(readYamlDocument('addresses: ["::1"]\n').errors).toEqual([]);
  });

  it('reads ? at the start of an entry as a key indicator', () => {
    expect(readYamlDocument('a: [?x]\n').toJS()).toEqual({ a: [{ x: null }] });
  });

  it('ignores text after the document end marker, as go-yaml does, with a warning', () => {
    const doc = readYamlDocument('a: 1\n...\n}not yaml\n');
    expect(doc.errors).toEqual([]);
    expect(doc.toJS()).toEqual({ a: 1 });
    expect(doc.warnings.map((w) => w.message)).toEqual([expect.stringContaining('ignores everything after')]);
  });

  it('refuses a %YAML version other than 1.1', () => {
    expect(readYamlDocument('%YAML 1.2\n---\na: 1\n').errors[0]?.message).toContain('incompatible');
    expect(readYamlDocument('%YAML 1.1\n---\na: 1\n').errors).toEqual([]);
  });
});

describe('writing into [ ] and { }', () => {
  it.each(['a,b', 'x?y', ':x', '?x', '2001:db8::', 'yes', '0o17', '[a]'])(
    'quotes %j where kubectl would not read it back plain',
    (value) => {
      for (const [text, edit] of [
        ['v: [p]\n', { kind: 'insert', path: ['v'], index: 1, value }],
        ['v: [p]\n', { kind: 'set', path: ['v', 0], value }],
        ['v: {k: p}\n', { kind: 'set', path: ['v', 'k'], value }],
        ['v: {k: p}\n', { kind: 'set', path: ['v', 'n'], value }],
      ] as const) {
        const result = editDocumentText(text, edit);
        if (!result.ok) throw new Error(result.error);
        const doc = readYamlDocument(result.text);
        expect(doc.errors, result.text).toEqual([]);
        expect(JSON.stringify(doc.toJS()), result.text).toContain(JSON.stringify(value));
      }
    },
  );

  it('writes a list into a flow map in flow style', () => {
    const result = editDocumentText('spec: {hosts: [a]}\n', {
      kind: 'set',
      path: ['spec', 'hosts'],
      value: ['b', 'c,d'],
    });
    expect(result).toEqual({ ok: true, text: 'spec: {hosts: [b, "c,d"]}\n' });
  });

  it('writes a plain . unquoted, as kubectl reads it as a string', () => {
    const result = editDocumentText('exportTo: [a]\n', {
      kind: 'insert',
      path: ['exportTo'],
      index: 1,
      value: '.',
    });
    expect(result).toEqual({ ok: true, text: 'exportTo: [a, .]\n' });
  });
});

describe('input nested past what any Kubernetes object needs', () => {
  /** `depth` maps, each a key on a line of its own indented one deeper, then a value. */
  const maps = (depth: number) =>
    Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';

  it(`reads ${MAX_NESTING} levels of lists, maps and brackets as any other document`, () => {
    for (const text of [
      maps(MAX_NESTING),
      `a:\n  ${'- '.repeat(MAX_NESTING - 1)}v\n`,
      `a: ${'['.repeat(MAX_NESTING - 1)}${']'.repeat(MAX_NESTING - 1)}\n`,
    ]) {
      expect(readYamlDocument(text).errors).toEqual([]);
    }
  });

  it('stops at the level past the limit with one error there, never a stack overflow', () => {
    for (const text of [
      maps(5000),
      `a:\n  ${'- '.repeat(20_000)}k: v\n`,
      `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    ]) {
      const doc = readYamlDocument(text);
      const deep = doc.errors.filter((e) => e.code === NESTING_TOO_DEEP);
      expect(deep).toHaveLength(1);
      expect(deep[0]!.message).toContain(`more than ${MAX_NESTING} levels deep`);
      // Where it happens: well inside the text, not past its end.
      expect(deep[0]!.pos[0]).toBeGreaterThan(0);
      expect(deep[0]!.pos[1]).toBeLessThanOrEqual(text.length);
    }
  });
});

describe('a document the parser refuses token after token', () => {
  it(`stops reading after ${MAX_SYNTAX_ERRORS} refused tokens, with an error saying so`, () => {
    // seed 1207, case 6400: 12,000 stray brackets per document took half a second each.
    const doc = readYamlDocument(`a: 1\n${']'.repeat(100_000)}\n`);
    expect(doc.errors.length).toBeLessThanOrEqual(MAX_SYNTAX_ERRORS + 1);
    expect(doc.errors.filter((e) => e.code === TOO_MANY_ERRORS)).toHaveLength(1);
  });

  it('words the first mistake, not the count, on the line they share', () => {
    const { problems } = parseOneDocument(`a: 1\n${']'.repeat(100_000)}\n`);
    expect(problems.map((p) => p.message)).toEqual([
      "This ']' closes nothing: remove it, or add the '[' it belongs to.",
    ]);
  });

  it('words the first 200 errors of a document by place, one a line', () => {
    const { problems } = parseOneDocument(`a: 1\n${']\n'.repeat(500)}`);
    expect(problems).toHaveLength(200);
    expect(problems[0]!.range.start).toBe(5);
  });
});
