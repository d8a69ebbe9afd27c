import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import { Gateway } from '@kubernetes-models/istio/networking.istio.io/v1/Gateway';
import { ServiceEntry } from '@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry';
import { Sidecar } from '@kubernetes-models/istio/networking.istio.io/v1/Sidecar';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import { describe, expect, it } from 'vitest';

import { codeCatalogue, createDeriver, type Diagnostic } from '../../core';
import { SCENARIO_TAGS, SCENARIOS, scenarioById } from '.';

const directory = import.meta.dirname;
const bundleFiles = readdirSync(directory)
  .filter((file) => file.endsWith('.yaml'))
  .sort();

/** Every configuration of the seed article the catalogue must cover. */
const REQUIRED_SOURCES = [
  'ServiceEntry guide: HTTP API',
  'ServiceEntry guide: HTTPS pass-through',
  'ServiceEntry guide: DNS resolution',
  'ServiceEntry guide: STATIC resolution',
  'ServiceEntry guide: NONE resolution',
  'ServiceEntry guide: TLS origination',
  'ServiceEntry guide: mutual TLS to a partner',
  'ServiceEntry guide: connection pool',
  'ServiceEntry guide: circuit breaker',
  'ServiceEntry guide: retries and timeouts',
  'ServiceEntry guide: payment gateway',
  'ServiceEntry guide: egress gateway with TLS pass-through',
  'ServiceEntry guide: exportTo',
  'ServiceEntry guide: labels and owner annotations',
  'ServiceEntry guide: REGISTRY_ONLY mesh policy',
];

/** The istio.io egress tasks (and blog post, and reference page) the scenarios name as their sources. */
const ISTIO_SOURCES = [
  'Istio task: Accessing External Services',
  'Istio task: Egress TLS Origination',
  'Istio task: Egress Gateways',
  'Istio task: Egress Gateways with TLS Origination',
  'Istio task: Egress using Wildcard Hosts',
  'Istio task: Using an External HTTPS Proxy',
  'Istio blog: wildcard egress with DYNAMIC_DNS',
  'Istio reference: Sidecar',
];

/** The egress patterns of PEERS.md (c) the catalogue must cover. */
const REQUIRED_PATTERNS = [...Array.from({ length: 15 }, (_, i) => `E${i + 1}`), 'E17', 'E19'];

// An oracle independent of the engine: the CRD schemas @kubernetes-models/istio compiles.
const CRD_MODELS: Record<string, new (data: never) => { validate(): void }> = {
  ServiceEntry,
  DestinationRule,
  VirtualService,
  Gateway,
  Sidecar,
};

const codesOf = (diagnostics: Diagnostic[], severity: Diagnostic['severity']) =>
  [...new Set(diagnostics.filter((d) => d.severity === severity).map((d) => d.code))].sort();

const described = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.severity} ${d.code} ${d.resource ?? ''} ${d.path}: ${d.message}`);

describe('the scenario catalogue', () => {
  it('lists every bundle file, and has a file for every entry', () => {
    expect(SCENARIOS.map((s) => `${s.id}.yaml`).sort()).toEqual(bundleFiles);
  });

  it('uses unique kebab-case ids, found by scenarioById', () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(scenarioById(id)?.id).toBe(id);
    }
    expect(scenarioById('no-such-scenario')).toBeUndefined();
  });

  it('carries each bundle text exactly as the file holds it', () => {
    for (const scenario of SCENARIOS) {
      expect(scenario.text, scenario.id).toBe(readFileSync(join(directory, `${scenario.id}.yaml`), 'utf8'));
    }
  });

  it('describes each scenario: title, summary, known tags, sources, and a fix only for seed examples', () => {
    for (const { id, title, summary, tags, sources, seedFix } of SCENARIOS) {
      expect(title.trim(), id).not.toBe('');
      expect(summary.trim(), id).not.toBe('');
      expect(tags.length, id).toBeGreaterThan(0);
      const vocabulary: readonly string[] = SCENARIO_TAGS;
      expect(
        tags.filter((t) => !vocabulary.includes(t)),
        id,
      ).toEqual([]);
      expect(new Set(tags).size, id).toBe(tags.length);
      expect(sources.length, id).toBeGreaterThan(0);
      const fromSeed = sources.some((s) => s.startsWith('ServiceEntry guide: '));
      expect(tags.includes('essentials'), id).toBe(fromSeed);
      if (seedFix !== undefined) expect(fromSeed, `${id} has a seedFix but no seed source`).toBe(true);
    }
  });

  it('covers every seed configuration, and names only known sources', () => {
    const covered = new Set(SCENARIOS.flatMap((s) => s.sources));
    expect(REQUIRED_SOURCES.filter((source) => !covered.has(source))).toEqual([]);
    // A source outside the lists is a typo of one in them.
    const known = [...REQUIRED_SOURCES, ...ISTIO_SOURCES];
    expect([...covered].filter((source) => !known.includes(source))).toEqual([]);
  });

  it('covers the egress patterns E1–E15, E17 and E19, and never shows their ids', () => {
    const covered = new Set(SCENARIOS.flatMap((s) => s.patterns ?? []));
    expect(REQUIRED_PATTERNS.filter((pattern) => !covered.has(pattern))).toEqual([]);
    expect([...covered].filter((pattern) => !REQUIRED_PATTERNS.includes(pattern))).toEqual([]);
    // What the gallery shows speaks of Istio, not of our internal pattern table.
    for (const { id, title, summary, sources, seedFix } of SCENARIOS) {
      expect([title, summary, ...sources, seedFix ?? ''].join(' '), id).not.toMatch(/\bE\d+\b/);
    }
  });

  it('expects only codes the engine knows', () => {
    for (const { id, expected } of SCENARIOS) {
      for (const code of [...expected.warnings, ...expected.info]) {
        expect(codeCatalogue.has(code), `${id}: ${code}`).toBe(true);
      }
    }
  });
});

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('scenario %s', (_id, scenario) => {
  const { bundle, diagnostics, graph } = createDeriver()(scenario.text);

  it('opens with a comment header', () => {
    expect(scenario.text.startsWith('# ')).toBe(true);
  });

  it('parses, and the cluster would accept every resource (no error)', () => {
    expect(diagnostics.filter((d) => d.code === 'YAML-SYNTAX').map((d) => d.message)).toEqual([]);
    expect(described(diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
  });

  it('passes the CRD schema of @kubernetes-models/istio', () => {
    for (const resource of bundle.resources) {
      const Model = CRD_MODELS[resource.kind];
      if (!Model) continue;
      const { apiVersion: _a, kind: _k, status: _s, ...data } = resource.value;
      expect(() => new Model(data as never).validate(), resource.id).not.toThrow();
    }
  });

  it('shows exactly the warnings and info it means to teach', () => {
    const context = described(diagnostics).join('\n');
    expect(codesOf(diagnostics, 'warning'), context).toEqual([...scenario.expected.warnings].sort());
    expect(codesOf(diagnostics, 'info'), context).toEqual([...scenario.expected.info].sort());
  });

  it('draws at least one external service', () => {
    expect(graph.nodes.filter((n) => n.kind === 'external-service').length).toBeGreaterThan(0);
  });
});

describe('scenarios whose graph is the point', () => {
  const edgesOf = (id: string) =>
    createDeriver()(scenarioById(id)!.text).graph.edges.map((e) => `${e.source} -> ${e.target} ${e.kind}`);

  it("sidecar-egress-hosts: orders imports the payment API and reaches it, reports' Sidecar does not and is blocked", () => {
    const edges = edgesOf('sidecar-egress-hosts');
    expect(edges).toContain('sidecar:orders -> external:api.payments-provider.com direct');
    expect(edges).toContain('sidecar:reports -> external:api.payments-provider.com blocked');
    // The Sidecar is the cause: importing orders/* lets reports through.
    const { graph } = createDeriver()(
      scenarioById('sidecar-egress-hosts')!.text.replace(
        'namespace: reports\nspec:\n  egress:\n    - hosts:\n',
        '$&        - orders/*\n',
      ),
    );
    expect(
      graph.edges.find(
        (e) => e.source === 'sidecar:reports' && e.target === 'external:api.payments-provider.com',
      )?.kind,
    ).toBe('direct');
  });

  it('h2-upgrade: the sidecar sends HTTP to the API, upgraded to HTTP/2 over the TLS it originates', () => {
    const { graph, bundle } = createDeriver()(scenarioById('h2-upgrade')!.text);
    const edge = graph.edges.find((e) => e.target === 'external:events.metrics-vendor.com');
    expect(edge).toMatchObject({ kind: 'direct', protocol: 'HTTP' });
    const rule = bundle.resources.find((r) => r.kind === 'DestinationRule')!.value as {
      spec: { trafficPolicy: { connectionPool: { http: Record<string, unknown> } } };
    };
    expect(rule.spec.trafficPolicy.connectionPool.http['h2UpgradePolicy']).toBe('UPGRADE');
  });
});
