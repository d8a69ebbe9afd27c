// Drawing a host once per class of client namespaces (src/core/graph/namespace-classes.ts) must be
// invisible: the graph equals the one drawn namespace by namespace, on Istio's own configurations,
// our scenarios, and generated designs whose namespaces differ in every way the engine reads
// (where resources live, what they are exported to, their Sidecars and outbound modes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';

import { parseBundle, splitDocuments } from '../src/core/bundle';
import { createDeriver } from '../src/core/derivation';
import { createGraphMemo, deriveGraph } from '../src/core/graph/derive';
import { expandEdges } from '../src/core/graph/hops';
import type { EgressGraph, GraphEdge } from '../src/core/graph/types';
import { ISTIO_VERSIONS, LATEST_ISTIO_VERSION } from '../src/core/istio/releases';
import { realisticDesign } from '../src/templates/realistic';
import { syntheticBundle } from '../bench/synthetic';

const here = import.meta.dirname;

function yamlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

const files = [
  ...yamlFiles(join(here, 'conformance/fixtures')),
  ...yamlFiles(join(here, 'corpus')),
  ...yamlFiles(join(here, '../src/templates/scenarios')),
];

/** The graph of `text` drawn both ways, for one release. */
function bothWays(text: string, release = LATEST_ISTIO_VERSION) {
  const bundle = parseBundle(text);
  return {
    shared: deriveGraph(bundle, createGraphMemo(), release),
    each: deriveGraph(bundle, createGraphMemo(), release, { shareNamespaces: false }),
  };
}

const byId = (a: GraphEdge, b: GraphEdge) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * `shared` is `each`: the same graph, or, when it is large enough to keep the hops namespaces share
 * once, the same nodes and the same hops one by one (in another order, which nothing reads).
 */
function expectSameGraph(shared: EgressGraph, each: EgressGraph, message?: string) {
  if (!shared.edges.some((e) => e.alsoFrom)) return expect(shared, message).toEqual(each);
  expect(shared.nodes, message).toEqual(each.nodes);
  expect(expandEdges(shared.edges).sort(byId), message).toEqual([...each.edges].sort(byId));
}

describe('hosts drawn once per class of namespaces', () => {
  it('draw the same graph as each namespace drawn on its own, for every file of Istio data and every scenario', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const { shared, each } = bothWays(readFileSync(file, 'utf8'));
      expectSameGraph(shared, each, file);
    }
  });

  it('draw the same graph for the large designs of the bench, which share most drawings', () => {
    for (const text of [realisticDesign(150, 24), syntheticBundle(300)]) {
      const { shared, each } = bothWays(text);
      expect(expandEdges(shared.edges).length).toBeGreaterThan(100);
      expectSameGraph(shared, each);
    }
  });

  // Documents of Istio's data and ours, moved between a few namespaces, exported to some of them,
  // beside Sidecars that import differently and namespaces that hold nothing but workloads.
  const documents = files.flatMap((file) =>
    splitDocuments(readFileSync(file, 'utf8')).flatMap((chunk) => {
      const doc = parseAllDocuments(chunk.text)[0];
      if (!doc || !('errors' in doc) || doc.errors.length > 0) return [];
      const value: unknown = doc.toJS();
      return value && typeof value === 'object' && 'kind' in value ? [value as Record<string, unknown>] : [];
    }),
  );
  const namespaces = ['a', 'b', 'c', 'd', 'istio-system'];
  const imports = ['./*', 'istio-system/*', 'a/*', '*/*', '~/*', 'b/*.example.com', '*/api.example.com'];
  const placed = fc.record({
    document: fc.nat({ max: documents.length - 1 }),
    namespace: fc.constantFrom(...namespaces, undefined),
    exportTo: fc.option(fc.subarray(['.', '*', '~', 'a', 'b', 'e', 'f']), { nil: undefined }),
  });
  const sidecar = fc.record({
    namespace: fc.constantFrom('a', 'b', 'e', 'f', 'g', 'istio-system'),
    name: fc.constantFrom('default', 'other'),
    hosts: fc.subarray(imports, { minLength: 1 }),
    mode: fc.constantFrom(undefined, 'REGISTRY_ONLY', 'ALLOW_ANY'),
    selector: fc.boolean(),
  });
  const design = fc.record({
    placed: fc.array(placed, { minLength: 1, maxLength: 10 }),
    sidecars: fc.array(sidecar, { maxLength: 5 }),
    meshMode: fc.constantFrom(undefined, 'REGISTRY_ONLY'),
    release: fc.constantFrom(...ISTIO_VERSIONS),
  });
  type Design = typeof design extends fc.Arbitrary<infer T> ? T : never;

  function textOf(d: Design): string {
    const docs: unknown[] = ['e', 'f', 'g', 'h'].map((name) => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name },
    }));
    if (d.meshMode)
      docs.push({
        apiVersion: 'install.istio.io/v1alpha1',
        kind: 'IstioOperator',
        metadata: { name: 'mesh', namespace: 'istio-system' },
        spec: { meshConfig: { outboundTrafficPolicy: { mode: d.meshMode } } },
      });
    for (const p of d.placed) {
      const doc = structuredClone(documents[p.document]!);
      const metadata = (doc['metadata'] ??= {}) as Record<string, unknown>;
      if (p.namespace) metadata['namespace'] = p.namespace;
      const spec = doc['spec'];
      if (p.exportTo && spec && typeof spec === 'object')
        (spec as Record<string, unknown>)['exportTo'] = p.exportTo;
      docs.push(doc);
    }
    for (const s of d.sidecars)
      docs.push({
        apiVersion: 'networking.istio.io/v1',
        kind: 'Sidecar',
        metadata: { name: s.name, namespace: s.namespace },
        spec: {
          ...(s.selector ? { workloadSelector: { labels: { app: 'api' } } } : {}),
          egress: [{ hosts: s.hosts }],
          ...(s.mode ? { outboundTrafficPolicy: { mode: s.mode } } : {}),
        },
      });
    return docs.map((doc) => stringify(doc)).join('---\n');
  }

  it('draw the same graph for generated designs, and after edits to them', () => {
    fc.assert(
      fc.property(design, design, (first, second) => {
        const text = textOf(first);
        const { shared, each } = bothWays(text, first.release);
        expectSameGraph(shared, each);
        // Incrementally: the cached classes of the first design, after an edit to the second.
        const derive = createDeriver();
        derive(text, undefined, first.release);
        const next = textOf({ ...second, release: first.release });
        expectSameGraph(derive(next, undefined, first.release).graph, bothWays(next, first.release).each);
      }),
      { numRuns: 200, seed: 1207 },
    );
  }, 120_000);
});
