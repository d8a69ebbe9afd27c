import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { SCENARIOS } from '../templates/scenarios';
import { runCli } from './main';

describe('egress-studio scenarios', () => {
  it('writes every scenario bundle as DIR/<id>.yaml, creating DIR, and prints the paths', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'egress-scenarios-')), 'nested', 'dir');
    const result = runCli(['scenarios', '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const paths = SCENARIOS.map((s) => join(out, `${s.id}.yaml`));
    expect(result.stdout).toBe(paths.map((p) => `${p}\n`).join(''));
    expect(readdirSync(out).sort()).toEqual(SCENARIOS.map((s) => `${s.id}.yaml`).sort());
    for (const scenario of SCENARIOS) {
      expect(readFileSync(join(out, `${scenario.id}.yaml`), 'utf8'), scenario.id).toBe(scenario.text);
    }
  });

  it('writes bundles that validate without errors', () => {
    const out = mkdtempSync(join(tmpdir(), 'egress-scenarios-'));
    expect(runCli(['scenarios', `--out=${out}`]).status).toBe(0);
    const validated = runCli(['validate', '--format', 'json', join(out, 'payment-gateway.yaml')]);
    expect(validated.status).toBe(0);
    expect(JSON.parse(validated.stdout)).toEqual([]);
  });

  it('prints a table of id, tags and title without --out', () => {
    const result = runCli(['scenarios']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+TAGS\s+TITLE$/);
    expect(lines).toHaveLength(SCENARIOS.length + 1);
    SCENARIOS.forEach((scenario, i) => {
      const columns = lines[i + 1]!.split(/\s{2,}/);
      expect(columns).toEqual([scenario.id, scenario.tags.join(','), scenario.title]);
    });
  });

  it('is listed by --help', () => {
    expect(runCli(['--help']).stdout).toContain('scenarios [--out DIR]');
  });

  it('exits 2 on files, an empty --out, or a DIR that cannot be created', () => {
    expect(runCli(['scenarios', 'bundle.yaml']).status).toBe(2);
    expect(runCli(['scenarios', '--out', '']).status).toBe(2);
    const blocker = join(mkdtempSync(join(tmpdir(), 'egress-scenarios-')), 'a-file');
    writeFileSync(blocker, '');
    const result = runCli(['scenarios', '--out', join(blocker, 'sub')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot write');
    expect(existsSync(join(blocker, 'sub'))).toBe(false);
  });
});
