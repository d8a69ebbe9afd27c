import { describe, expect, it } from 'vitest';

import { parseBundle } from '../bundle';
import { KUBECTL_JSON_LIST } from './fixtures';
import { jsonErrorPlace, pathKey, scanJson } from './json-scan';
import { prepareImport } from './prepare';
import { MAX_JSON_DEPTH } from './read-json';
import type { AcceptedImport, ImportInput } from './types';

function accepted(inputs: ImportInput[]): AcceptedImport {
  const result = prepareImport(inputs);
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.problems)}`);
  return result;
}

function rejected(inputs: ImportInput[]) {
  const result = prepareImport(inputs);
  if (result.ok) throw new Error(`accepted: ${result.text}`);
  return result.problems;
}

const SERVICE_ENTRY = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'ServiceEntry',
  metadata: { name: 'github', namespace: 'payments' },
  spec: { hosts: ['api.github.com'], resolution: 'DNS' },
};

describe('importing JSON', () => {
  it('converts one object into a YAML document and notes it', () => {
    const result = accepted([{ name: 'se.json', text: JSON.stringify(SERVICE_ENTRY, null, 2) }]);
    expect(result.text).toBe(
      '# Imported from se.json\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: github\n  namespace: payments\nspec:\n  hosts:\n    - api.github.com\n  resolution: DNS\n',
    );
    expect(result.notes).toEqual([
      { file: 'se.json', message: 'se.json was converted from JSON to one YAML document' },
    ]);
  });

  it('turns a top-level array into one document per element, with the line of each', () => {
    const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'payments' } };
    const result = accepted([
      { name: 'both.json', text: JSON.stringify([SERVICE_ENTRY, namespace], null, 2) },
    ]);
    expect(parseBundle(result.text).resources.map((r) => r.ref)).toEqual([
      'ServiceEntry/payments/github',
      'Namespace/payments',
    ]);
    expect(result.resources.map((r) => r.line)).toEqual([2, 16]);
  });

  it('expands a kubectl List, removing what the cluster set, and lists what is not about egress', () => {
    const result = accepted([{ name: 'cluster.json', bytes: new TextEncoder().encode(KUBECTL_JSON_LIST) }]);
    const bundle = parseBundle(result.text);
    expect(bundle.resources.map((r) => r.ref)).toEqual([
      'ServiceEntry/payments/github',
      'ConfigMap/payments/flags',
    ]);
    expect(bundle.resources[0]!.value['metadata']).toEqual({ name: 'github', namespace: 'payments' });
    expect(bundle.resources[0]!.value['status']).toBeUndefined();
    // "yes" stays a string for the API server, which reads YAML 1.1.
    expect(bundle.resources[1]!.value['data']).toEqual({ enabled: 'yes' });
    expect(result.others.map((r) => r.ref)).toEqual(['ConfigMap/payments/flags']);
    expect(result.notes.map((n) => n.message)).toEqual([
      'expanded this List of 2 items into one document per item',
      'cluster.json was converted from JSON to 2 YAML documents',
      expect.stringMatching(/^cluster\.json had fields the cluster sets \(.*uid.*\) removed from 2 objects/),
    ]);
  });

  it('locates a syntax error by line and column', () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "Namespace",\n  "metadata": {"name": "a",}\n}\n';
    expect(rejected([{ name: 'ns.json', text }])).toEqual([
      {
        file: 'ns.json',
        line: 4,
        column: 28,
        message: 'not valid JSON: unexpected "}"; expected a property name in double quotes',
      },
    ]);
  });

  it('refuses an element that is not an object, and JSON nested absurdly deep', () => {
    expect(
      rejected([
        {
          name: 'a.json',
          text: '[\n  {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}},\n  42\n]',
        },
      ]),
    ).toEqual([{ file: 'a.json', line: 3, column: 3, message: 'element 1 is not an object' }]);
    const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(rejected([{ name: 'deep.json', text: deep }])).toEqual([
      {
        file: 'deep.json',
        message: `deep.json is nested ${MAX_JSON_DEPTH + 1} levels deep; the limit is ${MAX_JSON_DEPTH}`,
      },
    ]);
  });

  it('refuses a name with markup, at its line', () => {
    const text = JSON.stringify(
      { ...SERVICE_ENTRY, metadata: { name: 'a<img src=x onerror=alert(1)>' } },
      null,
      2,
    );
    expect(rejected([{ name: 'x.json', text }])).toEqual([
      expect.objectContaining({ file: 'x.json', line: 5, message: expect.stringContaining('metadata.name') }),
    ]);
  });

  it('does not fall back to YAML for a broken .json file', () => {
    expect(
      rejected([{ name: 'flow.json', text: '{apiVersion: v1, kind: Namespace, metadata: {name: b}}' }])[0],
    ).toMatchObject({
      line: 1,
      column: 2,
    });
  });
});

describe('JSON that block YAML would misread', () => {
  it('prints an object with a key named << as JSON, so it is not read as a merge key', () => {
    const value = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'm' }, data: { '<<': 'x' } };
    const result = accepted([{ name: 'm.json', text: JSON.stringify(value) }]);
    expect(parseBundle(result.text).resources[0]!.value).toEqual(value);
  });
});

describe('checking JSON syntax', () => {
  it.each([
    ['{"a": }', 6, 'expected a value'],
    ['{"a" 1}', 5, 'expected ":"'],
    ['[1, 2', 5, 'ends too early'],
    ['{"a": 1} x', 9, 'after the end'],
    ['{"a": "b\nc"}', 8, 'line break'],
    ['{"a": "\\q"}', 7, 'invalid escape'],
    ['{"a": -}', 6, 'digits'],
    ['[01]', 2, 'expected ","'],
    ["{'a': 1}", 1, 'property name'],
  ])('finds the error in %j at offset %i', (text, offset, message) => {
    const { error } = scanJson(text);
    expect(error?.offset).toBe(offset);
    expect(error?.message).toContain(message);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('accepts what JSON.parse accepts and measures nesting', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n", {"b": []}], "c": {}}';
    expect(() => JSON.parse(text)).not.toThrow();
    const scan = scanJson(text);
    expect(scan.error).toBeUndefined();
    expect(scan.depth).toBe(4);
    expect(scan.starts.get(pathKey(['a', 6]))).toBe(text.indexOf('{"b"'));
    expect(scan.hostileKeys).toEqual([]);
  });

  it("reads the place from Node 20's and Chromium's messages and from Firefox's", () => {
    expect(jsonErrorPlace("Expected ',' or '}' after property value in JSON at position 42")).toEqual({
      offset: 42,
    });
    expect(jsonErrorPlace('Unexpected token } in JSON at position 7')).toEqual({ offset: 7 });
    expect(
      jsonErrorPlace('Expected double-quoted property name in JSON at position 27 (line 4 column 28)'),
    ).toEqual({ line: 4, column: 28 });
    expect(
      jsonErrorPlace("JSON.parse: expected property name or '}' at line 4 column 28 of the JSON data"),
    ).toEqual({
      line: 4,
      column: 28,
    });
    expect(jsonErrorPlace('Unexpected token \'}\', "{"a": }" is not valid JSON')).toBeUndefined();
  });
});
