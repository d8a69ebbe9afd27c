import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
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
    expect(result.stderr).toContain('cannot read -: larger than 32 MiB');
    expect(result.status).toBe(2);
  });

  it('says an internal failure is one (exit 3, with what to report), never "errors found" (exit 1)', () => {
    // An input that breaks the CLI's own code once read (a stand-in for any bug past the reading).
    const breaking: { toString(): string } = {
      toString() {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const hostile = Object.assign(breaking, { length: 1, includes: () => false, replace: () => hostile });
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
