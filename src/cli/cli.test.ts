import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseBundle } from '../core/bundle';
import { createGraphMemo, deriveGraph } from '../core/graph/derive';
import type { EgressGraph } from '../core/graph/types';
import { realisticDesign } from '../templates/realistic';
import { runCli } from './main';

const corpus = (path: string) => join(import.meta.dirname, '../../test/corpus', path);
const golden = (name: string) => join(import.meta.dirname, '../../test/golden', name);

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it. Paths are made relative to the repo. */
function matchGolden(name: string, actual: string): void {
  const normalised = actual.split(join(import.meta.dirname, '../..') + '/').join('');
  if (process.env['UPDATE_GOLDEN']) writeFileSync(golden(name), normalised);
  expect(normalised).toBe(readFileSync(golden(name), 'utf8'));
}

describe('egress-studio validate', () => {
  it('exits 0 and prints an empty JSON array for a bundle with no finding', () => {
    const result = runCli(['validate', '--format', 'json', corpus('valid/seed-owner-annotations.yaml')]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('exits 1 and locates each error at its field, with the contract fields', () => {
    const result = runCli(['validate', '--format', 'json', corpus('invalid/se-06.yaml')]);
    expect(result.status).toBe(1);
    const [first] = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(Object.keys(first!).sort()).toEqual(
      [
        'code',
        'column',
        'endColumn',
        'endLine',
        'file',
        'line',
        'message',
        'path',
        'resource',
        'severity',
      ].sort(),
    );
    matchGolden('validate-se-06.json', result.stdout);
  });

  it('exits 0 with warnings only', () => {
    const result = runCli(['validate', corpus('warnings/se-04.yaml')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/warning SE-04/);
    // One of each: the summary line says so in the singular.
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('0 errors · 1 warning · 1 info');
  });

  it('reports a YAML syntax error as a diagnostic with a position', () => {
    const dir = mkdtempSync(join(tmpdir(), 'egress-cli-'));
    writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n');
    const result = runCli(['validate', '--format', 'json', join(dir, 'broken.yaml')]);
    expect(result.status).toBe(1);
    const items = JSON.parse(result.stdout) as { code: string; line: number }[];
    expect(items[0]).toMatchObject({ code: 'YAML-SYNTAX' });
    expect(items[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('analyses several files together and maps lines back to each file', () => {
    const result = runCli([
      'validate',
      '--format',
      'json',
      corpus('valid/seed-http-api.yaml'),
      corpus('invalid/se-02.yaml'),
    ]);
    const items = JSON.parse(result.stdout) as { file: string; line: number; code: string }[];
    const se02 = items.find((d) => d.code === 'SE-02')!;
    expect(se02.file).toBe(corpus('invalid/se-02.yaml'));
    const marker = readFileSync(corpus('invalid/se-02.yaml'), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('expect-error'));
    expect(se02.line).toBe(marker + 1);
  });

  it('exits 2 when a file cannot be read', () => {
    const result = runCli(['validate', corpus('valid/seed-http-api.yaml'), '/nonexistent/file.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot read /nonexistent/file.yaml');
    // Nothing read: no "0 errors" summary that would read as a pass.
    const none = runCli(['validate', '/nonexistent/file.yaml']);
    expect(none).toMatchObject({ status: 2, stdout: '' });
    expect(JSON.parse(runCli(['validate', '--format', 'json', '/nonexistent/file.yaml']).stdout)).toEqual([]);
  });

  it('exits 2 on a wrong command line', () => {
    expect(runCli(['validate']).status).toBe(2);
    expect(runCli(['validate', '--format', 'xml', 'a.yaml']).status).toBe(2);
    expect(runCli(['lint', 'a.yaml']).status).toBe(2);
  });

  it('prints SARIF 2.1.0 with rules and results', () => {
    const result = runCli(['validate', '--format', 'sarif', corpus('invalid/se-02.yaml')]);
    const log = JSON.parse(result.stdout) as {
      version: string;
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results).toContainEqual(expect.objectContaining({ ruleId: 'SE-02', level: 'error' }));
  });

  it('reads standard input for -', () => {
    const text = readFileSync(corpus('invalid/se-02.yaml'), 'utf8');
    const result = runCli(['validate', '--format', 'json', '-'], () => text);
    expect(result.status).toBe(1);
  });
});

describe('egress-studio validate: resources left alone', () => {
  const file = corpus('valid/gateway-api-egress-http.yaml');

  it('ends the text output with a note on stderr naming the resources it did not model', () => {
    const result = runCli(['validate', file]);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('cnn-egress-gateway');
    const note = result.stderr.split(file).join('FILE');
    expect(note).toBe(
      [
        'note: not modelled, kept as is (only YAML and apiVersion, kind and name checked): 4 resources',
        '  Gateway/default/cnn-egress-gateway (gateway.networking.k8s.io/v1beta1) at FILE:22',
        '  HTTPRoute/default/direct-cnn-to-egress-gateway (gateway.networking.k8s.io/v1beta1) at FILE:39',
        '  HTTPRoute/default/forward-cnn-from-egress-gateway (gateway.networking.k8s.io/v1beta1) at FILE:53',
        '  NetworkPolicy/test-egress/allow-egress-to-istio-system-and-kube-dns (networking.k8s.io/v1) at FILE:69',
        '',
      ].join('\n'),
    );
  });

  it('leaves JSON and SARIF output as they were: no note', () => {
    for (const format of ['json', 'sarif']) {
      const result = runCli(['validate', '--format', format, file]);
      expect(result.stderr).toBe('');
      expect(result.stdout).not.toContain('not modelled');
    }
  });

  it('prints no note when every resource is modelled', () => {
    expect(runCli(['validate', corpus('valid/seed-http-api.yaml')]).stderr).toBe('');
  });
});

describe('egress-studio graph', () => {
  it('prints nodes and edges showing the egress gateway path', () => {
    const result = runCli([
      'graph',
      '--format',
      'json',
      corpus('valid/e10-egress-gateway-tls-passthrough.yaml'),
    ]);
    expect(result.status).toBe(0);
    const graph = JSON.parse(result.stdout) as {
      nodes: { id: string; kind: string }[];
      edges: { source: string; target: string; kind: string }[];
    };
    expect(graph.nodes.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['workload', 'sidecar', 'egress-gateway', 'external-service', 'mesh-policy']),
    );
    const intoService = graph.edges.filter((e) => e.target === 'external:edition.cnn.com');
    expect(intoService.map((e) => [e.source, e.kind])).toEqual([
      ['egress-gateway:istio-egressgateway', 'via-gateway'],
    ]);
    matchGolden('graph-e10.json', result.stdout);
  });

  it('prints a large design one edge per hop, as each namespace draws it', () => {
    const text = realisticDesign(120, 24);
    const result = runCli(['graph', '--format', 'json', '-'], () => text);
    const graph = JSON.parse(result.stdout) as EgressGraph;
    const each = deriveGraph(parseBundle(text), createGraphMemo(), undefined, { shareNamespaces: false });
    const ids = graph.edges.map((e) => e.id);
    expect(graph.edges.some((e) => 'alsoFrom' in e)).toBe(false);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(each.edges.map((e) => e.id).sort());
    expect(graph.edges.length).toBeGreaterThan(2000);
  });
});

describe('--istio-version', () => {
  const newFields = corpus('valid/istio-1-31-fields.yaml');

  it('checks against the newest release by default', () => {
    expect(runCli(['validate', newFields]).status).toBe(0);
    expect(runCli(['validate', '--istio-version', '1.31', newFields]).status).toBe(0);
  });

  it('refuses what an older release does not have, naming the release that added it', () => {
    const result = runCli(['validate', '--format', 'json', '--istio-version=1.30', newFields]);
    expect(result.status).toBe(1);
    const items = JSON.parse(result.stdout) as { code: string; path: string; message: string }[];
    expect(items).toContainEqual(
      expect.objectContaining({
        code: 'SCHEMA-RELEASE',
        path: 'spec.trafficPolicy.connectionPool.http.http2KeepAlive',
        message:
          'spec.trafficPolicy.connectionPool.http.http2KeepAlive: field added in Istio 1.31; this design targets Istio 1.30',
      }),
    );
  });

  it('is taken by every command', () => {
    const file = corpus('valid/e10-egress-gateway-tls-passthrough.yaml');
    for (const args of [
      ['validate', file],
      ['graph', '--format', 'json', file],
      ['mermaid', file],
      ['export', file],
      ['scenarios'],
    ]) {
      const [command, ...rest] = args;
      expect(runCli([command!, '--istio-version', '1.24', ...rest]).status, command).toBe(0);
    }
    expect(runCli(['mermaid', '--istio-version', '1.30', newFields]).status).toBe(1);
    expect(runCli(['export', '--istio-version', '1.30', newFields]).stderr).toContain(
      'the cluster would refuse it',
    );
  });

  it('is a usage error (exit 2) for a release it does not support, listing those it does', () => {
    for (const command of ['validate', 'graph', 'mermaid', 'export', 'scenarios']) {
      const result = runCli([command, '--istio-version', '1.21', newFields]);
      expect(result.status, command).toBe(2);
      expect(result.stderr).toContain(
        'unknown Istio version "1.21" (supported: 1.22, 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31)',
      );
    }
    expect(runCli(['validate', '--istio-version']).status).toBe(2);
    expect(runCli(['--help']).stdout).toContain('--istio-version 1.N');
  });
});

describe('the CLI as a process', () => {
  it('runs through npm with the documented exit codes', () => {
    const run = (args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
        cwd: join(import.meta.dirname, '../..'),
        encoding: 'utf8',
      });
    const invalid = run(['validate', '--format', 'json', corpus('invalid/se-02.yaml')]);
    expect(invalid.status).toBe(1);
    expect(JSON.parse(invalid.stdout)).toContainEqual(expect.objectContaining({ code: 'SE-02' }));
    expect(run(['validate', corpus('valid/seed-http-api.yaml')]).status).toBe(0);
    expect(run(['validate', '/nonexistent.yaml']).status).toBe(2);
  }, 30_000);
});

describe('egress-studio validate with best-practice findings only', () => {
  it('exits 0 when the only findings are info', () => {
    const result = runCli(['validate', '--format', 'json', corpus('valid/seed-http-api.yaml')]);
    expect(result.status).toBe(0);
    const items = JSON.parse(result.stdout) as { severity: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((d) => d.severity === 'info')).toBe(true);
  });
});

describe('the published bin', () => {
  it('builds into dist-cli and validates with the documented exit codes', () => {
    const repo = join(import.meta.dirname, '../..');
    const build = spawnSync(
      'npx',
      ['vite', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );
    expect(build.status, build.stderr).toBe(0);
    const bin = join(repo, 'bin/egress-studio.js');
    const invalid = spawnSync(bin, ['validate', '--format', 'json', corpus('invalid/se-02.yaml')], {
      encoding: 'utf8',
    });
    expect(invalid.status).toBe(1);
    expect(JSON.parse(invalid.stdout)).toContainEqual(
      expect.objectContaining({ code: 'SE-02', line: expect.any(Number) }),
    );
    const graph = spawnSync(
      bin,
      ['graph', '--format', 'json', corpus('valid/e09-egress-gateway-http.yaml')],
      { encoding: 'utf8' },
    );
    expect(graph.status).toBe(0);
    expect(JSON.parse(graph.stdout).nodes.length).toBeGreaterThan(0);
  }, 60_000);
});
