/**
 * A keeper of one design in Web Storage (localStorage): where IndexedDB is unavailable, and the
 * format designs were saved in before the library (read once to move them into it).
 */
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

export { STORAGE_KEY };
