import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';

import { drawnAtStart, loadDesign, saveDesign, STORAGE_KEY, upgrade, type DrawnGraph } from './persistence';

const DRAWN: DrawnGraph = {
  nodes: [
    { id: 'a', kind: 'workload', role: 'Workload', label: 'a', x: 0, y: 0, errors: 0, warnings: 0 },
    { id: 'b', kind: 'sidecar', role: 'Sidecar', label: 'a', x: 250, y: 0, errors: 1, warnings: 0 },
  ],
  edges: [{ id: 'a->b', source: 'a', target: 'b', kind: 'workload' }],
};
const SAMPLE: DrawnGraph = { nodes: [], edges: [] };

describe('the drawn graph saved for the first paint', () => {
  it('is saved and read back with the design', () => {
    const storage = new Window().localStorage;
    saveDesign(storage, { text: 'x: 1\n', positions: {}, selection: undefined, drawn: DRAWN });
    expect(loadDesign(storage).design?.drawn).toEqual(DRAWN);
    expect(drawnAtStart(storage, SAMPLE)).toEqual(DRAWN);
  });

  it("is the sample's on a first visit, and nothing for a saved design without one or unreadable data", () => {
    const storage = new Window().localStorage;
    expect(drawnAtStart(storage, SAMPLE)).toBe(SAMPLE);
    expect(drawnAtStart(undefined, SAMPLE)).toBe(SAMPLE);
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, text: 'x: 1\n', positions: {} }));
    expect(drawnAtStart(storage, SAMPLE)).toBeUndefined();
    storage.setItem(STORAGE_KEY, '{not json');
    expect(drawnAtStart(storage, SAMPLE)).toBeUndefined();
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify({ version: 1, text: '', drawn: { nodes: [{ id: 1 }], edges: [] } }),
    );
    expect(drawnAtStart(storage, SAMPLE)).toBeUndefined();
    expect(loadDesign(storage).design?.drawn).toBeUndefined();
  });
});

describe('node positions read from saved data or a link', () => {
  it('keep only places a person could have dragged a node to', () => {
    const design = upgrade({
      version: 1,
      text: '',
      positions: {
        kept: { x: -120.5, y: 4000 },
        huge: { x: 1e308, y: 0 },
        infinite: { x: Infinity, y: 0 },
        text: { x: '1', y: 2 },
        none: null,
        number: 5,
      },
    })!;
    expect(design.positions).toEqual({ kept: { x: -120.5, y: 4000 } });
    expect(upgrade({ version: 1, text: '', positions: [{ x: 1, y: 2 }] })!.positions).toEqual({});
  });
});
