import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import { Gateway } from '@kubernetes-models/istio/networking.istio.io/v1/Gateway';
import { ServiceEntry } from '@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry';
import { Sidecar } from '@kubernetes-models/istio/networking.istio.io/v1/Sidecar';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import { describe, expect, it } from 'vitest';

import { analyzeBundle } from '../src/core/analysis/analyze';
import { parseBundle } from '../src/core/bundle';
import { isIstioVersion, LATEST_ISTIO_VERSION } from '../src/core/istio/releases';

const root = join(import.meta.dirname, 'corpus');
const filesIn = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();

/** The release a file is written for: its `# istio-version: 1.N` line, else the newest. */
function targetOf(text: string, file: string): string {
  const named = /^# istio-version: (\S+)$/m.exec(text)?.[1];
  if (named === undefined) return LATEST_ISTIO_VERSION;
  if (!isIstioVersion(named)) throw new Error(`${file}: unsupported istio-version ${named}`);
  return named;
}

function analyse(dir: string, file: string) {
  const text = readFileSync(join(root, dir, file), 'utf8');
  const bundle = parseBundle(text);
  const diagnostics = analyzeBundle(bundle, undefined, targetOf(text, file)).map((d) => ({
    ...d,
    line: bundle.lines.positionAt(d.range.start).line,
  }));
  const markers = [...text.matchAll(/# expect-(error|warning): ([A-Z0-9-]+)/g)].map((m) => ({
    kind: m[1] as 'error' | 'warning',
    code: m[2]!,
    line: text.slice(0, m.index).split('\n').length,
  }));
  return { bundle, diagnostics, markers };
}

const summary = (d: { code: string; line: number; message: string }) => `${d.line} ${d.code} ${d.message}`;

// An independent oracle: the validators @kubernetes-models/istio 3.0.1 compiles from Istio 1.29's
// CRDs. They accept fields they do not know (no additionalProperties: false), so a file that uses
// a field of a newer release is still checked on everything 1.29 has, and needs no exception.
const CRD_MODELS: Record<string, new (data: never) => { validate(): void }> = {
  ServiceEntry,
  DestinationRule,
  VirtualService,
  Gateway,
  Sidecar,
};

describe('valid corpus: configurations Istio accepts', () => {
  it.each(filesIn('valid'))('%s gives no error', (file) => {
    const { diagnostics } = analyse('valid', file);
    expect(diagnostics.filter((d) => d.severity === 'error').map(summary)).toEqual([]);
  });

  it.each(filesIn('valid'))('%s passes the CRD schema of @kubernetes-models/istio', (file) => {
    const { bundle } = analyse('valid', file);
    for (const resource of bundle.resources) {
      const Model = CRD_MODELS[resource.kind];
      if (!Model || !resource.apiVersion.startsWith('networking.istio.io/')) continue;
      const { apiVersion: _a, kind: _k, status: _s, ...data } = resource.value;
      expect(() => new Model(data as never).validate(), resource.id).not.toThrow();
    }
  });
});

describe('invalid corpus: configurations Istio refuses', () => {
  it.each(filesIn('invalid'))('%s gives an error at the marked line', (file) => {
    const { diagnostics, markers } = analyse('invalid', file);
    expect(markers.length).toBeGreaterThan(0);
    for (const marker of markers) {
      const atLine = diagnostics.filter((d) => d.severity === 'error' && d.line === marker.line);
      expect(
        atLine.map(summary),
        `${marker.code} at line ${marker.line}; all: ${diagnostics.map(summary).join(' | ')}`,
      ).not.toEqual([]);
      expect(
        atLine.some((d) => d.code === marker.code),
        `expected ${marker.code} among ${atLine.map(summary).join(' | ')}`,
      ).toBe(true);
    }
  });
});

describe.each(['warnings', 'analysis'])('%s corpus: accepted, but flagged', (dir) => {
  it.each(filesIn(dir))('%s warns at the marked line and gives no error', (file) => {
    const { diagnostics, markers } = analyse(dir, file);
    expect(diagnostics.filter((d) => d.severity === 'error').map(summary)).toEqual([]);
    for (const marker of markers) {
      const found = diagnostics.some((d) => d.line === marker.line && d.code === marker.code);
      expect(
        found,
        `${marker.code} at line ${marker.line}; got: ${diagnostics.map(summary).join(' | ')}`,
      ).toBe(true);
    }
  });
});
