/**
 * A keeper of one design of the library (see library.ts): each autosave is written over the
 * revision this tab last saw, one write at a time (a newer snapshot waits and replaces any older
 * waiting one). A refused write (another tab saved a newer revision, or the design was deleted or
 * damaged there) stops autosave here and says so: this tab never writes over work it has not seen.
 */
import type { DesignCard, DesignLibrary, OpenedDesign } from './library';
import { saveFirstPaint } from './persistence';
import { dropRescue, keepRescue } from './rescue';
import { encodeHistory, fingerprintBetweenFrames } from './saved-history';
import { soon } from './schedule';
import type { DesignKeeper, DesignSnapshot } from './studio-state';
import type { TabChannel } from './tabs';

/** A library design's keeper, with what the app needs to coordinate tabs around it. */
export interface LibraryKeeper extends DesignKeeper {
  /** The design's card as last saved here. */
  card(): DesignCard;
  /** Resolves once every snapshot given so far is written (or refused): the revision then. */
  idle(): Promise<number>;
  /** Whether autosave stopped (a write was refused, or another tab took the design over). */
  stopped(): boolean;
  /** Stops writing: another tab edits the design now. */
  stop(): void;
  /**
   * The design is no longer the one in use here (another opened): its writes still land, but no
   * longer stand for the design the next visit opens (its first paint).
   */
  retire(): void;
  /**
   * Keeps the snapshot in Web Storage at once, when it has work not yet in the library: the page
   * is going away, and the library's write may not land (see rescue.ts).
   */
  rescue(snapshot: DesignSnapshot): void;
  /** Saves only the first paint of the snapshot (the design just opened: the next visit paints it). */
  keepStill(snapshot: DesignSnapshot): void;
}

export interface LibraryKeeperOptions {
  library: DesignLibrary;
  opened: OpenedDesign;
  channel: TabChannel;
  /** Web Storage, for the first paint's graph and the pointer to this design. */
  storage: Storage | undefined;
  /** A notice to show with the opened design. */
  notice?: string | undefined;
}

/** Keeps `opened` in the library as the studio changes it. */
export function libraryKeeper({
  library,
  opened,
  channel,
  storage,
  notice,
}: LibraryKeeperOptions): LibraryKeeper {
  let card = opened.card;
  let waiting: { snapshot: DesignSnapshot; report: (notice: string) => void } | undefined;
  let writing: Promise<void> | undefined;
  let stopped = false;
  let retired = false;
  // The drawn graph whose first paint is saved (null: none yet).
  let stillSaved: unknown = null;

  const keepStill = ({ design, still }: DesignSnapshot) => {
    if (retired || !still || stillSaved === design.drawn) return;
    saveFirstPaint(storage, design.drawn && still(), card.id);
    stillSaved = design.drawn;
  };

  // What was written last: a snapshot equal to it is not written again (a design left unchanged).
  let written: DesignSnapshot | undefined;
  const unchanged = ({ design, history }: DesignSnapshot) => {
    if (!written) return false;
    const before = written.design;
    const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.at(-1) === b.at(-1);
    return (
      (Object.keys(design) as (keyof typeof design)[]).every((key) => design[key] === before[key]) &&
      same(history.past, written.history.past) &&
      same(history.future, written.history.future)
    );
  };

  const write = async () => {
    while (waiting && !stopped) {
      const { snapshot, report } = waiting;
      waiting = undefined;
      if (unchanged(snapshot)) continue;
      const { design, history } = snapshot;
      const current = { text: design.text, istioVersion: design.istioVersion };
      // A slice at a time, input first: a keystroke meanwhile is drawn in its frame.
      await fingerprintBetweenFrames(current, (slice) => soon(slice));
      let outcome = await library.save(card.id, card.revision, design, encodeHistory(current, history));
      // Storage full: the history gives way first, never the design.
      if ('failed' in outcome) outcome = await library.save(card.id, card.revision, design, undefined);
      if ('saved' in outcome) {
        card = outcome.saved;
        written = snapshot;
        if (!waiting) dropRescue(storage, card.id);
        channel.post({ type: 'saved', id: card.id, revision: card.revision });
        keepStill(snapshot);
      } else if ('newer' in outcome) {
        stopped = true;
        report(
          `"${card.name}" was saved in another tab after it was opened here, so autosave stopped here to keep that work. Export to keep what you changed here, then open the design again from Designs.`,
        );
      } else if ('unreadable' in outcome) {
        stopped = true;
        report(
          `"${card.name}" was deleted or cannot be read any more, so autosave stopped here. Export to keep this design.`,
        );
      } else {
        report(`Autosave failed (${outcome.failed}): keep a copy with Export until storage has room.`);
      }
    }
  };

  return {
    opened: { design: opened.design, notice, savedHistory: opened.history },
    keep(snapshot, report) {
      if (stopped) return undefined;
      waiting = { snapshot, report };
      writing ??= write().finally(() => (writing = undefined));
      return undefined;
    },
    card: () => card,
    async idle() {
      while (writing) await writing;
      return card.revision;
    },
    stopped: () => stopped,
    stop: () => void (stopped = true),
    retire: () => void (retired = true),
    keepStill,
    rescue(snapshot) {
      if (stopped || (!writing && unchanged(snapshot))) return;
      const { design, history } = snapshot;
      keepRescue(storage, card.id, {
        basedOn: card.revision,
        landing: card.revision + (writing ? 1 : 0),
        design: { version: 1, ...design, drawn: undefined },
        history: encodeHistory({ text: design.text, istioVersion: design.istioVersion }, history),
      });
    },
  };
}
