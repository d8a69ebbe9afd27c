/**
 * The analyzers that read Kubernetes objects (Pods, Services, Secrets, Namespaces, Nodes) speak only
 * where the design holds the objects they need: a design without pods says nothing about pods.
 * istioctl analyze's own cases for these analyzers run in the conformance suite (test/conformance).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { analyzeBundle } from '../src/core/analysis/analyze';
import { parseBundle, splitDocuments } from '../src/core/bundle';

/** Every bundle of the corpus, the scenarios and Istio's test data, by name. */
function allBundles(): [string, string][] {
  const dirs = [
    'corpus/valid',
    'corpus/warnings',
    'corpus/analysis',
    'conformance/fixtures/istio-analyzers',
    '../src/templates/scenarios',
  ];
  return dirs.flatMap((dir) =>
    readdirSync(join(import.meta.dirname, dir))
      .filter((file) => file.endsWith('.yaml'))
      .map(
        (file) =>
          [`${dir}/${file}`, readFileSync(join(import.meta.dirname, dir, file), 'utf8')] as [string, string],
      ),
  );
}

/** The bundle without the documents that hold an object of one of `kinds`. */
function without(text: string, kinds: readonly string[]): string {
  return splitDocuments(text)
    .filter((chunk) => !parseBundle(chunk.text).resources.some((r) => kinds.includes(r.kind)))
    .map((chunk) => chunk.text)
    .join('');
}

const WORKLOADS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];
/** Findings that speak of objects of some kinds: each must stay quiet when the design holds none. */
const SPEAKS_OF: { objects: string; kinds: string[]; speaks: (code: string, message: string) => boolean }[] =
  [
    {
      objects: 'pods',
      kinds: WORKLOADS,
      speaks: (code, message) =>
        ['SELECTOR-NO-PODS', 'CONFLICT-SIDECAR-SELECTOR'].includes(code) ||
        (code === 'SUBSET-NO-PODS' && message.includes('no pod')),
    },
    {
      objects: 'Secrets',
      kinds: ['Secret'],
      speaks: (code) => ['REF-CREDENTIAL', 'CREDENTIAL-INVALID', 'DR-CREDENTIAL-MISSING'].includes(code),
    },
    {
      objects: 'Services',
      kinds: ['Service'],
      speaks: (code, message) =>
        ['GATEWAY-PORT-NOT-ON-SERVICE', 'SERVICE-PORT-NAME', 'EXTERNALNAME-PORT-NAME'].includes(code) ||
        (['REF-HOST', 'REF-HOST-PORT', 'PORT-REQUIRED', 'DR-HOST-UNKNOWN'].includes(code) &&
          /\bService\b/.test(message)),
    },
    {
      objects: 'Namespaces or pods',
      kinds: ['Namespace', ...WORKLOADS],
      speaks: (code) => code === 'SIDECAR-IN-AMBIENT',
    },
  ];

describe('a design without the Kubernetes objects a finding needs stays quiet about them', () => {
  const bundles = allBundles();

  it.each(SPEAKS_OF.map((s) => [s.objects, s] as const))('without %s', (_objects, { kinds, speaks }) => {
    const loud = bundles.flatMap(([name, text]) =>
      analyzeBundle(parseBundle(without(text, kinds)))
        .filter((d) => speaks(d.code, d.message))
        .map((d) => `${name}: ${d.code} ${d.resource ?? ''} ${d.message}`),
    );
    expect(loud).toEqual([]);
  });

  it('speaks when the objects are there (the check above can fail)', () => {
    const heard = new Set(
      bundles.flatMap(([, text]) =>
        analyzeBundle(parseBundle(text)).flatMap((d) => SPEAKS_OF.filter((s) => s.speaks(d.code, d.message))),
      ),
    );
    expect([...heard].map((s) => s.objects).sort()).toEqual(SPEAKS_OF.map((s) => s.objects).sort());
  });
});
