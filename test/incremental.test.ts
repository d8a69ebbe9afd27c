// Incremental derivation must be invisible: after any sequence of edits, what the deriver returns
// equals a fresh parse, analysis and graph of the same text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { changeBetween, splitDocuments } from '../src/core/bundle';
import { createDeriver, type Derivation } from '../src/core/derivation';
import { LATEST_ISTIO_VERSION } from '../src/core/istio/releases';
import { syntheticBundle } from '../bench/synthetic';
import { fresh, seen } from './support/derivation';

const corpus = join(import.meta.dirname, 'corpus');
const pool: string[] = ['valid', 'warnings', 'analysis'].flatMap((folder) =>
  readdirSync(join(corpus, folder))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => splitDocuments(readFileSync(join(corpus, folder, f), 'utf8')).map((c) => c.text)),
);
/** Every document as a `---`-led chunk, so any order of them is a valid bundle text. */
const documents = pool.map((text) => (text.startsWith('---') ? text : `---\n${text}`)).map(ensureNewline);
/**
 * The documents of the corpus files that hold Kubernetes objects (pods, Services, Secrets,
 * Namespaces), with the Istio resources beside them, so the analyzers that read those objects are
 * edited against them often, not once in a while.
 */
const kubeDocuments = ['valid', 'warnings', 'analysis']
  .flatMap((folder) =>
    readdirSync(join(corpus, folder))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readFileSync(join(corpus, folder, f), 'utf8')),
  )
  .filter((text) => /^kind: (Pod|Deployment|Service|Secret|Namespace)$/m.test(text))
  .flatMap((text) => splitDocuments(text).map((c) => c.text))
  .map((text) => (text.startsWith('---') ? text : `---\n${text}`))
  .map(ensureNewline);

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

type Edit =
  | { kind: 'replace'; at: number; with: number }
  | { kind: 'insert'; at: number; with: number }
  | { kind: 'remove'; at: number }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'type'; at: number; text: string }
  | { kind: 'erase'; at: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant('type' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      'x',
      '\n',
      '---\n',
      ' ',
      '"',
      '  hosts: [a.example.com]\n',
      'mesh',
      // Documents kubectl skips, and flow scalars it reads its own way.
      '---\n~\n',
      ' [2001:db8::, .]',
    ),
  }),
  fc.record({ kind: fc.constant('erase' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

/** Applies an edit to the bundle's documents (whole-document edits, drawn from `documents`) or its text (typing). */
function apply(docs: string[], e: Edit, documents: readonly string[]): string[] {
  const out = [...docs];
  const pick = (n: number) => (out.length === 0 ? 0 : n % out.length);
  switch (e.kind) {
    case 'replace':
      if (out.length) out[pick(e.at)] = documents[e.with % documents.length]!;
      return out;
    case 'insert':
      out.splice(out.length ? e.at % (out.length + 1) : 0, 0, documents[e.with % documents.length]!);
      return out;
    case 'remove':
      if (out.length) out.splice(pick(e.at), 1);
      return out;
    case 'move': {
      if (!out.length) return out;
      const [doc] = out.splice(pick(e.from), 1);
      out.splice(e.to % (out.length + 1), 0, doc!);
      return out;
    }
    case 'type':
    case 'erase': {
      const text = out.join('');
      const at = text.length ? e.at % text.length : 0;
      const next =
        e.kind === 'type'
          ? text.slice(0, at) + e.text + text.slice(at)
          : text.slice(0, at) + text.slice(at + e.length);
      return [next];
    }
  }
}

/** After any sequence of edits of a bundle of `pool` documents, incremental derivation equals a fresh one. */
function checkEdits(pool: readonly string[]): void {
  fc.assert(
    fc.property(
      fc.array(fc.nat(pool.length - 1), { minLength: 1, maxLength: 25 }),
      fc.array(
        // Now and then the design's target release changes too (or alone, when the edit is a no-op).
        fc.tuple(edit, fc.boolean(), fc.option(fc.constantFrom('1.23', '1.30', '1.31'), { freq: 4 })),
        { minLength: 1, maxLength: 12 },
      ),
      (start, edits) => {
        const derive = createDeriver();
        let docs = start.map((i) => pool[i]!);
        let previous = docs.join('');
        let target = LATEST_ISTIO_VERSION;
        expect(seen(derive(previous))).toEqual(fresh(previous));
        for (const [e, hinted, retarget] of edits) {
          docs = apply(docs, e, pool);
          target = retarget ?? target;
          const text = docs.join('');
          // Half the edits say where they happened, as the editor does; the rest leave it to comparison.
          const derived = derive(text, hinted ? changeBetween(previous, text) : undefined, target);
          expect(seen(derived)).toEqual(fresh(text, target));
          previous = text;
        }
      },
    ),
    {
      numRuns: Number(process.env.FC_RUNS ?? 60),
      ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
    },
  );
}

describe('incremental derivation', () => {
  it('equals a fresh derivation after every edit of a bundle', () => checkEdits(documents), 600_000);

  it(
    'equals a fresh derivation after every edit of a bundle with pods, Services and Secrets',
    () => checkEdits(kubeDocuments),
    600_000,
  );

  it('equals a fresh derivation when one field of a large bundle changes back and forth', () => {
    const text = syntheticBundle(400);
    const derive = createDeriver();
    derive(text);
    for (const replacement of ['timeout: 20s', 'timeout: 15s', 'resolution: NONE', 'exportTo: ["~"]']) {
      const needle = replacement.startsWith('timeout')
        ? 'timeout: 15s'
        : replacement.startsWith('resolution')
          ? 'resolution: DNS'
          : 'exportTo: [".", "shared"]';
      const edited = text.replace(needle, replacement);
      expect(seen(derive(edited))).toEqual(fresh(edited));
    }
  });

  it('equals a fresh derivation when a Gateway API Gateway a VirtualService binds comes and goes', () => {
    const vs = [
      'apiVersion: networking.istio.io/v1',
      'kind: VirtualService',
      'metadata: {name: web, namespace: default}',
      'spec:',
      '  hosts: [example.com]',
      '  gateways: [web-gateway]',
      '  http: [{route: [{destination: {host: web}}]}]',
      '',
    ].join('\n');
    const gateway = (name: string) =>
      [
        '---',
        'apiVersion: gateway.networking.k8s.io/v1',
        'kind: Gateway',
        `metadata: {name: ${name}, namespace: default}`,
        'spec:',
        '  gatewayClassName: istio',
        '  listeners: [{name: http, port: 80, protocol: HTTP}]',
        '',
      ].join('\n');
    const derive = createDeriver();
    const refGateway = (d: Derivation) => d.diagnostics.filter((x) => x.code === 'REF-GATEWAY').length;
    expect(refGateway(derive(vs))).toBe(1);
    for (const text of [
      vs + gateway('web-gateway'),
      vs + gateway('other'),
      vs + gateway('web-gateway'),
      vs,
    ]) {
      const derived = derive(text);
      expect(seen(derived)).toEqual(fresh(text));
      expect(refGateway(derived)).toBe(text.includes('name: web-gateway') ? 0 : 1);
    }
  });

  it('checks and draws everything again when only the target release changes, parsing nothing', () => {
    const text = syntheticBundle(60);
    const derive = createDeriver();
    derive(text);
    const retargeted = derive(text, undefined, '1.30');
    expect(seen(retargeted)).toEqual(fresh(text, '1.30'));
    expect(retargeted.istioVersion).toBe('1.30');
    expect(retargeted.work.documentsParsed).toBe(0);
    expect(retargeted.work.documentsChecked).toBe(retargeted.bundle.documents.length);
    expect(derive(text, undefined, '1.30').work.documentsChecked).toBe(0);
  });

  it('does the same work for one edit whatever the size of the bundle', () => {
    const workFor = (count: number) => {
      const text = syntheticBundle(count);
      const derive = createDeriver();
      derive(text);
      const at = text.indexOf('timeout: 15s') + 'timeout: '.length;
      const edited = `${text.slice(0, at)}20s${text.slice(at + 3)}`;
      return derive(edited, { start: at, end: at + 3, length: 3 }).work;
    };
    const small = workFor(60);
    // One VirtualService changed: its document is parsed and checked again, the resources that
    // look up its host are re-checked, and its host's part of the graph is drawn again.
    expect(small.documentsParsed).toBe(1);
    expect(small.documentsChecked).toBe(1);
    expect(small.resourcesRechecked).toBeGreaterThan(0);
    expect(small.graphPartsDrawn).toBe(1);
    expect(workFor(1500)).toEqual(small);
  });
});
