import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { runCli } from './main';

const corpus = (path: string) => join(import.meta.dirname, '../../test/corpus', path);

describe('egress-studio: inputs that are not files, or too large', () => {
  it('refuses a FIFO named *.yaml in a directory at once (it would block for ever), and reads the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'egress-fifo-'));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    copyFileSync(corpus('valid/seed-http-api.yaml'), join(dir, 'good.yaml'));
    // (Were the FIFO opened, this test would block: it is refused from its file type alone.)
    const result = runCli(['validate', '--format', 'json', dir]);
    expect(result.stderr).toContain(`cannot read ${join(dir, 'pipe.yaml')}: not a regular file`);
    expect(JSON.parse(result.stdout)).toEqual(expect.any(Array));
    expect(result.status).toBe(2);
  });

  it('refuses a device such as /dev/zero instead of reading it without end', () => {
    const result = runCli(['validate', '/dev/zero']);
    expect(result.stderr).toContain('cannot read /dev/zero: not a regular file');
    expect(result.status).toBe(2);
  });

  it('refuses standard input past 32 MiB with a clear message', () => {
    const result = runCli(['validate', '-'], (limit) => 'a'.repeat(limit + 1));
    expect(result.stderr).toContain('cannot read -: it is 33554433 bytes; the limit is 32 MiB');
    expect(result.status).toBe(2);
  });

  it('reads its inputs as the app imports files: UTF-16 as kubectl does, and refuses text kubectl cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'egress-encoding-'));
    const yaml = (name: string) =>
      `apiVersion: v1\nkind: Namespace\n# owned by the caf\u00e9 team\nmetadata: {name: ${name}}\n`;
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    // As Windows PowerShell's `>` writes kubectl's output: UTF-16 with its byte order mark.
    writeFileSync(join(dir, 'utf16.yaml'), utf16(`${yaml('a')}---\n${yaml('z')}`));
    expect(runCli(['validate', dir]).status).toBe(0);
    // Latin-1, as an old editor saves it: é is one byte, 0xE9, which UTF-8 cannot read.
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from(yaml('b'), 'latin1'));
    writeFileSync(join(dir, 'image.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const result = runCli(['validate', dir]);
    expect(result.stderr).not.toContain('utf16.yaml');
    expect(result.stderr).toContain(
      `cannot read ${join(dir, 'latin1.yaml')}: it is not UTF-8 text (byte 0xE9 cannot start or continue a character); save it as UTF-8 (line 3)`,
    );
    expect(result.stderr).toContain(
      `cannot read ${join(dir, 'image.yaml')}: it looks like a binary file (it contains NUL bytes); only YAML or JSON text can be read`,
    );
    expect(result.status).toBe(2);
    // The same texts in UTF-8, with or without a byte order mark, are read.
    writeFileSync(join(dir, 'utf16.yaml'), `\ufeff${yaml('a')}---\n${yaml('z')}`);
    writeFileSync(join(dir, 'latin1.yaml'), yaml('b'));
    writeFileSync(join(dir, 'image.yaml'), yaml('c'));
    expect(runCli(['validate', dir]).status).toBe(0);
  });

  it('refuses a directory with nothing to read, so that a wrong path never passes a CI check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'egress-empty-'));
    writeFileSync(join(dir, 'notes.txt'), 'not a manifest\n');
    const result = runCli(['validate', dir]);
    expect(result.stderr).toContain(
      `cannot read ${dir}: a directory with no .yaml, .yml or .json file under it`,
    );
    expect(result.status).toBe(2);
  });

  it('says an internal failure is one (exit 3, with what to report), never "errors found" (exit 1)', () => {
    // An input that breaks the CLI's own code once read (a stand-in for any bug past the reading).
    const breaking: { toString(): string } = {
      toString() {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const hostile = Object.assign(breaking, { length: 1, charCodeAt: () => 0x61, indexOf: () => -1 });
    const result = runCli(['validate', '-'], () => hostile as unknown as string);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('internal error, please report it');
    expect(result.stderr).toContain('RangeError: Maximum call stack size exceeded');
    // A reader that fails is an input that cannot be read (2), as for a file.
    const unreadable = runCli(['validate', '-'], () => {
      throw new Error('EIO: i/o error, read');
    });
    expect(unreadable.status).toBe(2);
  });

  it('reports input nested hundreds of levels deep as one YAML error, with its place (exit 1)', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  a:\n    ${'- '.repeat(5000)}k: v\n`;
    const result = runCli(['validate', '--format', 'json', '-'], () => text);
    expect(result.status).toBe(1);
    const [diagnostic, ...others] = JSON.parse(result.stdout) as {
      code: string;
      line: number;
      message: string;
    }[];
    expect(others.filter((d) => d.code === 'YAML-SYNTAX')).toEqual([]);
    expect(diagnostic).toMatchObject({ code: 'YAML-SYNTAX', line: 6 });
    expect(diagnostic!.message).toContain('levels deep');
  });
});
