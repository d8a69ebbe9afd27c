import { describe, expect, it } from 'vitest';

import { realisticDesign } from '../../templates/realistic';
import { deriveOnce } from '../derivation';
import {
  aggregateGraph,
  HOST_GROUP_LIMIT,
  NAMESPACE_GROUP_LIMIT,
  needsAggregation,
  revealKey,
} from './aggregate';
import { expandEdges } from './hops';
import { createGraphShower } from './shown';
import { roleAndLabel } from './roles';
import { OTHER_HOSTS_ID, type EgressGraph, type GraphNode } from './types';

const node = (id: string, kind: GraphNode['kind'], label = id): GraphNode => ({
  id,
  kind,
  label,
  resources: [`R/${id}`],
  position: { x: 0, y: 0 },
});

/** Namespaces `ns-0…` each calling every host directly, under one policy (or REGISTRY_ONLY for some). */
function graphOf(hosts: string[], namespaces: number, locked = (_: number) => false): EgressGraph {
  const nodes = [
    node('mesh-policy', 'mesh-policy', 'ALLOW_ANY'),
    node(OTHER_HOSTS_ID, 'external-service', 'any other host'),
  ];
  const edges: EgressGraph['edges'] = [];
  for (const host of hosts) nodes.push(node(`external:${host}`, 'external-service', host));
  for (let i = 0; i < namespaces; i++) {
    const ns = `ns-${i}`;
    nodes.push(node(`workload:${ns}`, 'workload', ns), node(`sidecar:${ns}`, 'sidecar', ns));
    const mode = locked(i) ? 'REGISTRY_ONLY' : 'ALLOW_ANY';
    edges.push(
      { id: `w${i}`, source: `workload:${ns}`, target: `sidecar:${ns}`, kind: 'workload', label: 'outbound' },
      { id: `p${i}`, source: 'mesh-policy', target: `sidecar:${ns}`, kind: 'policy', label: mode },
    );
    for (const host of hosts)
      edges.push({
        id: `${ns}>${host}`,
        source: `sidecar:${ns}`,
        target: `external:${host}`,
        kind: 'direct',
        label: 'TLS:443',
        port: 443,
        resources: [`ServiceEntry/${ns}/${host}`],
      });
  }
  return { nodes, edges };
}

const hostsUnder = (domains: number, each: number) =>
  Array.from({ length: domains * each }, (_, i) => `api-${i}.vendor-${i % domains}.example.com`);

/** How many hops of the whole graph the shown one stands for. */
const hopsShown = (graph: EgressGraph) => graph.edges.reduce((n, e) => n + (e.bundled ?? 1), 0);

describe('aggregateGraph', () => {
  it('leaves a graph small enough to draw whole as it is', () => {
    const graph = graphOf(hostsUnder(4, 10), NAMESPACE_GROUP_LIMIT);
    expect(needsAggregation(graph)).toBe(false);
    expect(aggregateGraph(graph)).toBe(graph);
  });

  it('groups many hosts by the domain they share, opening the largest groups while they fit', () => {
    const graph = graphOf([...hostsUnder(20, 5), 'api.github.com', 'storage.googleapis.com'], 2);
    const shown = aggregateGraph(graph);
    const hosts = shown.nodes.filter((n) => n.kind === 'external-service' && n.id !== OTHER_HOSTS_ID);
    expect(hosts.length).toBeLessThanOrEqual(HOST_GROUP_LIMIT);
    // example.com's 100 hosts would take 20 groups plus the other two: they fit, so it is open.
    expect(hosts.map((n) => roleAndLabel(n))).toContain('External services (5): vendor-3.example.com');
    expect(hosts.map((n) => n.label)).toContain('api.github.com');
    const vendor = hosts.find((n) => n.group?.key === 'hosts:vendor-3.example.com')!;
    expect(vendor.group).toMatchObject({ size: 5 });
    expect(vendor.group!.members).toContain('api-3.vendor-3.example.com');
    expect(vendor.resources).toHaveLength(5);
    // Every hop is still there, bundled: 2 namespaces × 5 hosts into each group.
    expect(hopsShown(shown)).toBe(graph.edges.length);
    const into = shown.edges.filter((e) => e.target === vendor.id);
    expect(into.map((e) => [e.bundled, e.label])).toEqual([
      [5, 'TLS:443 ×5'],
      [5, 'TLS:443 ×5'],
    ]);
    expect(into[0]!.resources).toHaveLength(5);
  });

  it('keeps one group when its members would not fit, and opens it at the next level when asked', () => {
    const graph = graphOf(hostsUnder(97, 3), 2);
    const shown = aggregateGraph(graph);
    expect(shown.nodes.filter((n) => n.kind === 'external-service').map((n) => n.label)).toEqual([
      'any other host',
      'example.com',
    ]);
    const open = aggregateGraph(graph, new Set(['hosts:example.com']));
    const groups = open.nodes.filter((n) => n.group);
    expect(groups).toHaveLength(97);
    expect(roleAndLabel(groups[0]!)).toMatch(/^External services \(3\): vendor-\d+\.example\.com$/);
    const deeper = aggregateGraph(graph, new Set(['hosts:example.com', 'hosts:vendor-5.example.com']));
    expect(deeper.nodes.map((n) => n.id)).toContain('external:api-5.vendor-5.example.com');
    expect(hopsShown(deeper)).toBe(graph.edges.length);
  });

  it('opens every group holding a node asked for by its reveal key, down to the node', () => {
    const graph = graphOf(hostsUnder(97, 3), 2);
    const host = 'external:api-5.vendor-5.example.com';
    const shown = aggregateGraph(graph, new Set([revealKey(host), revealKey('sidecar:ns-1')]));
    expect(shown.nodes.map((n) => n.id)).toContain(host);
    expect(shown.nodes.filter((n) => n.group).length).toBe(96);
    expect(hopsShown(shown)).toBe(graph.edges.length);
  });

  it('groups namespaces whose sidecars do the same, and keeps one alone as it is', () => {
    const graph = graphOf(['a.example.com'], NAMESPACE_GROUP_LIMIT + 4, (i) =>
      i % 3 === 0 && i !== 0 ? i < 9 : false,
    );
    const shown = aggregateGraph(graph);
    const sidecars = shown.nodes.filter((n) => n.kind === 'sidecar');
    expect(sidecars.map((n) => roleAndLabel(n)).sort()).toEqual([
      'Sidecars (18): ns-0 and 17 more',
      'Sidecars (2): ns-3 and 1 more',
    ]);
    const locked = sidecars.find((n) => n.label === 'ns-3 and 1 more')!;
    expect(locked.group).toEqual({ key: 'namespaces:ns-3', size: 2, members: ['ns-3', 'ns-6'] });
    expect(shown.nodes.find((n) => n.id === 'group:workload:ns-3')?.kind).toBe('workload');
    const policy = shown.edges.find((e) => e.target === locked.id && e.kind === 'policy');
    expect(policy).toMatchObject({ label: 'REGISTRY_ONLY ×2', bundled: 2 });
    const revealed = aggregateGraph(graph, new Set([revealKey('workload:ns-6')]));
    expect(revealed.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['workload:ns-6', 'sidecar:ns-3']),
    );
    const open = aggregateGraph(graph, new Set(['namespaces:ns-3']));
    expect(open.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['sidecar:ns-3', 'sidecar:ns-6']));
    expect(hopsShown(open)).toBe(graph.edges.length);
  });

  it('is deterministic, and a shower keeps the same graph while nothing changes', () => {
    const graph = graphOf(hostsUnder(50, 2), 20, (i) => i % 4 === 0);
    expect(aggregateGraph(graph)).toEqual(aggregateGraph(graph));
    const show = createGraphShower();
    const shown = show(graph, []);
    expect(show(graph, [])).toBe(shown);
    expect(show(graph, ['hosts:example.com'])).not.toBe(shown);
    expect(shown.nodes.every((n) => Number.isFinite(n.position.x))).toBe(true);
  });
});

describe('a large design', () => {
  it('is derived whole (what the CLI prints) and shown grouped, every hop accounted for', () => {
    const derivation = deriveOnce(realisticDesign(300));
    const { graph } = derivation;
    expect(graph.nodes.filter((n) => n.kind === 'external-service')).toHaveLength(301);
    const shown = createGraphShower()(graph, []);
    expect(shown.nodes.length).toBeLessThan(20);
    // The hops namespaces share are kept once (one edge for many sources), and shown as many.
    expect(graph.edges.length).toBeLessThan(expandEdges(graph.edges).length / 5);
    expect(hopsShown(shown)).toBe(expandEdges(graph.edges).length);
    expect(new Set(shown.nodes.map((n) => n.id)).size).toBe(shown.nodes.length);
    for (const edge of shown.edges) {
      expect(shown.nodes.some((n) => n.id === edge.source)).toBe(true);
      expect(shown.nodes.some((n) => n.id === edge.target)).toBe(true);
    }
  });

  it('is shown the same from its hops kept once as from its hops one by one, groups shut or open', () => {
    const { graph } = deriveOnce(realisticDesign(300));
    const full = { nodes: graph.nodes, edges: expandEdges(graph.edges) };
    const sorted = (g: EgressGraph) => [...g.edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const groups = aggregateGraph(full).nodes.flatMap((n) => (n.group ? [n.group.key] : []));
    expect(groups.some((key) => key.startsWith('namespaces:'))).toBe(true);
    for (const open of [[], groups, groups.slice(0, 1), groups.slice(-1)]) {
      const shown = aggregateGraph(graph, new Set(open));
      const expected = aggregateGraph(full, new Set(open));
      expect(shown.nodes).toEqual(expected.nodes);
      expect(sorted(shown)).toEqual(sorted(expected));
      expect(shown.edges.some((e) => e.alsoFrom)).toBe(false);
    }
  });
});
