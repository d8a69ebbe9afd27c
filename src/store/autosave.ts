/**
 * A studio's autosave: a moment after the design changes (its text, release, positions, direction
 * or selection), a snapshot of it goes to the studio's keeper, with the graph as drawn (for the
 * next visit's first paint) and the undo history. Nothing is kept for a design that is read-only
 * here (someone else's, or edited in another tab), nor while the saved designs cannot be read.
 */
import { createLayoutMemo } from '../core';
import type { View } from './derived';
import { drawnGraph } from './drawn';
import type { DrawnGraph } from './persistence';
import type { HistoryState } from './saved-history';
import type { DesignKeeper, DesignSnapshot, Studio, StudioOptions } from './studio-state';

const AUTOSAVE_DELAY_MS = 400;

/** What an autosave reads from its studio. */
export interface AutosaveOptions {
  store: Studio['store'];
  /** The view as shown (the graph with the groups the user opened). */
  shownView: () => View;
  /** Takes the keystrokes the editor has not handed over yet into the text. */
  settleTyping: () => void;
  keeper: DesignKeeper | undefined;
  drawStill: StudioOptions['drawStill'];
  /** Set when the saved designs could not be read: one may be there all the same. */
  unreadable: boolean;
}

/** Starts autosaving; `flush` saves at once, `snapshot` is what a save holds. */
export function createAutosave({
  store,
  shownView,
  settleTyping,
  keeper,
  drawStill,
  unreadable,
}: AutosaveOptions): {
  flush(): void;
  snapshot(): DesignSnapshot;
  dispose(): void;
} {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The top-to-bottom layout saved beside the left-to-right one, for the first paint to pick from.
  const topDown = createLayoutMemo();
  // The graph as drawn changes with these alone (not with the selection): drawn again only then.
  let drawnFrom: { view: unknown; positions: unknown; direction: unknown } | undefined;
  let drawn: DrawnGraph | undefined;
  const snapshot = (): DesignSnapshot => {
    settleTyping();
    const { text, istioVersion, positions, direction, selection } = store.getState();
    const view = shownView();
    // The graph as drawn goes with it, for the next visit's first paint, and while the text does
    // not parse, the last text that did, for the views; then the undo history.
    if (
      drawnFrom?.view !== view.lastGood ||
      drawnFrom.positions !== positions ||
      drawnFrom.direction !== direction
    ) {
      drawn = drawnGraph(view.lastGood, positions, direction, topDown);
      drawnFrom = { view: view.lastGood, positions, direction };
    }
    const lastGood = view.blocked ? view.lastGood.bundle.text : undefined;
    // zundo types steps as partial (for its diff option, unused here): each is a whole state.
    const { pastStates, futureStates } = store.temporal.getState() as unknown as {
      pastStates: HistoryState[];
      futureStates: HistoryState[];
    };
    const shown = drawn;
    return {
      design: { text, istioVersion, positions, direction, selection, drawn: shown, lastGood },
      history: { past: pastStates, future: futureStates },
      still: drawStill && (() => shown && drawStill(shown)),
    };
  };
  const keeping = () => keeper !== undefined && !store.getState().readOnly && !unreadable;
  const report = (notice: string) => {
    if (notice !== store.getState().notice) store.setState({ notice });
  };
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!keeping()) return;
    const notice = keeper!.keep(snapshot(), report);
    if (notice) report(notice);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (!keeping()) return;
    if (
      state.text === previous.text &&
      state.istioVersion === previous.istioVersion &&
      state.positions === previous.positions &&
      state.direction === previous.direction &&
      state.selection === previous.selection
    )
      return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
  });
  return {
    flush,
    snapshot,
    dispose() {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
