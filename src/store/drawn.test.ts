import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createDeriver, createLayoutMemo } from '../core';
import sampleDrawn from '../templates/sample-payments.drawn.json';
import sample from '../templates/sample-payments.yaml?raw';
import { drawnGraph } from './drawn';

describe('the drawn graph saved for the first paint', () => {
  it('is shipped for the sample design as the app would save it (UPDATE_GOLDEN=1 rewrites it)', () => {
    const drawn = drawnGraph(createDeriver()(sample), {}, undefined, createLayoutMemo());
    if (process.env['UPDATE_GOLDEN'])
      writeFileSync(
        join(import.meta.dirname, '../templates/sample-payments.drawn.json'),
        `${JSON.stringify(drawn, null, 2)}\n`,
      );
    else expect(sampleDrawn).toEqual(drawn);
  });

  it('puts each node where the user moved it, and counts its problems', () => {
    const derivation = createDeriver()(sample.replace('resolution: DNS', 'resolution: DYNAMIC_DNS'));
    const moved = { 'external:api.payment-gateway.com': { x: 900, y: 40 } };
    const drawn = drawnGraph(derivation, moved, 'LR', createLayoutMemo())!;
    const service = drawn.nodes.find((n) => n.id === 'external:api.payment-gateway.com')!;
    expect(service).toMatchObject({
      x: 900,
      y: 40,
      role: 'External service',
      label: 'api.payment-gateway.com',
    });
    expect(service.errors).toBeGreaterThan(0);
    expect(drawn.edges.length).toBe(derivation.graph.edges.length);
  });
});
