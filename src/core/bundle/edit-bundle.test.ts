import { describe, expect, it } from 'vitest';

import { parseBundle } from './bundle';
import { appendDocument, editResource, removeResource } from './edit-bundle';

const BUNDLE = `# egress for team a
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: a, namespace: app}
spec: {hosts: [a.example.com]} # first
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: b, namespace: app}
spec: {hosts: [b.example.com]}
`;

const LIST = `apiVersion: v1
kind: List
items:
- apiVersion: networking.istio.io/v1
  kind: Sidecar
  metadata: {name: one, namespace: team-x}
  spec: {egress: [{hosts: ["./*"]}]}
- apiVersion: networking.istio.io/v1
  kind: Sidecar
  metadata: {name: two, namespace: team-y}
  spec: {egress: [{hosts: ["./*"]}]}
`;

describe('editing a bundle', () => {
  it('edits one resource and leaves every other byte alone', () => {
    const result = editResource(parseBundle(BUNDLE), 'ServiceEntry/app/b', {
      kind: 'set',
      path: ['spec', 'resolution'],
      value: 'DNS',
    });
    const text = BUNDLE.replace('{hosts: [b.example.com]}', '{hosts: [b.example.com], resolution: DNS}');
    expect(result).toMatchObject({ ok: true, text });
    // The change names the replaced range: the edited document, and nothing before or after it.
    const { start, end, length } = (result as { change: { start: number; end: number; length: number } })
      .change;
    expect(BUNDLE.slice(start, end)).toContain('name: b');
    expect(BUNDLE.slice(start, end)).not.toContain('name: a');
    expect(BUNDLE.slice(0, start) + text.slice(start, start + length) + BUNDLE.slice(end)).toBe(text);
  });

  it('edits an item of a kind: List by its own paths', () => {
    const result = editResource(parseBundle(LIST), 'Sidecar/team-y/two', {
      kind: 'set',
      path: ['metadata', 'name'],
      value: 'second',
    });
    expect(result.ok && result.text).toBe(
      LIST.replace('{name: two, namespace: team-y}', '{name: second, namespace: team-y}'),
    );
  });

  it('appends a document after a separator', () => {
    const text = appendDocument(BUNDLE, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: app}');
    expect(text).toBe(`${BUNDLE}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: app}\n`);
    expect(parseBundle(text).resources.map((r) => r.kind)).toEqual([
      'ServiceEntry',
      'ServiceEntry',
      'Namespace',
    ]);
    expect(appendDocument('', 'kind: X\n')).toBe('kind: X\n');
  });

  it('removes a later document with its separator, and the first one without leaving a stray ---', () => {
    const withoutB = removeResource(parseBundle(BUNDLE), 'ServiceEntry/app/b');
    expect(withoutB.ok && withoutB.text).toBe(BUNDLE.slice(0, BUNDLE.indexOf('---')));
    const withoutA = removeResource(parseBundle(BUNDLE), 'ServiceEntry/app/a');
    expect(withoutA.ok && withoutA.text).toBe(BUNDLE.slice(BUNDLE.indexOf('---\n') + 4));
  });

  it('removes an item from a kind: List', () => {
    const result = removeResource(parseBundle(LIST), 'Sidecar/team-x/one');
    expect(result.ok && parseBundle(result.text).resources.map((r) => r.id)).toEqual(['Sidecar/team-y/two']);
  });

  it('says so when the resource does not exist', () => {
    expect(removeResource(parseBundle(BUNDLE), 'ServiceEntry/app/zzz').ok).toBe(false);
  });
});
