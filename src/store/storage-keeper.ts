/**
 * A keeper of one design in Web Storage (localStorage): where IndexedDB is unavailable, and the
 * format designs were saved in before the library (read once to move them into it).
 */
import type { DesignCard, DesignLibrary } from './library';
import { loadDesign, saveFirstPaint, STORAGE_KEY } from './persistence';
import { HISTORY_KEY, saveDesignAndHistory } from './saved-history';
import type { DesignKeeper } from './studio-state';

/** Keeps the design under {@link STORAGE_KEY}, its history beside it, and its first paint. */
export function storageKeeper(storage: Storage | undefined): DesignKeeper {
  const opened = loadDesign(storage);
  // The first paint saved last: drawn again only when the graph changes.
  let stillSaved: unknown = null;
  return {
    opened: { ...opened, savedHistory: opened.design ? savedHistory(storage) : undefined },
    keep({ design, history, still }) {
      if (opened.unreadable) return undefined;
      const notice = saveDesignAndHistory(storage, design, history);
      if (!notice && still && stillSaved !== design.drawn) {
        saveFirstPaint(storage, design.drawn && still());
        stillSaved = design.drawn;
      }
      return notice;
    },
  };
}

/** The history saved beside the design, as saved (undefined when none or not JSON). */
export function savedHistory(storage: Storage | undefined): unknown {
  try {
    return JSON.parse(storage?.getItem(HISTORY_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves the design kept in the one slot (saved before the library, or while it was refused) into
 * the library, with its history, as "My design"; the slot is cleared only once the library holds
 * it. Unreadable data in the slot stays there (kept aside by loadDesign).
 */
export async function moveSingleDesign(
  library: DesignLibrary,
  storage: Storage | undefined,
): Promise<DesignCard | undefined> {
  let kept: string | null;
  try {
    kept = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return undefined;
  }
  if (kept === null) return undefined;
  const loaded = loadDesign(storage);
  if (!loaded.design) return undefined;
  const created = await library.create('My design', loaded.design, savedHistory(storage));
  if ('failed' in created) return undefined;
  try {
    storage?.removeItem(STORAGE_KEY);
    storage?.removeItem(HISTORY_KEY);
  } catch {
    // the slot stays; it is moved again (a second copy) only if this removal failed
  }
  return created;
}

export { STORAGE_KEY };
