/**
 * The design library: every design the user keeps, by name, in IndexedDB (through idb-keyval).
 * Each design is two entries written together in one transaction: its card (`card:ID`: name,
 * revision, when saved, size), which the design list reads, and its body (`body:ID`: the design,
 * its last good text, its drawn graph and its undo history), read only to open it.
 *
 * Every write of a body names the revision it was based on and is refused when the stored one is
 * newer (another tab saved since) or cannot be read: no tab ever writes over work it has not seen,
 * and unreadable data stays as it is until the user exports or deletes it.
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

import { upgrade, type SavedDesign } from './persistence';

/** What the design list shows of a design. */
export interface DesignCard {
  id: string;
  name: string;
  /** Counts the saves: a write based on an older revision is refused. */
  revision: number;
  /** When it was last saved (ms since the epoch). */
  savedAt: number;
  /** Characters of its text. */
  size: number;
  /** When it was deleted: kept, out of the list, so that Undo brings it back. */
  deletedAt?: number | undefined;
}

/** A card the library holds but cannot read (written by a damaged or newer app). */
export interface UnreadableCard {
  id: string;
  unreadable: true;
  /** The stored card and body as they are, for the user to export. */
  raw: unknown;
}

/** A design as opened: its card, the design and its undo history as saved. */
export interface OpenedDesign {
  card: DesignCard;
  design: SavedDesign;
  /** The undo history as saved (see saved-history.ts). */
  history: unknown;
}

/** The outcome of a save. */
export type SaveOutcome =
  | { saved: DesignCard }
  /** Another tab saved a newer revision: this save was not written. */
  | { newer: DesignCard }
  /** The stored design cannot be read (or is gone): it was not written over. */
  | { unreadable: true }
  | { failed: string };

/** The library's operations. All of them resolve; none throws. */
export interface DesignLibrary {
  /** The designs (deleted ones included, flagged), most recently saved first, and unreadable ones. */
  list(): Promise<(DesignCard | UnreadableCard)[]>;
  /** A design with its card; `unreadable` with what is stored when it cannot be read; undefined when absent. */
  open(id: string): Promise<OpenedDesign | UnreadableCard | undefined>;
  /** Adds a design under a new id. */
  create(name: string, design: SavedDesign, history?: unknown): Promise<DesignCard | { failed: string }>;
  /** Saves a design over `basedOn`, the revision it was opened or last saved at. */
  save(id: string, basedOn: number, design: SavedDesign, history: unknown): Promise<SaveOutcome>;
  /** Renames a design (its revision stays: a rename is not an edit of its text). */
  rename(id: string, name: string): Promise<DesignCard | undefined>;
  /** Marks a design deleted (or, with `false`, brings it back). */
  markDeleted(id: string, deleted: boolean): Promise<DesignCard | undefined>;
  /** Removes a design for good (deleted designs, once no Undo can bring them back; unreadable ones). */
  purge(id: string): Promise<void>;
}

const FORMAT = 1;
const CARD = 'card:';
const BODY = 'body:';

interface Body {
  format: number;
  revision: number;
  design: unknown;
  history: unknown;
}

/**
 * Opens the library in IndexedDB (the database `name`). Where the browser has none, `library` is
 * absent; where it refuses it (a damaged store, some private modes), `refused` says why. The app
 * then keeps one design in Web Storage.
 */
export async function openLibrary(
  name = 'egress-studio',
): Promise<{ library?: DesignLibrary; refused?: string }> {
  try {
    if (!globalThis.indexedDB) return {};
    const store = createStore(name, 'designs');
    // Refused here, not at the first save.
    await store('readonly', (s) => promisifyRequest(s.count()));
    return { library: libraryOver(store) };
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error) };
  }
}

function libraryOver(store: UseStore): DesignLibrary {
  const get = (s: IDBObjectStore, key: string) => promisifyRequest<unknown>(s.get(key));
  // Save times that never tie here: two saves within a millisecond still list newest first.
  let lastSaved = 0;
  const saveTime = () => (lastSaved = Math.max(Date.now(), lastSaved + 1));
  const attempt = async <T>(work: () => Promise<T>, failed: (reason: string) => T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error));
    }
  };
  const editCard = (id: string, change: (card: DesignCard) => DesignCard) =>
    attempt(
      () =>
        store('readwrite', async (s) => {
          const card = await get(s, CARD + id);
          if (!isCard(card)) return undefined;
          const next = change(card);
          s.put(next, CARD + id);
          return next;
        }),
      () => undefined,
    );
  return {
    list: () =>
      attempt(
        () =>
          store('readonly', async (s) => {
            const range = IDBKeyRange.bound(CARD, `${CARD}\uffff`);
            const [keys, values] = await Promise.all([
              promisifyRequest(s.getAllKeys(range)),
              promisifyRequest(s.getAll(range)),
            ]);
            const cards = values.map((value, i) => {
              const id = String(keys[i]).slice(CARD.length);
              return isCard(value) && value.id === id
                ? value
                : ({ id, unreadable: true, raw: { card: value } } satisfies UnreadableCard);
            });
            return cards.sort((a, b) => savedAt(b) - savedAt(a));
          }),
        () => [],
      ),
    open: (id) =>
      attempt<OpenedDesign | UnreadableCard | undefined>(
        () =>
          store('readonly', async (s) => {
            const [card, body] = await Promise.all([get(s, CARD + id), get(s, BODY + id)]);
            if (card === undefined && body === undefined) return undefined;
            const design = isBody(body) ? upgrade(body.design) : undefined;
            if (!isCard(card) || !isBody(body) || body.revision !== card.revision || !design)
              return { id, unreadable: true, raw: { card, body } } satisfies UnreadableCard;
            return { card, design, history: body.history };
          }),
        (reason) => ({ id, unreadable: true, raw: { error: reason } }) satisfies UnreadableCard,
      ),
    create: (name, design, history) =>
      attempt(
        () =>
          store('readwrite', (s) => {
            const card: DesignCard = {
              id: newId(),
              name,
              revision: 1,
              savedAt: saveTime(),
              size: design.text.length,
            };
            s.put(card, CARD + card.id);
            s.put(body(1, design, history), BODY + card.id);
            return promisifyRequest(s.transaction).then(() => card);
          }),
        (reason) => ({ failed: reason }),
      ),
    save: (id, basedOn, design, history) =>
      attempt<SaveOutcome>(
        () =>
          store('readwrite', async (s) => {
            const [card, stored] = await Promise.all([get(s, CARD + id), get(s, BODY + id)]);
            // What cannot be read (nor a deleted design) is never written over.
            if (
              !isCard(card) ||
              card.deletedAt !== undefined ||
              !isBody(stored) ||
              stored.revision !== card.revision
            )
              return { unreadable: true } as const;
            if (card.revision !== basedOn) return { newer: card };
            const next: DesignCard = {
              ...card,
              revision: card.revision + 1,
              savedAt: saveTime(),
              size: design.text.length,
            };
            s.put(next, CARD + id);
            s.put(body(next.revision, design, history), BODY + id);
            await promisifyRequest(s.transaction);
            return { saved: next };
          }),
        (reason) => ({ failed: reason }),
      ),
    rename: (id, name) => editCard(id, (card) => ({ ...card, name })),
    markDeleted: (id, deleted) =>
      editCard(id, (card) => ({ ...card, deletedAt: deleted ? Date.now() : undefined })),
    purge: (id) =>
      attempt(
        () =>
          store('readwrite', (s) => {
            s.delete(CARD + id);
            s.delete(BODY + id);
            return promisifyRequest(s.transaction);
          }),
        () => undefined,
      ),
  };
}

function body(revision: number, design: SavedDesign, history: unknown): Body {
  return { format: FORMAT, revision, design: { version: 1, ...design }, history };
}

function savedAt(card: DesignCard | UnreadableCard): number {
  return 'unreadable' in card ? Infinity : card.savedAt;
}

/** A new design's id: random, so two tabs creating designs at once never collide. */
function newId(): string {
  return globalThis.crypto.randomUUID();
}

function isCard(value: unknown): value is DesignCard {
  if (typeof value !== 'object' || value === null) return false;
  const card = value as Partial<DesignCard>;
  return (
    typeof card.id === 'string' &&
    typeof card.name === 'string' &&
    Number.isInteger(card.revision) &&
    typeof card.savedAt === 'number' &&
    typeof card.size === 'number' &&
    (card.deletedAt === undefined || typeof card.deletedAt === 'number')
  );
}

function isBody(value: unknown): value is Body {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Partial<Body>;
  return stored.format === FORMAT && Number.isInteger(stored.revision);
}
