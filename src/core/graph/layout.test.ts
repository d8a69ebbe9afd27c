import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseBundle } from '../bundle';
import { deriveGraph } from './derive';
import {
  createLayoutMemo,
  LAYERED_LAYOUT_LIMIT,
  layoutGraph,
  NODE_SIZE,
  type LayoutDirection,
} from './layout';
import type { EgressGraph, GraphEdge, GraphNode, NodeKind } from './types';

const sample = readFileSync(join(import.meta.dirname, '../../templates/sample-payments.yaml'), 'utf8');
const sampleGraph = () => deriveGraph(parseBundle(sample));

const at = (graph: EgressGraph, id: string) => graph.nodes.find((n) => n.id === id)!.position;
const node = (id: string, kind: NodeKind): GraphNode => ({
  id,
  kind,
  label: id,
  resources: [],
  position: { x: 0, y: 0 },
});
const edge = (source: string, target: string, kind: GraphEdge['kind'] = 'direct'): GraphEdge => ({
  id: `${source}->${target}`,
  source,
  target,
  kind,
  label: '',
});

/** Pairs of nodes whose boxes overlap. */
function overlaps(graph: EgressGraph): string[] {
  const found: string[] = [];
  graph.nodes.forEach((a, i) =>
    graph.nodes.slice(i + 1).forEach((b) => {
      const apart =
        a.position.x + NODE_SIZE.width <= b.position.x ||
        b.position.x + NODE_SIZE.width <= a.position.x ||
        a.position.y + NODE_SIZE.height <= b.position.y ||
        b.position.y + NODE_SIZE.height <= a.position.y;
      if (!apart) found.push(`${a.id} × ${b.id}`);
    }),
  );
  return found;
}

describe('the layered layout', () => {
  it.each<LayoutDirection>(['LR', 'TB'])(
    'puts each kind in its rank along the path, %s, with no two nodes over each other',
    (direction) => {
      const graph = layoutGraph(sampleGraph(), direction);
      const along = (id: string) => (direction === 'LR' ? at(graph, id).x : at(graph, id).y);
      expect(along('workload:orders')).toBe(along('mesh-policy'));
      expect(along('sidecar:orders')).toBeGreaterThan(along('workload:orders'));
      expect(along('egress-gateway:istio-egressgateway')).toBeGreaterThan(along('sidecar:orders'));
      expect(along('external:api.github.com')).toBeGreaterThan(along('egress-gateway:istio-egressgateway'));
      // Reached directly, a service still sits in the last rank, with the others.
      expect(along('external:api.payment-gateway.com')).toBe(along('external:api.github.com'));
      expect(overlaps(graph)).toEqual([]);
    },
  );

  it.each<LayoutDirection>(['LR', 'TB'])(
    'lines each sidecar up with its workload; the policy heads its rank, every other host closes its own (%s)',
    (direction) => {
      const graph = layoutGraph(sampleGraph(), direction);
      const across = (id: string) => (direction === 'LR' ? at(graph, id).y : at(graph, id).x);
      expect(across('sidecar:orders')).toBe(across('workload:orders'));
      expect(across('sidecar:payments')).toBe(across('workload:payments'));
      expect(across('mesh-policy')).toBeLessThan(
        Math.min(across('workload:orders'), across('workload:payments')),
      );
      expect(across('external:*')).toBeGreaterThan(
        Math.max(across('external:api.github.com'), across('external:api.payment-gateway.com')),
      );
    },
  );

  it('lists nodes rank by rank (the order the CLI prints)', () => {
    const kinds = layoutGraph(sampleGraph()).nodes.map((n) => n.kind);
    const rank = { 'mesh-policy': 0, workload: 0, sidecar: 1, 'egress-gateway': 2, 'external-service': 3 };
    expect(kinds.map((k) => rank[k])).toEqual([...kinds.map((k) => rank[k])].sort());
  });

  it('uncrosses edges: services follow the order of the sidecars that call them', () => {
    const graph = layoutGraph({
      nodes: [
        node('s1', 'sidecar'),
        node('s2', 'sidecar'),
        node('a.com', 'external-service'),
        node('b.com', 'external-service'),
      ],
      edges: [edge('s1', 'b.com'), edge('s2', 'a.com')],
    });
    const [s1, s2, a, b] = ['s1', 's2', 'a.com', 'b.com'].map((id) => at(graph, id).y);
    expect(Math.sign(s1! - s2!)).toBe(Math.sign(b! - a!));
  });

  it('keeps a service nobody calls in the last rank', () => {
    const graph = layoutGraph({
      nodes: [node('w', 'workload'), node('s', 'sidecar'), node('lonely.com', 'external-service')],
      edges: [edge('w', 's', 'workload')],
    });
    expect(at(graph, 'lonely.com').x).toBeGreaterThan(at(graph, 's').x);
  });

  it(`past ${LAYERED_LAYOUT_LIMIT} nodes and edges, orders by barycentre: same ranks, still no overlap`, () => {
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    for (let i = 0; i < LAYERED_LAYOUT_LIMIT / 2 + 10; i++) {
      nodes.push(node(`s${i}`, 'sidecar'), node(`h${i}.com`, 'external-service'));
      edges.push(edge(`s${i}`, `h${(i * 7) % (LAYERED_LAYOUT_LIMIT / 2 + 10)}.com`));
    }
    const graph = layoutGraph({ nodes, edges });
    expect(new Set(graph.nodes.filter((n) => n.kind === 'sidecar').map((n) => n.position.x)).size).toBe(1);
    expect(overlaps(graph)).toEqual([]);
  });
});

/**
 * Edges whose curve, drawn as the canvas draws it (a cubic leaving the source and entering the
 * target along the path), runs through a node other than its two ends.
 */
function linesThroughNodes(graph: EgressGraph, direction: LayoutDirection): string[] {
  const { width, height } = NODE_SIZE;
  const box = new Map(graph.nodes.map((n) => [n.id, n.position]));
  const found: string[] = [];
  for (const e of graph.edges) {
    const [s, t] = [box.get(e.source)!, box.get(e.target)!];
    const ends =
      direction === 'LR'
        ? [
            { x: s.x + width, y: s.y + height / 2 },
            { x: t.x, y: t.y + height / 2 },
          ]
        : [
            { x: s.x + width / 2, y: s.y + height },
            { x: t.x + width / 2, y: t.y },
          ];
    const points = [ends[0]!, ...(e.via ?? []), ends[1]!];
    const inside = (x: number, y: number) =>
      graph.nodes.find(
        (n) =>
          n.id !== e.source &&
          n.id !== e.target &&
          x > n.position.x + 1 &&
          x < n.position.x + width - 1 &&
          y > n.position.y + 1 &&
          y < n.position.y + height - 1,
      );
    const hit = points.slice(1).flatMap((q, segment) => {
      const p = points[segment]!;
      return Array.from({ length: 39 }, (_, i) => {
        const k = (i + 1) / 40;
        const [along, across] = [1.5 * (1 - k) * k + k ** 3, 3 * (1 - k) * k * k + k ** 3];
        return direction === 'LR'
          ? inside(p.x + (q.x - p.x) * along, p.y + (q.y - p.y) * across)
          : inside(p.x + (q.x - p.x) * across, p.y + (q.y - p.y) * along);
      }).filter((n) => n !== undefined);
    })[0];
    if (hit) found.push(`${e.id} through ${hit.id}`);
  }
  return found;
}

describe('lines and nodes', () => {
  const directory = join(import.meta.dirname, '../../templates/scenarios');
  const designs = [
    ['the sample', sample],
    ...readdirSync(directory)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => [file, readFileSync(join(directory, file), 'utf8')]),
  ];
  it.each<LayoutDirection>(['LR', 'TB'])(
    'no line runs through a node it does not reach, in the sample and every scenario (%s)',
    (direction) => {
      const found = designs.flatMap(([name, text]) =>
        linesThroughNodes(layoutGraph(deriveGraph(parseBundle(text!)), direction), direction).map(
          (line) => `${name}: ${line}`,
        ),
      );
      expect(found).toEqual([]);
    },
  );
});

describe('the layout memo', () => {
  it('reuses the positions while the shape stays, and lays out again when it changes', () => {
    const layout = createLayoutMemo();
    const first = layout(sampleGraph());
    const retried = deriveGraph(parseBundle(sample.replace('attempts: 2', 'attempts: 3')));
    const again = layout(retried);
    expect(again.nodes.map((n) => n.position)).toEqual(first.nodes.map((n) => n.position));
    expect(again.edges).toEqual(layoutGraph(retried).edges);
    const grown = deriveGraph(
      parseBundle(
        `${sample}\n---\n${sample
          .split('---')[1]!
          .replace(/api\.payment-gateway\.com/g, 'api.stripe.com')
          .replace(/name: payment-gateway/g, 'name: stripe')}`,
      ),
    );
    const laid = layout(grown);
    expect(laid.nodes.some((n) => n.id === 'external:api.stripe.com')).toBe(true);
    expect(overlaps(laid)).toEqual([]);
  });

  it('lays out again when an edge changes kind: the ordering reads only the paths traffic takes', () => {
    const nodes = ['s1', 's2'].map((id) => node(id, 'sidecar'));
    const services = ['a.com', 'b.com', 'c.com'].map((id) => node(id, 'external-service'));
    const before = {
      nodes: [...nodes, ...services],
      edges: [edge('s1', 'c.com', 'blocked'), edge('s2', 'a.com')],
    };
    const after = { ...before, edges: [edge('s1', 'c.com'), edge('s2', 'a.com')] };
    const layout = createLayoutMemo();
    layout(before);
    expect(layout(after)).toEqual(layoutGraph(after));
  });

  it("keeps an edge's bends when only its id changes (a port added or removed)", () => {
    const layout = createLayoutMemo();
    const graph = sampleGraph();
    layout(graph);
    // As derived, before any layout: no bends yet.
    const renamed = {
      ...graph,
      edges: graph.edges.map(({ via, ...e }) => (void via, { ...e, id: `${e.id}:renamed` })),
    };
    const laid = layout(renamed);
    expect(laid.edges.filter((e) => e.via).length).toBeGreaterThan(0);
    expect(laid).toEqual(layoutGraph(renamed));
  });

  it('keeps each direction apart', () => {
    const layout = createLayoutMemo();
    const graph = sampleGraph();
    expect(layout(graph, 'TB')).toEqual(layoutGraph(graph, 'TB'));
    expect(layout(graph, 'LR')).toEqual(layoutGraph(graph, 'LR'));
  });

  it('hands back the laid-out object of every node and edge the edit did not touch (the views memo on them)', () => {
    const layout = createLayoutMemo();
    const graph = sampleGraph();
    const first = layout(graph);
    // What an incremental derivation does: the same objects, but for the one node an edit changed.
    const changed = graph.nodes.findIndex((n) => n.kind === 'external-service');
    const edited = {
      nodes: graph.nodes.map((n, i) => (i === changed ? { ...n, resources: [...n.resources] } : n)),
      edges: graph.edges,
    };
    const again = layout(edited);
    expect(again).toEqual(layoutGraph(edited));
    const id = graph.nodes[changed]!.id;
    for (const n of again.nodes) {
      const before = first.nodes.find((m) => m.id === n.id)!;
      if (n.id === id) expect(n).not.toBe(before);
      else expect(n).toBe(before);
    }
    again.edges.forEach((e, i) => expect(e).toBe(first.edges[i]));
    // The same graph again: the same layout, object for object.
    expect(layout(edited)).toBe(again);
  });
});
