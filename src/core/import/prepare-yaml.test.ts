import { describe, expect, it } from 'vitest';

import { parseBundle } from '../bundle';
import { billionLaughs, HAND_WRITTEN, KUBECTL_LIST } from './fixtures';
import { prepareImport } from './prepare';
import type { AcceptedImport, ImportInput, ImportResult } from './types';

function accepted(inputs: ImportInput[]): AcceptedImport {
  const result: ImportResult = prepareImport(inputs);
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.problems)}`);
  return result;
}

function rejected(inputs: ImportInput[]) {
  const result = prepareImport(inputs);
  if (result.ok) throw new Error(`accepted: ${result.text}`);
  return result.problems;
}

describe('importing YAML someone wrote', () => {
  it('copies every document verbatim, comments included, under one line naming the file', () => {
    const result = accepted([{ name: 'egress.yaml', text: HAND_WRITTEN }]);
    expect(result.text).toBe(`# Imported from egress.yaml\n${HAND_WRITTEN}`);
    expect(result.notes).toEqual([]);
  });

  it('lists every object with its file and line, and the ones not about egress in others', () => {
    const result = accepted([{ name: 'egress.yaml', text: HAND_WRITTEN }]);
    expect(result.resources).toEqual([
      {
        ref: 'ServiceEntry/payments/github',
        kind: 'ServiceEntry',
        egress: true,
        file: 'egress.yaml',
        line: 2,
      },
      {
        ref: 'Deployment/payments/checkout',
        kind: 'Deployment',
        egress: false,
        file: 'egress.yaml',
        line: 13,
      },
      {
        ref: 'ConfigMap/payments/checkout-settings',
        kind: 'ConfigMap',
        egress: false,
        file: 'egress.yaml',
        line: 25,
      },
      { ref: 'ConfigMap/istio-system/istio', kind: 'ConfigMap', egress: true, file: 'egress.yaml', line: 33 },
    ]);
    expect(result.others.map((r) => r.ref)).toEqual([
      'Deployment/payments/checkout',
      'ConfigMap/payments/checkout-settings',
    ]);
    const bundle = parseBundle(result.text);
    expect(bundle.resources.map((r) => r.ref)).toContain('Deployment/payments/checkout');
  });

  it('keeps a document that opens with --- and a comment on the marker line', () => {
    const text =
      '--- # first\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n--- \n# b\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n---\n';
    const result = accepted([{ name: 'ns.yaml', text }]);
    expect(result.text).toBe(
      '# Imported from ns.yaml\n# first\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n# b\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n',
    );
  });

  it('accepts names that are merely invalid: the validator reports them after the import', () => {
    const text =
      'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: GitHub_API}\nspec: {hosts: [a.example.com]}\n';
    expect(accepted([{ name: 'a.yaml', text }]).resources[0]!.ref).toBe('ServiceEntry/default/GitHub_API');
  });

  it('keeps the comments of an empty document with a neighbour instead of adding an empty document', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n# parked idea\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n---\n# the end\n';
    const result = accepted([{ name: 'c.yaml', text }]);
    expect(result.text).toBe(
      '# Imported from c.yaml\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n# parked idea\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n# the end\n',
    );
  });

  it('skips documents that are only null or ~, as kubectl does, keeping their comments', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nnull\n---\n# parked\n~\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n---\n';
    const result = accepted([{ name: 'n.yaml', text }]);
    expect(result.text).toBe(
      '# Imported from n.yaml\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n# parked\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n',
    );
    expect(result.resources.map((r) => r.ref)).toEqual(['Namespace/a', 'Namespace/b']);
    expect(result.notes).toEqual([]);
  });

  it('keeps a document without apiVersion and kind, with a note naming its line', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n# leftover\nfoo: bar\n';
    const result = accepted([{ name: 'a.yaml', text }]);
    expect(result.text).toContain('foo: bar');
    expect(result.notes).toEqual([
      expect.objectContaining({
        file: 'a.yaml',
        line: 6,
        message: expect.stringContaining('no apiVersion and kind'),
      }),
    ]);
  });

  it('reads a bare mesh config document as egress-related, without a note', () => {
    const result = accepted([{ name: 'mesh.yaml', text: 'outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n' }]);
    expect(result.resources[0]!.egress).toBe(true);
    expect(result.notes).toEqual([]);
  });

  it('notes an empty file or one with only comments, and adds nothing from it', () => {
    const result = accepted([
      { name: 'empty.yaml', bytes: new Uint8Array() },
      { name: 'comments.yaml', text: '# nothing yet\n---\n' },
    ]);
    expect(result.text).toBe('');
    expect(result.notes.map((n) => n.message)).toEqual([
      'empty.yaml is empty; nothing is added from it',
      'comments.yaml holds no Kubernetes objects; nothing is added from it',
    ]);
  });

  it('drops a %YAML directive with a note, reprinting that document', () => {
    const text = '%YAML 1.1\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n';
    const result = accepted([{ name: 'd.yaml', text }]);
    expect(result.text).not.toContain('%YAML');
    expect(parseBundle(result.text).resources[0]!.ref).toBe('Namespace/a');
    expect(result.notes[0]!.message).toContain('directive');
  });

  it('reads YAML flow style that starts with { as YAML', () => {
    const result = accepted([
      { name: 'pasted text', text: '{apiVersion: v1, kind: Namespace, metadata: {name: b}}' },
    ]);
    expect(result.resources.map((r) => r.ref)).toEqual(['Namespace/b']);
  });

  it('strips a byte order mark and turns CRLF line ends into LF', () => {
    const bytes = new TextEncoder().encode(
      '\uFEFFapiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: a}\r\n',
    );
    const result = accepted([{ name: 'win.yaml', bytes }]);
    expect(result.text).toBe(
      '# Imported from win.yaml\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n',
    );
  });

  it('notes an object brought in twice, with both places', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n';
    const result = accepted([
      { name: 'one.yaml', text: ns },
      { name: 'two.yaml', text: `# again\n${ns}` },
    ]);
    expect(result.notes).toEqual([
      {
        file: 'one.yaml',
        line: 1,
        message: 'Namespace/a is also defined at two.yaml:2; the bundle will flag the duplicate',
      },
    ]);
  });

  it('keeps the file comment on one line whatever the file is called', () => {
    const result = accepted([
      {
        name: 'evil\nkind: Secret\u2028.yaml',
        text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n',
      },
    ]);
    expect(result.text.split('\n')[0]).toBe('# Imported from evil kind: Secret .yaml');
    expect(parseBundle(result.text).resources).toHaveLength(1);
  });
});

describe('importing what kubectl get -o yaml prints', () => {
  it('expands the List into one document per item and removes what the cluster set', () => {
    const result = accepted([{ name: 'cluster.yaml', text: KUBECTL_LIST }]);
    const bundle = parseBundle(result.text);
    expect(bundle.documents).toHaveLength(2);
    expect(bundle.resources.map((r) => r.ref)).toEqual([
      'ServiceEntry/payments/github',
      'DestinationRule/payments/github',
    ]);
    for (const noise of [
      'managedFields',
      'resourceVersion',
      'uid',
      'creationTimestamp',
      'generation',
      'status',
      'last-applied',
    ]) {
      expect(result.text).not.toContain(noise);
    }
    expect(bundle.resources[0]!.value['metadata']).toEqual({
      annotations: { owner: 'team-payments' },
      name: 'github',
      namespace: 'payments',
    });
    expect(bundle.resources[1]!.value['spec']).toEqual({
      host: 'api.github.com',
      trafficPolicy: { connectionPool: { tcp: { maxConnections: 100 } } },
    });
  });

  it('says what it did, with the line of the List and the lines of its items', () => {
    const result = accepted([{ name: 'cluster.yaml', text: KUBECTL_LIST }]);
    expect(result.notes).toEqual([
      expect.objectContaining({
        line: 1,
        message: 'expanded this List of 2 items into one document per item',
      }),
      expect.objectContaining({
        message: expect.stringMatching(
          /^cluster\.yaml had fields the cluster sets \(managedFields.*from 2 objects/,
        ),
      }),
    ]);
    expect(result.resources.map((r) => r.line)).toEqual([3, 45]);
  });

  it('keeps the comments of a hand-written List on the items they belong to', () => {
    const text = `apiVersion: v1
kind: List
items:
# the API
- apiVersion: v1
  kind: Namespace
  metadata:
    name: a # team a
- apiVersion: v1
  kind: Namespace
  metadata: {name: b}
`;
    const result = accepted([{ name: 'l.yaml', text }]);
    expect(result.text).toMatch(/^# Imported from l\.yaml\n# the API\n\n?apiVersion: v1\n/);
    expect(result.text).toContain('name: a # team a');
    expect(parseBundle(result.text).resources.map((r) => r.ref)).toEqual(['Namespace/a', 'Namespace/b']);
  });

  it('removes server fields from a single object by splicing, keeping its comments', () => {
    const text = `# from the cluster
apiVersion: v1
kind: Namespace
metadata:
  name: payments # the team
  uid: 1234
  resourceVersion: "9"
  labels: {istio-injection: enabled}
status: {phase: Active}
`;
    const result = accepted([{ name: 'ns.yaml', text }]);
    expect(result.text).toBe(
      '# Imported from ns.yaml\n# from the cluster\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: payments # the team\n  labels: {istio-injection: enabled}\n',
    );
  });

  it('notes an empty List and adds nothing', () => {
    const result = accepted([
      { name: 'none.yaml', text: 'apiVersion: v1\nitems: []\nkind: List\nmetadata: {resourceVersion: ""}\n' },
    ]);
    expect(result.text).toBe('');
    expect(result.notes.map((n) => n.message)).toContain(
      'none.yaml holds no Kubernetes objects; nothing is added from it',
    );
  });
});

describe('refusing YAML that cannot go into a design', () => {
  it('reports a duplicate key, as the bundle would, with its line', () => {
    const problems = rejected([
      { name: 'dup.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n' },
    ]);
    expect(problems).toEqual([expect.objectContaining({ file: 'dup.yaml', line: 5 })]);
  });

  it('reports a syntax error with file, line and column', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Namespace: x\n';
    const problems = rejected([{ name: 'broken.yaml', text }]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: 'broken.yaml', line: 7 });
    expect(problems[0]!.column).toBeGreaterThan(0);
    expect(problems[0]!.message).toMatch(/mapping/i);
  });

  it('refuses a document that is a list or a plain value', () => {
    const problems = rejected([
      { name: 'notes.yaml', text: 'just some notes\n' },
      { name: 'seq.yaml', text: '- a\n- b\n' },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'notes.yaml',
        line: 1,
        message: expect.stringContaining('a plain value'),
      }),
      expect.objectContaining({ file: 'seq.yaml', line: 1, message: expect.stringContaining('a list') }),
    ]);
  });

  it('refuses a List item that is not an object', () => {
    const problems = rejected([
      {
        name: 'l.yaml',
        text: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n- oops\n',
      },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 7, message: 'items[1] of this List is not an object' }),
    ]);
  });

  it('refuses a billion-laughs alias bomb quickly, with a clear message', () => {
    const problems = rejected([{ name: 'lol.yaml', text: billionLaughs() }]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'lol.yaml', line: 1, message: expect.stringContaining('alias bomb') }),
    ]);
  });

  it('refuses script in a name, naming the field and its line', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: "<script>alert(1)</script>"\nspec: {hosts: [a.example.com]}\n';
    const problems = rejected([{ name: 'xss.yaml', text }]);
    expect(problems).toEqual([
      {
        file: 'xss.yaml',
        line: 9,
        column: 9,
        message: expect.stringMatching(/^metadata\.name contains the character < \(U\+003C\)/),
      },
    ]);
  });

  it('refuses markup or control characters in namespaces, label and annotation keys', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
  namespace: "ns\\u001b[31m"
  labels: {"x&y": a, app: "b'c"}
  annotations: {"note\\"": free text <b>allowed</b> in values}
`;
    const problems = rejected([{ name: 'm.yaml', text }]);
    expect(problems.map((p) => [p.line, p.message.split(' contains')[0]])).toEqual([
      [5, 'metadata.namespace'],
      [6, 'a label key in metadata.labels'],
      [6, 'a label value in metadata.labels'],
      [7, 'an annotation key in metadata.annotations'],
    ]);
  });

  it('reports the problems of every file, not only the first', () => {
    const problems = rejected([
      { name: 'a.yaml', text: 'kind: [\n' },
      { name: 'ok.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: fine}\n' },
      { name: 'b.json', text: '{"kind": }' },
    ]);
    expect(problems.map((p) => p.file)).toEqual(['a.yaml', 'b.json']);
  });

  it('sums up a file with very many problems after the first twenty', () => {
    const text = Array.from(
      { length: 30 },
      (_, i) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: "<${i}>"}\n`,
    ).join('---\n');
    const problems = rejected([{ name: 'many.yaml', text }]);
    expect(problems).toHaveLength(21);
    expect(problems[20]!.message).toBe('many.yaml has 10 more problems');
  });
});
