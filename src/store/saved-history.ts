/**
 * The undo history saved beside the design, so Undo and Redo work after a reload. Each step is
 * saved as the difference from its neighbour towards the current state (one replaced range, and
 * the release when it differs), so a hundred steps of a large design cost little more than the
 * edits themselves. Bounded by steps and by size, nearest steps kept first; it is written after
 * the design and never costs the design its place in a full storage. Kept under a key of its own
 * (read only when the app opens, never by the first paint) with the fingerprint of the state it
 * leads to: a history that does not lead to the saved design is not used.
 */
import { changeBetween } from '../core/bundle/change';
import { saveDesign, STORAGE_KEY, type SavedDesign } from './persistence';

/** One state of the history: what the store's undo records. */
export interface HistoryState {
  text: string;
  istioVersion: string;
}

/** The states before and after the current one, in the store's order: `past` oldest first, `future` next redo last. */
export interface History {
  past: HistoryState[];
  future: HistoryState[];
}

/** The key of the saved history, beside the design's. */
export const HISTORY_KEY = `${STORAGE_KEY}:history`;
const VERSION = 1;

/** At most this many steps are saved on each side of the current state. */
export const MAX_SAVED_STEPS = 100;
/** At most this many characters of saved history (about 2 MB of browser storage). */
export const MAX_SAVED_HISTORY_CHARS = 1_000_000;

/** A step: `[at, removed, inserted]`, plus the release when it differs from the neighbour's. */
type Patch = [number, number, string] | [number, number, string, string];

/** A history as saved: the fingerprint of the state it leads to, and the steps either side. */
export interface SavedHistory {
  version: number;
  head: string;
  /** Nearest first. */
  past: Patch[];
  /** Nearest first. */
  future: Patch[];
}

// Patches by state: a state's patch stays valid while its neighbour is the same, so each save
// only works out the steps that are new.
const patches = new WeakMap<HistoryState, { from: HistoryState; patch: Patch }>();

/**
 * Saves the design, then its history. When storage is full the history goes first: it never costs
 * the design its place. Returns a notice when the design itself could not be saved.
 */
export function saveDesignAndHistory(
  storage: Storage | undefined,
  design: SavedDesign & HistoryState,
  history: History,
): string | undefined {
  let notice = saveDesign(storage, design);
  if (notice) {
    forgetHistory(storage);
    notice = saveDesign(storage, design);
  }
  if (notice) return notice;
  saveHistory(storage, { text: design.text, istioVersion: design.istioVersion }, history);
  return undefined;
}

/**
 * Saves the history leading to `current`, within the bounds; the nearer half, and so on, when
 * storage refuses it, none when it refuses even one step. Returns how many steps were saved.
 */
export function saveHistory(storage: Storage | undefined, current: HistoryState, history: History): number {
  let limit = MAX_SAVED_STEPS;
  while (limit > 0) {
    const saved = encodeHistory(current, history, limit);
    try {
      storage?.setItem(HISTORY_KEY, JSON.stringify(saved));
      return saved.past.length + saved.future.length;
    } catch {
      // full: try again with the nearer half
      limit = Math.floor(Math.max(saved.past.length, saved.future.length) / 2);
    }
  }
  forgetHistory(storage);
  return 0;
}

/** Drops the saved history (to make room for the design, or because it no longer leads to it). */
export function forgetHistory(storage: Storage | undefined): void {
  try {
    storage?.removeItem(HISTORY_KEY);
  } catch {
    // storage disabled: nothing was saved
  }
}

/**
 * The saved history that leads to `current`; empty when there is none, or it leads elsewhere.
 * `release` maps each step's saved release to one the app opens (an unsupported one to the newest).
 * The steps' texts are worked out when first read (an undo), not all at once here: opening the app
 * with a hundred steps of a large design costs next to nothing.
 */
export function loadHistory(
  storage: Storage | undefined,
  current: HistoryState,
  release: (saved: string) => string = (saved) => saved,
): History {
  try {
    return decodeHistory(JSON.parse(storage?.getItem(HISTORY_KEY) ?? 'null'), current, release);
  } catch {
    return { past: [], future: [] };
  }
}

/**
 * The history saved as `saved` (see {@link encodeHistory}) when it leads to `current`; empty when
 * it does not, or is damaged. `release` as for {@link loadHistory}.
 */
export function decodeHistory(
  saved: unknown,
  current: HistoryState,
  release: (saved: string) => string = (saved) => saved,
): History {
  try {
    if (!isSavedHistory(saved) || saved.head !== fingerprint(current)) return { past: [], future: [] };
    return {
      past: unroll(current, saved.past, release).reverse(),
      future: unroll(current, saved.future, release).reverse(),
    };
  } catch {
    return { past: [], future: [] };
  }
}

/**
 * The history leading to `current` as saved: at most `limit` steps either side (nearest kept first)
 * and {@link MAX_SAVED_HISTORY_CHARS} in all.
 */
export function encodeHistory(
  current: HistoryState,
  history: History,
  limit = MAX_SAVED_STEPS,
): SavedHistory {
  let chars = 0;
  const side = (states: readonly HistoryState[]) => {
    const out: Patch[] = [];
    let neighbour = current;
    // Nearest first: the store keeps both sides with the nearest state last.
    for (let i = states.length - 1; i >= 0 && out.length < limit; i--) {
      const state = states[i]!;
      const patch = patchOf(neighbour, state);
      chars += patch[2].length + 24;
      if (chars > MAX_SAVED_HISTORY_CHARS) break;
      out.push(patch);
      neighbour = state;
    }
    return out;
  };
  return {
    version: VERSION,
    head: fingerprint(current),
    past: side(history.past),
    future: side(history.future),
  };
}

/** The patch that turns `from` into `to`: the one range between their common prefix and suffix. */
function patchOf(from: HistoryState, to: HistoryState): Patch {
  const cached = patches.get(to);
  if (cached?.from === from) return cached.patch;
  const { start, end, text: inserted } = changeBetween(from.text, to.text);
  const removed = end - start;
  const patch: Patch =
    to.istioVersion === from.istioVersion
      ? [start, removed, inserted]
      : [start, removed, inserted, to.istioVersion];
  patches.set(to, { from, patch });
  return patch;
}

/**
 * The states the patches lead to from `current`, nearest first, each text worked out when first
 * read. Patches that do not fit the texts they apply to (checked by length) are refused here.
 */
function unroll(
  current: HistoryState,
  steps: readonly Patch[],
  release: (saved: string) => string,
): HistoryState[] {
  const states: HistoryState[] = [];
  let from = current;
  let length = current.text.length;
  for (const patch of steps) {
    const [start, removed, inserted, version] = patch;
    if (start + removed > length) throw new Error('the history does not fit the design');
    length += inserted.length - removed;
    const state = lazyState(from, patch, version === undefined ? from.istioVersion : release(version));
    // Saving again needs no text: the patch to its neighbour is known.
    patches.set(state, { from, patch });
    states.push(state);
    from = state;
  }
  return states;
}

function lazyState(
  from: HistoryState,
  [start, removed, inserted]: Patch,
  istioVersion: string,
): HistoryState {
  let text: string | undefined;
  return {
    get text() {
      text ??= from.text.slice(0, start) + inserted + from.text.slice(start + removed);
      return text;
    },
    istioVersion,
  };
}

// The last fingerprint: each autosave asks for the current state's (a pass over the whole text in
// script), and between edits it is the same.
let lastPrint: (HistoryState & { print: string }) | undefined;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A short fingerprint of a state (FNV-1a over the text and release, with the length). */
function fingerprint(state: HistoryState): string {
  const cached = cachedPrint(state);
  if (cached) return cached;
  const all = fingerprinted(state);
  return printed(state, hashFrom(FNV_OFFSET, all, 0, all.length), all.length);
}

/** `state`'s fingerprint when it is the one worked out last. */
function cachedPrint({ text, istioVersion }: HistoryState): string | undefined {
  return lastPrint?.text === text && lastPrint.istioVersion === istioVersion ? lastPrint.print : undefined;
}

/** What a fingerprint hashes: the release, then the text. */
function fingerprinted({ text, istioVersion }: HistoryState): string {
  return `${istioVersion}\u0000${text}`;
}

/** FNV-1a of `text[from, to)`, continuing from `hash`. */
function hashFrom(hash: number, text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

function printed(state: HistoryState, hash: number, length: number): string {
  const print = `${length}:${(hash >>> 0).toString(36)}`;
  lastPrint = { ...state, print };
  return print;
}

/** Characters a fingerprint hashes in one slice between frames: well under a millisecond. */
const PRINT_SLICE_CHARS = 32 * 1024;

/**
 * Works out `state`'s fingerprint between frames, a slice at a time (in a 1 MB design, one pass
 * took 37 ms of the main thread, and a keystroke in the meantime missed its frame), so that
 * {@link encodeHistory} then has it at once. `slices` calls its work when the page is idle.
 */
export function fingerprintBetweenFrames(
  state: HistoryState,
  slices: (work: () => void) => void,
): Promise<void> {
  if (cachedPrint(state)) return Promise.resolve();
  const all = fingerprinted(state);
  return new Promise((resolve) => {
    let hash = FNV_OFFSET;
    let at = 0;
    const slice = () => {
      const to = Math.min(all.length, at + PRINT_SLICE_CHARS);
      hash = hashFrom(hash, all, at, to);
      at = to;
      if (at < all.length) return slices(slice);
      printed(state, hash, all.length);
      resolve();
    };
    slices(slice);
  });
}

function isSavedHistory(value: unknown): value is SavedHistory {
  if (typeof value !== 'object' || value === null) return false;
  const { version, head, past, future } = value as Partial<SavedHistory>;
  const isPatch = (p: unknown) =>
    Array.isArray(p) &&
    Number.isInteger(p[0]) &&
    p[0] >= 0 &&
    Number.isInteger(p[1]) &&
    p[1] >= 0 &&
    typeof p[2] === 'string' &&
    (p.length === 3 || (p.length === 4 && typeof p[3] === 'string'));
  return (
    version === VERSION &&
    typeof head === 'string' &&
    Array.isArray(past) &&
    Array.isArray(future) &&
    past.every(isPatch) &&
    future.every(isPatch)
  );
}
