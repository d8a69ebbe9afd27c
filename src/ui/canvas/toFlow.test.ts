import { describe, expect, it } from 'vitest';

import { createDeriver } from '../../core';
import sample from '../../templates/sample-payments.yaml?raw';
import { problemCounts } from '../../store';
import { createFlowCache } from './toFlow';

// React Flow re-adopts every node and edge whose object changed, and does nothing for a list it
// has already seen: these tests hold the canvas to handing it the same objects when nothing drawn
// changed, which is what keeps a form edit in a 1,000-resource design cheap.
describe('flow objects from the engine graph', () => {
  it('gives the same node and edge lists back when an edit changes nothing that is drawn', () => {
    const derive = createDeriver();
    const cache = createFlowCache();
    const before = derive(sample);
    const nodes = cache.nodes(before.graph, {}, undefined, false, 'LR');
    const edges = cache.edges(before.graph);
    // A different timeout of the drawn route: the edges showing it are new, and only those...
    const edited = sample.replace('timeout: 60s', 'timeout: 61s');
    const after = derive(edited);
    const nextEdges = cache.edges(after.graph);
    expect(nextEdges).not.toBe(edges);
    const changed = nextEdges.filter((e, i) => e !== edges[i]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((e) => e.data?.edge.timeout === '61s')).toBe(true);
    // ...and no node changed, so the node list itself is the one React Flow already has.
    expect(cache.nodes(after.graph, {}, undefined, false, 'LR')).toBe(nodes);
    // A comment changes nothing drawn at all.
    const commented = derive(`${edited}\n# a note\n`);
    expect(cache.edges(commented.graph)).toBe(nextEdges);
  });

  it('makes a new object only for a moved or selected node', () => {
    const { graph } = createDeriver()(sample);
    const cache = createFlowCache();
    const nodes = cache.nodes(graph, {}, undefined, false, 'LR');
    const [first, second] = [graph.nodes[0]!.id, graph.nodes[1]!.id];
    const moved = cache.nodes(graph, { [first]: { x: 5, y: 5 } }, second, false, 'LR');
    const renewed = moved.filter((n, i) => n !== nodes[i]).map((n) => n.id);
    expect(renewed.sort()).toEqual([first, second].sort());
  });

  it('counts errors and warnings of a node across its resources', () => {
    const { graph, diagnostics } = createDeriver()(
      sample.replace('resolution: DNS', 'resolution: DYNAMIC_DNS'),
    );
    const node = graph.nodes.find((n) => n.label === 'api.payment-gateway.com')!;
    expect(problemCounts(diagnostics, node.resources).errors).toBeGreaterThan(0);
    expect(problemCounts(diagnostics, [])).toEqual({ errors: 0, warnings: 0 });
  });
});
