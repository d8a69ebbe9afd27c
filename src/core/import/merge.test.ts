import { describe, expect, it } from 'vitest';

import { parseBundle } from '../bundle';
import { formatImportProblem } from './format';
import { mergeImport } from './merge';
import { prepareImport } from './prepare';

const DESIGN = `# Payments egress design
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: github # old definition
  namespace: payments
spec:
  hosts: [api.github.com]
---
# Keep this rule: agreed with security
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: github, namespace: payments}
spec: {host: api.github.com}
`;

const INCOMING = `# Imported from new.yaml
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: github, namespace: payments}
spec: {hosts: [api.github.com], resolution: DNS}
---
apiVersion: v1
kind: Namespace
metadata: {name: payments}
`;

describe('merging an import into a design', () => {
  it('replaces the object with the same ref and keeps every other document, comments included', () => {
    const merged = mergeImport(DESIGN, INCOMING);
    expect(merged.replaced).toEqual(['ServiceEntry/payments/github']);
    expect(merged.added).toEqual(['Namespace/payments']);
    expect(merged.text).not.toContain('old definition');
    expect(merged.text).toContain('# Keep this rule: agreed with security\n');
    expect(merged.text.endsWith(INCOMING)).toBe(true);
    const refs = parseBundle(merged.text).resources.map((r) => r.ref);
    expect(refs).toEqual([
      'DestinationRule/payments/github',
      'ServiceEntry/payments/github',
      'Namespace/payments',
    ]);
  });

  it('replaces an item of a kind: List in the design, leaving the other items', () => {
    const design =
      'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Namespace, metadata: {name: a}}\n- {apiVersion: v1, kind: Namespace, metadata: {name: payments}}\n';
    const merged = mergeImport(design, INCOMING);
    expect(merged.replaced).toEqual(['Namespace/payments']);
    expect(parseBundle(merged.text).resources.map((r) => r.ref)).toEqual([
      'Namespace/a',
      'ServiceEntry/payments/github',
      'Namespace/payments',
    ]);
  });

  it('appends to an empty design and leaves a design alone when nothing comes in', () => {
    expect(mergeImport('', INCOMING).text).toBe(INCOMING);
    expect(mergeImport(DESIGN, '')).toEqual({ text: DESIGN, replaced: [], added: [] });
  });

  it('never treats objects without a name as the same object', () => {
    const merged = mergeImport('foo: bar\n', 'foo: baz\n');
    expect(merged.replaced).toEqual([]);
    expect(merged.text).toBe('foo: bar\n---\nfoo: baz\n');
  });

  it('works on the text prepareImport accepts', () => {
    const result = prepareImport([
      { name: 'new.yaml', text: INCOMING.replace('# Imported from new.yaml\n', '') },
    ]);
    if (!result.ok) throw new Error('rejected');
    expect(result.text).toBe(INCOMING);
    expect(mergeImport(DESIGN, result.text).replaced).toEqual(['ServiceEntry/payments/github']);
  });
});

describe('formatting a problem', () => {
  it('prints file:line:column when there is a place, the message alone otherwise', () => {
    expect(formatImportProblem({ file: 'a.yaml', line: 3, column: 5, message: 'bad' })).toBe(
      'a.yaml:3:5: bad',
    );
    expect(formatImportProblem({ file: 'a.yaml', message: 'a.yaml is empty' })).toBe('a.yaml is empty');
  });
});
