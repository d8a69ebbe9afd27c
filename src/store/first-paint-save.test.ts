import { describe, expect, it } from 'vitest';

import { FIRST_PAINT_KEY, firstPaintAtStart, STORAGE_KEY, type DrawnGraph } from './persistence';
import { createStudio } from './studio';
import { storageKeeper } from './storage-keeper';
import { freshStorage, limitedStorage, SAMPLE } from './testing';

/** A stand-in for the UI's drawing of the still graph: which nodes, in order. */
const drawStill = (drawn: DrawnGraph) => drawn.nodes.map((n) => n.label).join(',');

describe("the first paint's graph saved with the design", () => {
  it('is drawn again only when the graph changes, not when the selection does', () => {
    const storage = freshStorage();
    let drawings = 0;
    const studio = createStudio({
      keeper: storageKeeper(storage),
      sample: SAMPLE,
      drawStill: (d) => (drawings++, drawStill(d)),
    });
    studio.store.getState().select('external:api.github.com');
    studio.flush();
    expect(firstPaintAtStart(storage)).toContain('api.github.com');
    studio.store.getState().select(undefined);
    studio.flush();
    expect(drawings).toBe(1);
    studio.store.getState().setText(SAMPLE.replace('api.github.com', 'api.gitlab.com'), 'form');
    studio.flush();
    expect(drawings).toBe(2);
    expect(firstPaintAtStart(storage)).toContain('api.gitlab.com');
    expect(firstPaintAtStart(storage)).not.toContain('api.github.com');
  });

  it('is the sample when nothing is saved, and none (not a stale one) for a design saved without it', () => {
    const storage = freshStorage();
    expect(firstPaintAtStart(storage)).toBeUndefined();
    expect(firstPaintAtStart(undefined)).toBeUndefined();
    // Saved by an earlier version, or the first paint refused by full storage.
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, text: SAMPLE, positions: {} }));
    expect(firstPaintAtStart(storage)).toBe('');
  });

  it('never stands for an older design when storage has no room for the new one', () => {
    const storage = limitedStorage(3000);
    const studio = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE, drawStill });
    studio.store.getState().select('external:api.github.com');
    studio.flush();
    expect(storage.getItem(FIRST_PAINT_KEY)).toContain('api.github.com');
    // A design that fits, whose first paint does not.
    const huge = (d: DrawnGraph) => `${drawStill(d)}${'x'.repeat(3000)}`;
    const next = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE, drawStill: huge });
    next.store.getState().setText(SAMPLE.replace('api.github.com', 'api.gitlab.com'), 'form');
    next.flush();
    expect(storage.getItem(STORAGE_KEY)).toContain('api.gitlab.com');
    expect(firstPaintAtStart(storage)).toBe('');
  });
});

describe('saved designs that cannot be read', () => {
  it('are never written over: autosave stays off, and the notice says so', () => {
    const storage = freshStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, text: SAMPLE, positions: {} }));
    const saved = storage.getItem(STORAGE_KEY);
    // Reading throws (as a browser's storage does when its backing store is damaged); writing works.
    const throwing: Storage = {
      get length() {
        return storage.length;
      },
      key: (index) => storage.key(index),
      getItem: () => {
        throw new DOMException('The backing store is damaged', 'UnknownError');
      },
      setItem: (key, value) => storage.setItem(key, value),
      removeItem: (key) => storage.removeItem(key),
      clear: () => storage.clear(),
    };
    const studio = createStudio({ keeper: storageKeeper(throwing), sample: SAMPLE, drawStill });
    expect(studio.store.getState().notice).toContain('autosave is off');
    studio.store.getState().setText(SAMPLE.replace('api.github.com', 'api.gitlab.com'), 'form');
    studio.flush();
    expect(storage.getItem(STORAGE_KEY)).toBe(saved);
    expect(storage.getItem(FIRST_PAINT_KEY)).toBeNull();
  });
});
