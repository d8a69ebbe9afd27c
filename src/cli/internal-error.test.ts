import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

import * as analyze from '../core/analysis/analyze';
import * as graph from '../core/graph/derive';
import { failing } from '../core/guard-testing';
import { runCli } from './main';

const TEXT = [
  'apiVersion: networking.istio.io/v1',
  'kind: ServiceEntry',
  'metadata: {name: api, namespace: payments}',
  'spec:',
  '  hosts: [api.example.com]',
  '  ports: [{number: 443, name: tls, protocol: TLS}]',
  '  resolution: DNS',
  '',
].join('\n');
const stdin = () => TEXT;

/** Makes the engine's step throw a TypeError, as a bug in it would. */
const breakStep = <T extends object>(module: T, step: keyof T & string) =>
  failing(module, step, new TypeError(`${step} broke`));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('egress-studio when the engine fails inside (a bug it catches)', () => {
  it('validate prints the INTERNAL-ERROR diagnostic and exits 3, with the stack on stderr', () => {
    const spy = breakStep(analyze, 'analyzeBundle');
    const result = runCli(['validate', '--format', 'json', '-'], stdin);
    expect(spy).toHaveBeenCalled();
    expect(result.status).toBe(3);
    const items = JSON.parse(result.stdout) as {
      code: string;
      line: number;
      severity: string;
      message: string;
    }[];
    expect(items).toEqual([expect.objectContaining({ code: 'INTERNAL-ERROR', line: 1, severity: 'error' })]);
    expect(items[0]!.message).toContain('analyzeBundle broke');
    expect(result.stderr).toContain('internal error, please report it');
    expect(result.stderr).toContain('TypeError: analyzeBundle broke');
  });

  it('graph prints an empty graph when drawing it failed, and exits 3', () => {
    breakStep(graph, 'deriveGraph');
    const result = runCli(['graph', '--format', 'json', '-'], stdin);
    expect(result.status).toBe(3);
    expect(JSON.parse(result.stdout)).toEqual({ nodes: [], edges: [] });
    expect(result.stderr).toContain('TypeError: deriveGraph broke');
  });

  it('validate in text prints it as a problem on line 1', () => {
    breakStep(analyze, 'analyzeBundle');
    const result = runCli(['validate', '-'], stdin);
    expect(result.status).toBe(3);
    expect(result.stdout).toMatch(
      /^<stdin>:1:1 error INTERNAL-ERROR An internal failure occurred while checking/m,
    );
  });

  it('graph still prints the graph it could draw, and exits 3', () => {
    breakStep(analyze, 'analyzeBundle');
    const result = runCli(['graph', '--format', 'json', '-'], stdin);
    expect(result.status).toBe(3);
    expect((JSON.parse(result.stdout) as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);
  });

  it('export writes nothing from a bundle the engine failed on, and exits 3', () => {
    breakStep(analyze, 'analyzeBundle');
    const dir = join(mkdtempSync(join(tmpdir(), 'egress-internal-')), 'out');
    const result = runCli(['export', '--split', dir, '-'], stdin);
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    expect(() => readdirSync(dir)).toThrow();
  });

  it('exits as before when nothing fails (the same input: 0, no error)', () => {
    expect(runCli(['validate', '-'], stdin).status).toBe(0);
  });
});
