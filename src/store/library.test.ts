import { describe, expect, it } from 'vitest';

import type { DesignLibrary } from './library';
import { libraryKeeper } from './library-keeper';
import { created, design, freshLibrary as library, opened, tabs } from './library-testing';
import { createStudio } from './studio';
import { SAMPLE } from './testing';

describe('the design library', () => {
  it('keeps named designs, most recently saved first, and opens each as saved', async () => {
    const lib = await library();
    const a = await created(lib, 'payments');
    const b = await created(lib, 'partners', `${SAMPLE}# b\n`);
    const saved = await lib.save(a.id, a.revision, design(`${SAMPLE}# a2\n`), { steps: 1 });
    expect('saved' in saved && saved.saved.revision).toBe(2);
    const list = await lib.list();
    expect(list.map((d) => ('name' in d ? d.name : '?'))).toEqual(['payments', 'partners']);
    expect((await opened(lib, a.id)).design.text).toBe(`${SAMPLE}# a2\n`);
    expect((await opened(lib, a.id)).history).toEqual({ steps: 1 });
    expect((await opened(lib, b.id)).design.text).toBe(`${SAMPLE}# b\n`);
  });

  it('refuses a save based on an older revision: no tab writes over work it has not seen', async () => {
    const lib = await library();
    const card = await created(lib, 'payments');
    await lib.save(card.id, 1, design('kind: A\n'), undefined);
    const late = await lib.save(card.id, 1, design('kind: B\n'), undefined);
    expect('newer' in late && late.newer.revision).toBe(2);
    expect((await opened(lib, card.id)).design.text).toBe('kind: A\n');
  });

  it('lists data it cannot read, never writes over it, and removes it only when asked', async () => {
    const lib = await library();
    const card = await created(lib, 'payments');
    // A body written by a damaged or newer app.
    await new Promise<void>((resolve) => {
      const request = indexedDB.open('egress-studio');
      request.onsuccess = () => {
        const tx = request.result.transaction('designs', 'readwrite');
        tx.objectStore('designs').put({ format: 99, something: 'else' }, `body:${card.id}`);
        tx.oncomplete = () => resolve();
      };
    });
    const read = await lib.open(card.id);
    expect(read && 'unreadable' in read && read.raw).toMatchObject({ body: { format: 99 } });
    expect(await lib.save(card.id, 1, design('x'), undefined)).toEqual({ unreadable: true });
    await lib.purge(card.id);
    expect(await lib.open(card.id)).toBeUndefined();
  });

  it('renames without a new revision, and marks deleted designs so Undo can bring them back', async () => {
    const lib = await library();
    const card = await created(lib, 'payments');
    expect((await lib.rename(card.id, 'billing'))?.revision).toBe(1);
    expect((await lib.markDeleted(card.id, true))?.deletedAt).toBeTypeOf('number');
    expect('unreadable' in (await lib.save(card.id, 1, design('x'), undefined))).toBe(true);
    expect((await lib.markDeleted(card.id, false))?.deletedAt).toBeUndefined();
    expect((await opened(lib, card.id)).card.name).toBe('billing');
  });
});

/** A studio editing design `id` of the library, and its keeper. */
async function editing(lib: DesignLibrary, id: string) {
  const keeper = libraryKeeper({
    library: lib,
    opened: await opened(lib, id),
    channel: tabs()(),
    storage: undefined,
  });
  return { keeper, studio: createStudio({ keeper, sample: 'unused' }) };
}

describe('a design kept in the library', () => {
  it('saves each autosave over the last revision, and stops (saying so) once another tab saved', async () => {
    const lib = await library();
    const card = await created(lib, 'payments');
    const { keeper, studio } = await editing(lib, card.id);
    studio.store.getState().setText(`${SAMPLE}# one\n`, 'form');
    studio.flush();
    expect(await keeper.idle()).toBe(2);
    // Another tab saves revision 3.
    await lib.save(card.id, 2, design(`${SAMPLE}# other tab\n`), undefined);
    studio.store.getState().setText(`${SAMPLE}# two\n`, 'form');
    studio.flush();
    await keeper.idle();
    expect(keeper.stopped()).toBe(true);
    expect(studio.store.getState().notice).toMatch(/saved in another tab.*Export/);
    expect((await opened(lib, card.id)).design.text).toBe(`${SAMPLE}# other tab\n`);
  });

  it('comes back with its undo history', async () => {
    const lib = await library();
    const card = await created(lib, 'payments');
    const { keeper: first, studio } = await editing(lib, card.id);
    studio.store.getState().setText(`${SAMPLE}# one\n`, 'form');
    studio.flush();
    await first.idle();
    const { studio: reopened } = await editing(lib, card.id);
    expect(reopened.store.getState().text).toBe(`${SAMPLE}# one\n`);
    reopened.store.getState().undo();
    expect(reopened.store.getState().text).toBe(SAMPLE);
  });
});
