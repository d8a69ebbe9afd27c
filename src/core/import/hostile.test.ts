import { afterEach, describe, expect, it } from 'vitest';

import { MAX_IMPORT_BYTES } from './decode';
import { billionLaughs } from './fixtures';
import { prepareImport } from './prepare';
import type { ImportInput } from './types';

function rejected(inputs: ImportInput[]) {
  const result = prepareImport(inputs);
  if (result.ok) throw new Error(`accepted: ${result.text}`);
  return result.problems;
}

const PNG_HEADER = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
]);

describe('bad bytes', () => {
  it('refuses a binary file', () => {
    expect(rejected([{ name: 'diagram.png', bytes: PNG_HEADER }])).toEqual([
      {
        file: 'diagram.png',
        message:
          'diagram.png looks like a binary file (it contains NUL bytes); only YAML or JSON text can be imported',
      },
    ]);
  });

  it('refuses a file one byte over 10 MiB, and says how big it is', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    expect(rejected([{ name: 'huge.yaml', bytes }])).toEqual([
      { file: 'huge.yaml', message: 'huge.yaml is 10485761 bytes; the limit is 10 MiB' },
    ]);
    const bigger = new Uint8Array(Math.round(12.3 * 1024 * 1024));
    expect(rejected([{ name: 'big.yaml', bytes: bigger }])[0]!.message).toBe(
      'big.yaml is 12.3 MiB; the limit is 10 MiB',
    );
  });

  it('takes the full size from a reader that stopped just past the limit', () => {
    const start = new Uint8Array(MAX_IMPORT_BYTES + 1);
    const problems = rejected([{ name: 'big.yaml', bytes: start, size: 40 * 1024 * 1024 }]);
    expect(problems[0]!.message).toBe('big.yaml is 40.0 MiB; the limit is 10 MiB');
  });

  it('refuses pasted text with NUL characters, naming the line', () => {
    expect(rejected([{ name: 'pasted text', text: 'apiVersion: v1\nkind: \u0000\n' }])).toEqual([
      expect.objectContaining({ file: 'pasted text', line: 2, message: expect.stringContaining('binary') }),
    ]);
  });

  it('measures pasted text in UTF-8 bytes', () => {
    const text = 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1); // 2 bytes each
    expect(rejected([{ name: 'pasted text', text }])[0]!.message).toBe(
      'pasted text is 10485762 bytes; the limit is 10 MiB',
    );
  });

  it('refuses text that is not UTF-8, naming the line of the first bad byte', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('apiVersion: v1\n# caf'), 0xe9, 0x0a]);
    expect(rejected([{ name: 'latin1.yaml', bytes: latin1 }])).toEqual([
      expect.objectContaining({
        file: 'latin1.yaml',
        line: 2,
        message: expect.stringContaining('is not UTF-8 text (byte 0xE9'),
      }),
    ]);
  });

  it('reads UTF-16 text with its byte order mark as kubectl does: every document of it', () => {
    const utf16 = (text: string, bigEndian = false) => {
      const bytes = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
      for (const c of text) {
        const code = c.charCodeAt(0);
        bytes.push(...(bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8]));
      }
      return new Uint8Array(bytes);
    };
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n# caf\u00e9\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n';
    for (const bigEndian of [false, true]) {
      expect(prepareImport([{ name: 'u16.yaml', bytes: utf16(text, bigEndian) }])).toMatchObject({
        ok: true,
        text: expect.stringContaining('caf\u00e9\n---\napiVersion: v1'),
      });
    }
    // Without its mark, UTF-16 is bytes with NULs between them, as go-yaml sees them too.
    expect(rejected([{ name: 'u16.yaml', bytes: utf16(text).slice(2) }])[0]!.message).toContain(
      'binary file',
    );
  });
});

describe('hostile YAML and JSON', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a billion-laughs bomb', () => {
    const problems = rejected([{ name: 'lol.yaml', text: billionLaughs() }]);
    expect(problems[0]!.message).toContain('alias bomb');
  });

  it('refuses __proto__ in YAML, with its line, and pollutes nothing', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  __proto__:\n    polluted: yes\n';
    expect(rejected([{ name: 'p.yaml', text }])).toEqual([
      {
        file: 'p.yaml',
        line: 6,
        column: 3,
        message: expect.stringMatching(/^a key named "__proto__" is not allowed/),
      },
    ]);
  });

  it('refuses __proto__ hidden behind a merge key or an anchor', () => {
    const text =
      'base: &b {__proto__: {polluted: true}}\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {<<: *b}\n';
    expect(rejected([{ name: 'm.yaml', text }])).toEqual([expect.objectContaining({ line: 1, column: 11 })]);
  });

  it('refuses __proto__, constructor and prototype in JSON, even spelled with escapes', () => {
    const text =
      '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"},\n "data": {"\\u005f_proto__": {"polluted": 1}},\n "spec": {"constructor": {"prototype": {"polluted": 1}}}}';
    const problems = rejected([{ name: 'p.json', text }]);
    expect(problems.map((p) => [p.line, p.message.slice(0, 26)])).toEqual([
      [2, 'a key named "__proto__" is'],
      [3, 'a key named "constructor" '],
      [3, 'a key named "prototype" is'],
    ]);
  });

  it('refuses __proto__ as a name', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: __proto__}\n';
    expect(rejected([{ name: 'n.yaml', text }])[0]!.message).toContain('"__proto__"');
  });

  it('refuses YAML nested too deeply to read, without crashing', () => {
    const text = `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(rejected([{ name: 'deep.yaml', text }])[0]).toMatchObject({ file: 'deep.yaml', line: 1 });
  });
});
