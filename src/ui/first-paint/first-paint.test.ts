// @vitest-environment happy-dom
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { createElement } from 'react';
import { describe, expect, it } from 'vitest';

import type { DrawnGraph } from '../../store/persistence';
import { DEFAULT_PREFERENCES } from '../../store/preferences';
import sampleDrawn from '../../templates/sample-payments.drawn.json';
import { fitStillGraph } from './fit';
import { FirstPaint } from './FirstPaint';
import { renderMarkup, stillGraphMarkup } from './markup';

const GOLDEN = join(import.meta.dirname, 'first-paint.html');

/** A still graph's markup placed in a pane of `width` × `height` (happy-dom lays nothing out). */
function inPane(markup: string, width: number, height: number): HTMLElement {
  const pane = document.createElement('div');
  pane.innerHTML = markup;
  const graph = pane.querySelector<HTMLElement>('.still-graph')!;
  Object.defineProperty(graph, 'clientWidth', { value: width });
  Object.defineProperty(graph, 'clientHeight', { value: height });
  return graph;
}

const chain: DrawnGraph = {
  nodes: ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({
    id,
    kind: 'external-service',
    role: 'External service',
    label: `${id}.example.com`,
    x: i * 300,
    y: 0,
    down: { x: 0, y: i * 120 },
    errors: 0,
    warnings: 0,
  })),
  edges: [{ id: 'a-b', source: 'a', target: 'b', kind: 'mesh' }],
};

describe('the first paint', () => {
  it('is shipped in index.html as React renders it for the sample (UPDATE_GOLDEN=1 rewrites it)', () => {
    const markup = renderMarkup(
      createElement(FirstPaint, { drawn: sampleDrawn as DrawnGraph, preferences: DEFAULT_PREFERENCES }),
    );
    if (process.env['UPDATE_GOLDEN']) writeFileSync(GOLDEN, `${markup}\n`);
    else expect(readFileSync(GOLDEN, 'utf8').trim()).toBe(markup);
    expect(markup).toContain('api.payment-gateway.com');
    expect(markup).toContain('elementtiming="egress-node"');
  });

  it('draws the graph in both layouts when the user chose none, and the fit shows the one that fits', () => {
    const markup = stillGraphMarkup(chain);
    expect(markup.match(/class="still-edges /g)).toHaveLength(2);
    // Six nodes in a row: left to right in a wide pane...
    const wide = inPane(markup, 2000, 600);
    fitStillGraph(wide, false);
    expect(wide.dataset['shown']).toBe('LR');
    const transform = wide.querySelector<HTMLElement>('.still-graph-viewport')!.style.transform;
    expect(transform).toMatch(/^translate\(.+px, .+px\) scale\(.+\)$/);
    // ...top to bottom in a narrow, tall one.
    const narrow = inPane(markup, 400, 1000);
    fitStillGraph(narrow, false);
    expect(narrow.dataset['shown']).toBe('TB');
  });

  it("draws only the layout the user chose, and shows it whatever the pane's shape", () => {
    const markup = stillGraphMarkup({
      ...chain,
      direction: 'TB',
      nodes: chain.nodes.map(({ down, ...n }) => ({ ...n, ...down })),
    });
    expect(markup.match(/class="still-edges /g)).toHaveLength(1);
    expect(markup).not.toContain('--at-lr');
    const wide = inPane(markup, 2000, 600);
    fitStillGraph(wide, false);
    expect(wide.dataset['shown']).toBe('TB');
  });
});
