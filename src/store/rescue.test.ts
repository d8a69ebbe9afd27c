import { describe, expect, it } from 'vitest';

import type { OpenedDesign } from './library';
import { keepRescue, rescued, rescueKey } from './rescue';
import { freshStorage } from './testing';

const opened = (revision: number, text: string): OpenedDesign => ({
  card: { id: 'd1', name: 'payments', revision, savedAt: 0, size: text.length },
  design: { text, positions: {}, selection: undefined },
  history: undefined,
});

describe('work rescued as the page went away', () => {
  const keep = (storage: Storage, basedOn: number, landing: number) =>
    keepRescue(storage, 'd1', {
      basedOn,
      landing,
      design: { version: 1, text: 'typed last', positions: {} },
      history: { steps: 1 },
    });

  it('opens in place of the library copy while the library has not got it', () => {
    const storage = freshStorage();
    keep(storage, 4, 5);
    for (const revision of [4, 5]) {
      const opening = rescued(storage, opened(revision, 'saved before'));
      expect(opening?.design.text).toBe('typed last');
      expect(opening?.history).toEqual({ steps: 1 });
    }
  });

  it('is dropped once the library is past it (a later save there), or holds the same text', () => {
    const storage = freshStorage();
    keep(storage, 4, 5);
    expect(rescued(storage, opened(6, 'newer work elsewhere'))).toBeUndefined();
    expect(storage.getItem(rescueKey('d1'))).toBeNull();
    keep(storage, 4, 4);
    expect(rescued(storage, opened(4, 'typed last'))).toBeUndefined();
    storage.setItem(rescueKey('d1'), '{not json');
    expect(rescued(storage, opened(4, 'x'))).toBeUndefined();
  });
});
