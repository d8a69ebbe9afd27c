import { describe, expect, it } from 'vitest';

import { createDeriver } from '../../core';
import sample from '../../templates/sample-payments.yaml?raw';
import { SCENARIOS } from '../../templates/scenarios';
import { NODE_HEIGHT, NODE_WIDTH } from './drawing';
import { bundleEdges, placeEdgeLabels } from './edge-labels';

const designs = [{ id: 'sample', text: sample }, ...SCENARIOS];

describe('edge labels on the canvas', () => {
  it.each(designs.map((d) => [d.id, d.text] as const))(
    'labels every bundle of %s, clear of nodes and of each other',
    (_, text) => {
      const { graph } = createDeriver()(text);
      const at = new Map(graph.nodes.map((n) => [n.id, n.position]));
      const bundles = placeEdgeLabels(graph.edges, at);
      expect(bundles.filter((b) => !b.box).map((b) => b.id)).toEqual([]);
      const boxes = bundles.map((b) => b.box!);
      const overlap = (a: (typeof boxes)[0], b: (typeof boxes)[0]) =>
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      boxes.forEach((box, i) => {
        for (const other of boxes.slice(i + 1)) expect(overlap(box, other)).toBe(false);
        for (const { x, y } of at.values())
          expect(overlap(box, { x, y, width: NODE_WIDTH, height: NODE_HEIGHT })).toBe(false);
      });
    },
  );

  it('gives parallel edges (same source and target) one label', () => {
    const edge = (id: string, target: string) =>
      ({ id, source: 's', target, kind: 'direct', label: id }) as const;
    const bundles = bundleEdges([edge('a', 't'), edge('b', 't'), edge('c', 'u')]);
    expect(bundles.map((b) => b.edges.map((e) => e.id))).toEqual([['a', 'b'], ['c']]);
  });
});
