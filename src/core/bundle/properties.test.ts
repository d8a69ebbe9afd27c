import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { analyzeBundle } from '../analysis/analyze';
import { deriveGraph } from '../graph';
import { parseBundle } from './bundle';
import { editDocumentText } from './edit';

const SAMPLE = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: github # owner: platform
  namespace: default
spec:
  hosts:
    - api.github.com
  ports:
    - {number: 443, name: https, protocol: TLS}
  resolution: DNS
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: gh, namespace: default}
spec:
  hosts: [api.github.com]
  http:
  - route:
    - destination: {host: api.github.com, port: {number: 443}}
    timeout: 10s
    retries: {attempts: 3, retryOn: "5xx,reset"}
`;

/** A text mutated by deleting, duplicating or inserting YAML-significant characters. */
const mutated = fc
  .array(
    fc.record({
      at: fc.nat(),
      length: fc.nat({ max: 8 }),
      insert: fc.oneof(
        fc.constantFrom(
          ':',
          '-',
          ' ',
          '\n',
          '[',
          ']',
          '{',
          '}',
          '"',
          "'",
          '#',
          '&a',
          '*a',
          '---\n',
          '\t',
          '|',
          '>',
        ),
        fc.string({ maxLength: 6 }),
      ),
    }),
    { maxLength: 6 },
  )
  .map((edits) =>
    edits.reduce((text, e) => {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.insert + text.slice(at + e.length);
    }, SAMPLE),
  );

function checkInvariants(text: string): void {
  const bundle = parseBundle(text);
  const diagnostics = analyzeBundle(bundle);
  for (const d of diagnostics) {
    expect(d.range.start).toBeGreaterThanOrEqual(0);
    expect(d.range.end).toBeGreaterThanOrEqual(d.range.start);
    expect(d.range.end).toBeLessThanOrEqual(Math.max(text.length, 1));
  }
  deriveGraph(bundle);
}

describe('properties of the engine', () => {
  it('never throws on random text, and every range lies inside the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), checkInvariants), { numRuns: 300 });
  });

  it('never throws on mutated bundles, and every range lies inside the text', () => {
    fc.assert(fc.property(mutated, checkInvariants), { numRuns: 400 });
  });

  it('leaves the text byte-identical when a field is set to its current value', () => {
    const bundle = parseBundle(SAMPLE);
    const leaves: { doc: number; path: (string | number)[]; value: unknown }[] = [];
    const walk = (doc: number, value: unknown, path: (string | number)[]): void => {
      leaves.push({ doc, path, value });
      if (Array.isArray(value)) value.forEach((v, i) => walk(doc, v, [...path, i]));
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(doc, v, [...path, k]);
    };
    bundle.resources.forEach((r, i) => walk(i, r.value, []));
    fc.assert(
      fc.property(fc.constantFrom(...leaves.filter((l) => l.path.length > 0)), ({ doc, path, value }) => {
        const text = bundle.documents[doc]!.parsed.text;
        const result = editDocumentText(text, { kind: 'set', path, value });
        expect(result).toEqual({ ok: true, text });
      }),
    );
  });

  it('keeps every byte outside the edited scalar when changing a value', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}\.example\.com$/), (host) => {
        const text = parseBundle(SAMPLE).documents[0]!.parsed.text;
        const result = editDocumentText(text, { kind: 'set', path: ['spec', 'hosts', 0], value: host });
        expect(result.ok && result.text).toBe(text.replace('api.github.com', host));
      }),
    );
  });
});
