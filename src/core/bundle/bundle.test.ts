import { describe, expect, it } from 'vitest';

import { parseBundle, parseInSlices, type DocumentCache } from './bundle';
import { LineIndex } from './lines';
import { splitDocuments } from './split';

const TWO_DOCS = `# leading comment
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: a, namespace: app}
spec: {hosts: [a.example.com]}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: b}
spec: {hosts: [b.example.com]}
`;

describe('splitting a bundle into documents', () => {
  it('covers the text with no gaps and starts each later document at its marker', () => {
    const chunks = splitDocuments(TWO_DOCS);
    expect(chunks.map((c) => c.text).join('')).toBe(TWO_DOCS);
    expect(chunks).toHaveLength(2);
    expect(chunks[1]!.text.startsWith('---\n')).toBe(true);
  });

  it('does not split on --- inside a line or on ---- ', () => {
    expect(splitDocuments('a: "x --- y"\nb: ----\n')).toHaveLength(1);
  });
});

describe('parsing a bundle', () => {
  it('finds each object with its namespace, defaulting to default', () => {
    const bundle = parseBundle(TWO_DOCS);
    expect(bundle.resources.map((r) => r.id)).toEqual(['ServiceEntry/app/a', 'ServiceEntry/default/b']);
    expect(bundle.documents.map((d) => d.id)).toEqual(['ServiceEntry/app/a', 'ServiceEntry/default/b']);
  });

  it('gives each item of a kind: List its own object and range', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: one, namespace: x}
  spec: {hosts: [one.example.com]}
- apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: two, namespace: x}
  spec: {}
`;
    const bundle = parseBundle(text);
    expect(bundle.resources.map((r) => [r.id, r.pathInDocument])).toEqual([
      ['ServiceEntry/x/one', ['items', 0]],
      ['Gateway/x/two', ['items', 1]],
    ]);
    const second = bundle.resources[1]!;
    expect(bundle.lines.positionAt(second.node.range![0]).line).toBe(8);
  });

  it('reads JSON input', () => {
    const bundle = parseBundle(
      '{"apiVersion": "networking.istio.io/v1", "kind": "Sidecar", "metadata": {"name": "s"}}',
    );
    expect(bundle.resources[0]!.id).toBe('Sidecar/default/s');
  });

  it('reads scalars as YAML 1.1, as Kubernetes does', () => {
    const bundle = parseBundle('kind: X\napiVersion: v1\nmetadata: {name: a}\nspec: {flag: yes}\n');
    expect((bundle.resources[0]!.value['spec'] as { flag: unknown }).flag).toBe(true);
  });

  it('turns YAML errors into problems with positions, without throwing', () => {
    const bundle = parseBundle('a: 1\n---\nspec:\n  hosts: [a\n');
    const problems = bundle.documents[1]!.parsed.problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.severity).toBe('error');
    expect(bundle.documents[1]!.start + problems[0]!.range.start).toBeGreaterThan(4);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const bundle = parseBundle(lines.join('\n'));
    expect(bundle.documents[0]!.parsed.problems.map((p) => p.code)).toContain('ALIAS_LIMIT');
  });

  it('keeps __proto__ keys as data', () => {
    const bundle = parseBundle(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {__proto__: {polluted: true}}\n',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(bundle.resources).toHaveLength(1);
  });

  it('re-parses only the documents whose text changed when given a cache', () => {
    const cache: DocumentCache = new Map();
    const first = parseBundle(TWO_DOCS, cache);
    const edited = parseBundle(TWO_DOCS.replace('b.example.com', 'c.example.com'), cache);
    expect(edited.documents[0]!.parsed).toBe(first.documents[0]!.parsed);
    expect(edited.documents[1]!.parsed).not.toBe(first.documents[1]!.parsed);
  });

  it('parses a document repeated in one text once, even with no cache given', () => {
    // 200,000 `---` lines once took seconds: every empty document was parsed on its own.
    const se = (name: string) =>
      `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ${name}}\nspec: {hosts: [${name}.example.com]}\n`;
    const bundle = parseBundle(`${'---\n'.repeat(1000)}${se('a')}---\n${se('b')}`);
    const empty = bundle.documents.filter((d) => d.parsed.empty);
    expect(empty.length).toBe(999);
    expect(new Set(empty.map((d) => d.parsed)).size).toBe(1);
    // Each document keeps its own place and name.
    expect(new Set(bundle.documents.map((d) => d.id)).size).toBe(bundle.documents.length);
    expect(bundle.documents[5]).toMatchObject({ id: 'document-6', index: 5, start: 20 });
    expect(bundle.resources.map((r) => r.id)).toEqual(['ServiceEntry/default/a', 'ServiceEntry/default/b']);
  });

  it('re-splits the document before a last one that text put right after it lengthens', () => {
    // The last document, `---` with no newline, becomes `------`: no separator, so the two merge.
    const before = `${TWO_DOCS.trimEnd()}\n---`;
    const after = `${before}---\nkind: Namespace\n`;
    const fresh = parseBundle(after).documents.map((d) => [d.start, d.end]);
    expect(fresh).toHaveLength(2);
    const change = { start: before.length, end: before.length, length: after.length - before.length };
    for (const hint of [undefined, change]) {
      const edited = parseBundle(after, new Map(), parseBundle(before), hint);
      expect(edited.documents.map((d) => [d.start, d.end])).toEqual(fresh);
    }
  });

  it('parses a text into a cache a slice at a time, so that parsing it then parses nothing', () => {
    const cache: DocumentCache = new Map();
    const text = [TWO_DOCS, TWO_DOCS.replaceAll('example.com', 'example.org')].join('---\n');
    // Each document takes one tick of this clock: a budget of one tick parses one document.
    let clock = 0;
    const slice = parseInSlices(text, cache, () => clock++);
    const done = [slice(1), slice(1), slice(1), slice(1)];
    expect(done).toEqual([false, false, false, true]);
    expect(cache.size).toBe(4);
    const parsed = new Set(cache.values());
    const bundle = parseBundle(text, cache);
    expect(bundle.documents.every((d) => parsed.has(d.parsed))).toBe(true);
    expect(bundle.resources).toHaveLength(4);
  });

  it('ends a slice after the document being parsed when told to yield (input is waiting)', () => {
    const cache: DocumentCache = new Map();
    const text = [TWO_DOCS, TWO_DOCS.replaceAll('example.com', 'example.org')].join('---\n');
    const slice = parseInSlices(text, cache, () => 0);
    // A budget that would take every document: told to yield, each slice parses one.
    const done = [slice(100, () => true), slice(100, () => true), slice(100, () => false)];
    expect(done).toEqual([false, false, true]);
    expect(cache.size).toBe(4);
  });
});

describe('line index', () => {
  it('maps offsets and positions both ways', () => {
    const index = new LineIndex('ab\ncd\n\nx');
    expect(index.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(index.positionAt(4)).toEqual({ line: 2, column: 2 });
    expect(index.positionAt(7)).toEqual({ line: 4, column: 1 });
    expect(index.offsetAt({ line: 2, column: 2 })).toBe(4);
    expect(index.positionAt(999)).toEqual({ line: 4, column: 2 });
  });
});
