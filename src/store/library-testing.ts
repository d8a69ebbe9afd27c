// Shared by the library's and the workbench's tests: a fresh library in a real IndexedDB
// implementation (fake-indexeddb, the standard on Node) and tabs that hear each other.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { openLibrary, type DesignCard, type DesignLibrary, type OpenedDesign } from './library';
import type { SavedDesign } from './persistence';
import { SAMPLE } from './testing';
import type { TabChannel, TabMessage } from './tabs';

/** A design of `text`, nothing beside it. */
export const design = (text: string): SavedDesign => ({ text, positions: {}, selection: undefined });

/** A library in an IndexedDB of its own, empty. */
export async function freshLibrary(): Promise<DesignLibrary> {
  globalThis.indexedDB = new IDBFactory();
  globalThis.IDBKeyRange = IDBKeyRange;
  const { library } = await openLibrary();
  if (!library) throw new Error('no library');
  return library;
}

export async function created(lib: DesignLibrary, name: string, text = SAMPLE): Promise<DesignCard> {
  const card = await lib.create(name, design(text));
  if ('failed' in card) throw new Error(card.failed);
  return card;
}

export async function opened(lib: DesignLibrary, id: string): Promise<OpenedDesign> {
  const result = await lib.open(id);
  if (!result || 'unreadable' in result) throw new Error('not readable');
  return result;
}

/** Tabs in one test: each channel made hears what the others post, as BroadcastChannel does. */
export function tabs(): () => TabChannel {
  const listeners = new Set<{ owner: object; on: (m: TabMessage) => void }>();
  return () => {
    const owner = {};
    return {
      post: (message) => listeners.forEach((l) => l.owner !== owner && l.on(message)),
      listen(on) {
        const entry = { owner, on };
        listeners.add(entry);
        return () => listeners.delete(entry);
      },
      close() {},
    };
  };
}
