import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

import { editDocumentText, type FieldEdit } from './edit';

const SE = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: github # the name
  namespace: default
spec:
  # hosts the app calls
  hosts:
    - api.github.com
  ports:
    - number: 443
      name: https # keep me
      protocol: TLS
  resolution: DNS
  exportTo: [".", "orders"]
`;

function apply(text: string, edit: FieldEdit): string {
  const result = editDocumentText(text, edit);
  if (!result.ok) throw new Error(result.error);
  return result.text;
}

describe('editing a field', () => {
  it('replaces only the scalar and keeps comments', () => {
    const out = apply(SE, { kind: 'set', path: ['spec', 'resolution'], value: 'STATIC' });
    expect(out).toBe(SE.replace('resolution: DNS', 'resolution: STATIC'));
  });

  it('leaves the text byte-identical when the value is unchanged', () => {
    expect(apply(SE, { kind: 'set', path: ['spec', 'ports', 0, 'number'], value: 443 })).toBe(SE);
    expect(apply(SE, { kind: 'set', path: ['spec', 'hosts'], value: ['api.github.com'] })).toBe(SE);
  });

  it('keeps the quoting style of a string it replaces', () => {
    const out = apply(SE, { kind: 'set', path: ['spec', 'exportTo', 1], value: 'payments' });
    expect(out).toContain('exportTo: [".", "payments"]');
  });

  it('quotes strings that Kubernetes would read as booleans', () => {
    const out = apply(SE, { kind: 'set', path: ['metadata', 'labels'], value: { enabled: 'yes' } });
    expect(out).toContain('  labels:\n    enabled: "yes"\n');
  });

  it('keeps a key named << an ordinary key, not a YAML 1.1 merge', () => {
    const out = apply(SE, {
      kind: 'set',
      path: ['metadata', 'annotations'],
      value: { '<<': 'odd but legal' },
    });
    expect(out).toContain('  annotations:\n    !!str "<<": odd but legal\n');
    expect(parseAllDocuments(out, { schema: 'yaml-1.1' })[0]!.toJS().metadata.annotations).toEqual({
      '<<': 'odd but legal',
    });
  });

  it('adds a missing key at the end of its map, at the map indentation', () => {
    const out = apply(SE, { kind: 'set', path: ['spec', 'location'], value: 'MESH_EXTERNAL' });
    expect(out).toBe(
      SE.replace('  exportTo: [".", "orders"]\n', '  exportTo: [".", "orders"]\n  location: MESH_EXTERNAL\n'),
    );
  });

  it('creates missing parents as nested blocks', () => {
    const out = apply(SE, { kind: 'set', path: ['spec', 'ports', 0, 'targetPort'], value: 8443 });
    expect(out).toContain('      protocol: TLS\n      targetPort: 8443\n');
  });

  it('adds a key to a flow map', () => {
    const text = 'spec: {hosts: [a.example.com]}\n';
    expect(apply(text, { kind: 'set', path: ['spec', 'resolution'], value: 'DNS' })).toBe(
      'spec: {hosts: [a.example.com], resolution: DNS}\n',
    );
  });

  it('deletes a key and the comment on its line, nothing else', () => {
    const out = apply(SE, { kind: 'delete', path: ['spec', 'ports', 0, 'name'] });
    expect(out).toBe(SE.replace('      name: https # keep me\n', ''));
  });

  it('deletes the first key of a list item by pulling the next one up', () => {
    const out = apply(SE, { kind: 'delete', path: ['spec', 'ports', 0, 'number'] });
    expect(out).toContain('    - name: https # keep me\n      protocol: TLS\n');
  });

  it('prunes parents left empty', () => {
    const text = 'spec:\n  host: a\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n';
    expect(apply(text, { kind: 'delete', path: ['spec', 'trafficPolicy', 'tls', 'mode'], prune: true })).toBe(
      'spec:\n  host: a\n',
    );
  });

  it('inserts and removes list items', () => {
    const added = apply(SE, {
      kind: 'insert',
      path: ['spec', 'hosts'],
      index: 1,
      value: 'uploads.github.com',
    });
    expect(added).toContain('  hosts:\n    - api.github.com\n    - uploads.github.com\n  ports:');
    const first = apply(SE, { kind: 'insert', path: ['spec', 'hosts'], index: 0, value: 'x.github.com' });
    expect(first).toContain('  hosts:\n    - x.github.com\n    - api.github.com\n');
    const removed = apply(added, { kind: 'delete', path: ['spec', 'hosts', 0] });
    expect(removed).toContain('  hosts:\n    - uploads.github.com\n  ports:');
  });

  it('replaces a scalar with a block and back', () => {
    const text = 'spec:\n  hosts: x\n  other: 1\n';
    const block = apply(text, { kind: 'set', path: ['spec', 'hosts'], value: ['a.com', 'b.com'] });
    expect(block).toBe('spec:\n  hosts:\n    - a.com\n    - b.com\n  other: 1\n');
    expect(apply(block, { kind: 'set', path: ['spec', 'hosts'], value: 'x' })).toBe(text);
  });

  it('fills an empty value', () => {
    expect(apply('spec:\n  hosts:\n', { kind: 'set', path: ['spec', 'hosts'], value: ['a.com'] })).toBe(
      'spec:\n  hosts:\n    - a.com\n',
    );
    expect(apply('spec:\n', { kind: 'set', path: ['spec', 'resolution'], value: 'DNS' })).toBe(
      'spec:\n  resolution: DNS\n',
    );
  });

  it('follows a document whose lists sit level with their keys', () => {
    const text = 'spec:\n  hosts:\n  - a.com\n  ports: []\n';
    const out = apply(text, { kind: 'set', path: ['spec', 'ports'], value: [{ number: 80, name: 'http' }] });
    expect(out).toBe('spec:\n  hosts:\n  - a.com\n  ports:\n  - number: 80\n    name: http\n');
  });

  it('refuses to edit text that does not parse', () => {
    const result = editDocumentText('spec: [\n', { kind: 'set', path: ['spec'], value: 1 });
    expect(result.ok).toBe(false);
  });
});

describe('writing new YAML as a person would', () => {
  it('fills an empty {} or [] in block context in block style', () => {
    const dr = 'spec:\n  host: a\n  trafficPolicy:\n    tls: {}\n';
    expect(apply(dr, { kind: 'set', path: ['spec', 'trafficPolicy', 'tls', 'mode'], value: 'SIMPLE' })).toBe(
      'spec:\n  host: a\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n',
    );
    const se = 'spec:\n  hosts: []\n  resolution: DNS\n';
    expect(apply(se, { kind: 'insert', path: ['spec', 'hosts'], index: 0, value: 'a.com' })).toBe(
      'spec:\n  hosts:\n    - a.com\n  resolution: DNS\n',
    );
  });

  it("creates missing parents in the document's own indentation, lists level with their keys", () => {
    const text = 'spec:\n    hosts:\n    - a.com\n';
    expect(apply(text, { kind: 'set', path: ['spec', 'http', 0, 'retries', 'attempts'], value: 3 })).toBe(
      'spec:\n    hosts:\n    - a.com\n    http:\n    - retries:\n          attempts: 3\n',
    );
    const indented = 'spec:\n    hosts:\n        - a.com\n';
    expect(apply(indented, { kind: 'set', path: ['spec', 'http', 0, 'timeout'], value: '5s' })).toBe(
      'spec:\n    hosts:\n        - a.com\n    http:\n        - timeout: 5s\n',
    );
  });

  it('keeps a list or map written in flow style in flow style', () => {
    const text = 'spec:\n  exportTo: [".", orders]\n  labels: {a: b}\n';
    expect(apply(text, { kind: 'set', path: ['spec', 'exportTo'], value: ['orders', '.'] })).toBe(
      'spec:\n  exportTo: [orders, .]\n  labels: {a: b}\n',
    );
    expect(apply(text, { kind: 'set', path: ['spec', 'labels', 'c'], value: 'd' })).toBe(
      'spec:\n  exportTo: [".", orders]\n  labels: {a: b, c: d}\n',
    );
    expect(apply('spec: {x: 1}\n', { kind: 'set', path: ['spec', 'tls', 'mode'], value: 'SIMPLE' })).toBe(
      'spec: {x: 1, tls: {mode: SIMPLE}}\n',
    );
  });

  it("writes a list item's fields under its dash, and multi-line strings as block scalars", () => {
    const text = 'spec:\n  ports:\n    - number: 80\n';
    const out = apply(text, {
      kind: 'insert',
      path: ['spec', 'ports'],
      index: 1,
      value: { number: 443, name: 'https', tls: { mode: 'SIMPLE' } },
    });
    expect(out).toBe(
      'spec:\n  ports:\n    - number: 80\n    - number: 443\n      name: https\n      tls:\n        mode: SIMPLE\n',
    );
    expect(apply('data:\n    k: v\n', { kind: 'set', path: ['data', 'mesh'], value: 'a: 1\nb: 2\n' })).toBe(
      'data:\n    k: v\n    mesh: |\n        a: 1\n        b: 2\n',
    );
  });
});
