import { describe, expect, it } from 'vitest';

import { design, freshLibrary as library, opened, tabs } from './library-testing';
import { STORAGE_KEY } from './persistence';
import { HISTORY_KEY } from './saved-history';
import { freshStorage, SAMPLE } from './testing';
import { createWorkbench } from './workbench';

/** A workbench on a fresh library, opened as on a first visit (the sample). */
async function started() {
  const lib = await library();
  const bench = createWorkbench({ library: lib, storage: freshStorage(), channel: tabs()(), sample: SAMPLE });
  await bench.start();
  return { lib, bench };
}

describe('the workbench', () => {
  it('moves the design saved before the library into it, with its history, and clears the old slot', async () => {
    const storage = freshStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, text: `${SAMPLE}# mine\n`, positions: {} }));
    const lib = await library();
    const bench = createWorkbench({ library: lib, storage, channel: tabs()(), sample: 'unused' });
    await bench.start();
    expect(bench.getState().card?.name).toBe('My design');
    expect(bench.getState().studio?.store.getState().text).toBe(`${SAMPLE}# mine\n`);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(storage.getItem(HISTORY_KEY)).toBeNull();
  });

  it('opens the sample as a design the first time, and adds, renames, duplicates and deletes with Undo', async () => {
    const { bench } = await started();
    const state = () => bench.getState();
    expect(state().card?.name).toBe('Sample design');
    const sampleId = state().card!.id;
    await state().create();
    expect(state().card?.name).toBe('Untitled design');
    expect(state().studio?.store.getState().text).toBe('');
    await state().rename(state().card!.id, 'partners');
    await state().duplicate(sampleId);
    expect(state().card?.name).toBe('Sample design (copy)');
    expect(state().studio?.store.getState().text).toBe(SAMPLE);
    const names = () =>
      state()
        .designs!.map((d) => ('name' in d ? d.name : '?'))
        .sort();
    expect(names()).toEqual(['Sample design', 'Sample design (copy)', 'partners']);
    const copy = state().card!.id;
    await state().remove(copy);
    expect(names()).toEqual(['Sample design', 'partners']);
    expect(state().card?.id).not.toBe(copy);
    await state().undoRemove();
    expect(names()).toEqual(['Sample design', 'Sample design (copy)', 'partners']);
    expect(state().card?.id).toBe(copy);
  });

  it('makes "Edit a copy" of a shared design a new design, leaving the user\'s own as it was', async () => {
    const { lib, bench } = await started();
    const own = bench.getState().card!;
    bench.getState().present(design('kind: Shared\n'));
    expect(bench.getState().mode).toBe('shared');
    await bench.getState().editCopy();
    expect(bench.getState().mode).toBe('edit');
    expect(bench.getState().card?.name).toBe('Shared design');
    expect(bench.getState().studio?.store.getState().text).toBe('kind: Shared\n');
    expect((await opened(lib, own.id)).design.text).toBe(SAMPLE);
  });

  it('follows, read-only, a design another tab edits, as that tab saves it', async () => {
    const lib = await library();
    const channel = tabs();
    const storage = freshStorage();
    const first = createWorkbench({ library: lib, storage, channel: channel(), sample: SAMPLE });
    await first.start();
    // Web Locks are missing on Node: a second tab is made to follow as a browser would have it.
    const second = createWorkbench({ library: lib, storage, channel: channel(), sample: SAMPLE });
    await second.start();
    const studio = first.getState().studio!;
    studio.store.getState().setText(`${SAMPLE}# edited\n`, 'form');
    studio.flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await opened(lib, first.getState().card!.id)).design.text).toBe(`${SAMPLE}# edited\n`);
    // Without locks both tabs edit; the second one's next save is refused, not written over.
    second.getState().studio!.store.getState().setText(`${SAMPLE}# second\n`, 'form');
    second.getState().studio!.flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(second.getState().studio!.store.getState().notice).toMatch(/saved in another tab/);
    expect((await opened(lib, first.getState().card!.id)).design.text).toBe(`${SAMPLE}# edited\n`);
  });
});
