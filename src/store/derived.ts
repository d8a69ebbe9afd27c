/**
 * The views of the text: the engine's derivation for the design's target release, memoised per
 * text and release (so selectors return the same object until either changes), and the last
 * derivation whose text parsed, which the canvas and forms keep showing, read-only, while the
 * text is broken.
 */
import {
  changeBetween,
  composeChanges,
  createDeriver,
  createGraphShower,
  parseBundle,
  parseInSlices,
  type Bundle,
  type DocumentCache,
  type Derivation,
  type IstioVersion,
  type TextChange,
} from '../core';
import { OFF_THREAD_CHARS, type OffThread } from './off-thread';
import type { DeriveAnswer, DeriveRequest, DrawnAnswer } from './off-thread-answer';
import { IDLE_SLICE_MS, soon, whenIdle } from './schedule';

/** Where the text stops parsing: the first YAML syntax error. */
export interface Blocked {
  line: number;
  message: string;
}

/**
 * What the views show for one text. Its derivations' graphs are the graph as shown: grouped when
 * large, with the groups the user opened open (see core's aggregate.ts); the CLI's stays whole.
 */
export interface View {
  current: Derivation;
  /** `current` when the text parses, else the last derivation that did. */
  lastGood: Derivation;
  blocked: Blocked | undefined;
  /** The view of the text before (without its own `previous`): lets views follow renamed nodes. */
  previous: Omit<View, 'previous' | 'pending'> | undefined;
  /**
   * Set while the text's derivation is under way off the main thread (a large design): this view
   * is the last one that landed, for an earlier text, or this text's graph ahead of its findings.
   */
  pending?: boolean;
  /**
   * Set when this view is the text's parse and graph, sent ahead of its findings: `diagnostics`
   * is empty because the text is still being checked, not because nothing was found.
   */
  unchecked?: boolean;
  /**
   * Set on a pending view of another design than the one the text now holds (a paste, a design
   * opened): the views show what the user has left until the new one's graph lands.
   */
  replacing?: boolean;
}

/** Memoised derivation of the studio's text. */
export interface Derived {
  /**
   * The view of `text` for the target release, with the graph's groups in `expanded` open;
   * `change` says where it differs from the text it was edited from, when known. A large text is
   * derived off the main thread: until its derivation lands, this is the last view that did,
   * marked `pending` (the `onLanded` given at creation says when to ask again).
   */
  of(
    text: string,
    istioVersion: IstioVersion,
    change?: { base: string; range: TextChange },
    expanded?: readonly string[],
  ): View;
  /** `text` parsed, at once and on this thread: what edits are made against. */
  bundleOf(text: string, istioVersion: IstioVersion): Bundle;
  /** Stops the worker, if one was started. */
  dispose(): void;
}

/** How a studio's views are derived. */
export interface DerivedOptions {
  /** Starts a worker for large texts (see off-thread.ts); without one, everything is derived here. */
  offThread?: ((onFailure: () => void) => OffThread | undefined) | undefined;
  /** Called when a derivation made off the main thread lands: the views should ask again. */
  onLanded?: (() => void) | undefined;
}

const NONE: readonly string[] = [];
const NO_GRAPH: DrawnAnswer = { graph: { nodes: [], edges: [] }, unmodelled: [] };
const NO_WORK = { documentsParsed: 0, documentsChecked: 0, resourcesRechecked: 0, graphPartsDrawn: 0 };

/** A text being parsed here in slices (see `warm`). */
interface Warming {
  text: string;
  /** Stops the parse; undefined once it is done. */
  cancel: (() => void) | undefined;
  /** Runs `next` once the text is parsed, parsing the rest in slices without waiting for idle time. */
  then(next: () => void): void;
  /** Ends the parse (done, or parsed at once elsewhere): what waits for it runs next. */
  done(): void;
}

/** A derivation cache for one studio (it keeps the engine's per-document caches between edits). */
export function createDerived({ offThread, onLanded }: DerivedOptions = {}): Derived {
  const derive = createDeriver();
  let last: { text: string; istioVersion: IstioVersion; view: View } | undefined;
  const shown = createShownViews();
  // Off the main thread: the worker (started on the first large text), what was last asked of it,
  // and what last landed, whose text is parsed here too (for the forms, and for edits).
  let worker: OffThread | undefined;
  let workerFailed = !offThread;
  let asked: DeriveRequest | undefined;
  let landed: { request: DeriveRequest; view: View } | undefined;
  const pendingViews = new WeakMap<View, [View?, View?]>();
  const documents: DocumentCache = new Map();
  let parsed: Bundle | undefined;
  // The newest text typed since a text parsed here (or being parsed between frames), as one change
  // of it: keystrokes are not parsed one by one (each is a pass over every document, longer than a
  // frame at thousands of them), but when a landing or an edit needs the text, around the change.
  let ahead: { from: string; text: string; change: TextChange } | undefined;
  const parseHere = (text: string): Bundle => {
    if (parsed?.text === text) return parsed;
    const typed = ahead;
    if (typed?.text === text) {
      if (parsed?.text !== typed.from) parseWhole(typed.from);
      parsed = parseBundle(text, documents, parsed, typed.change);
      ahead = undefined;
      return parsed;
    }
    parsed = parseWhole(text);
    // A landing of a text typed before the newest: the newest is still ahead, by what differs.
    if (typed && typed.from !== text)
      ahead = { from: text, text: typed.text, change: changeOf(text, typed.text) };
    return parsed;
  };
  const parseWhole = (text: string): Bundle => {
    parsed = parseBundle(text, documents, parsed);
    // Parsed now (an edit or a landing needed it): what waited for the parse between frames goes on.
    if (warming?.cancel && warming.text === text) warming.done();
    return parsed;
  };
  // While the worker derives a text, this thread parses it too (for the forms and edits), in the
  // idle time between frames, a few milliseconds at a time, so that its landing does not parse it
  // in one long task and a keystroke meanwhile is drawn in its own frame. A landing that comes
  // first waits for it, the rest parsed in slices at once rather than when idle.
  let warming: Warming | undefined;
  const warm = (text: string) => {
    warming?.cancel?.();
    const slice = parseInSlices(text, documents);
    const waiting: (() => void)[] = [];
    const current: Warming = {
      text,
      cancel: undefined,
      then(next) {
        waiting.push(next);
        current.cancel?.();
        current.cancel = soon(step);
      },
      done() {
        current.cancel?.();
        current.cancel = undefined;
        if (waiting.length > 0) soon(() => waiting.splice(0).forEach((next) => next()));
      },
    };
    const step = (budget: number, idleLeft?: () => number) => {
      if (slice(budget)) current.done();
      else if (waiting.length > 0) current.cancel = soon(step);
      // The rest of this idle period, a slice at a time (input and frames go first), then the next.
      else if (idleLeft && idleLeft() > 1)
        current.cancel = soon(() => {
          const left = idleLeft();
          if (left > 1) step(Math.min(IDLE_SLICE_MS, left), idleLeft);
          else current.cancel = whenIdle(step);
        });
      else current.cancel = whenIdle(step);
    };
    current.cancel = whenIdle(step);
    warming = current;
  };
  /** Notes a keystroke without parsing it; false when it is not an edit of a text parsed, warming or ahead. */
  const typeAhead = (text: string, change: { base: string; range: TextChange }): boolean => {
    if (ahead && change.base === ahead.text)
      ahead = { from: ahead.from, text, change: composeChanges(ahead.change, change.range) };
    else if (change.base === parsed?.text || change.base === warming?.text)
      ahead = { from: change.base, text, change: change.range };
    else return false;
    return true;
  };

  const offMainThread = (text: string): boolean => {
    if (workerFailed || text.length < OFF_THREAD_CHARS) return false;
    worker ??= offThread!(() => {
      // A worker that cannot run (or crashed) leaves the derivations to this thread, as before.
      workerFailed = true;
      onLanded?.();
    });
    if (!worker) workerFailed = true;
    return !workerFailed;
  };

  // A graph sent ahead of its findings, noted as it arrives (its landing may wait for this thread's
  // parse, and the findings may arrive meanwhile): the answer to come holds only the findings.
  // `before` is the view its landing replaced, once it has landed.
  let drawnAhead:
    { request: DeriveRequest; drawn: DrawnAnswer; landed: boolean; before: View | undefined } | undefined;
  const derivationOf = (request: DeriveRequest, drawn: DrawnAnswer, checked?: DeriveAnswer): Derivation => {
    const bundle = parseHere(request.text);
    const derivation: Derivation = {
      bundle,
      istioVersion: request.istioVersion,
      diagnostics: checked?.diagnostics ?? [],
      graph: drawn.graph,
      unmodelled: drawn.unmodelled.flatMap((i) => bundle.resources[i] ?? []),
      work: checked?.work ?? NO_WORK,
    };
    if (checked?.internalError) derivation.internalError = checked.internalError;
    return derivation;
  };
  // Requests in the order asked, and the first of the newest design (not an edit of the one before):
  // until a request from it on lands, the views show a design the user has left.
  let asking = 0;
  let newDesignFrom = 0;
  let landedAt = 0;
  const drawnArrived = (request: DeriveRequest, drawn: DrawnAnswer, at: number) => {
    drawnAhead = { request, drawn, landed: false, before: undefined };
    landDrawn(request, at);
  };
  const landDrawn = (request: DeriveRequest, at: number) => {
    if (warming?.cancel) return warming.then(() => landDrawn(request, at));
    // Its findings landed first (they arrived while this waited): nothing left to show.
    const ahead = drawnAhead;
    if (ahead?.request !== request) return;
    ahead.landed = true;
    ahead.before = landed?.view;
    // The text's graph, while its findings are still to come: pending, and unchecked.
    const derivation = derivationOf(request, ahead.drawn);
    landed = { request, view: { ...viewOf(derivation, ahead.before), pending: true, unchecked: true } };
    landedAt = at;
    onLanded?.();
  };
  const land = (request: DeriveRequest, answer: DeriveAnswer, at: number) => {
    if (warming?.cancel) return warming.then(() => land(request, answer, at));
    const ahead = drawnAhead?.request === request ? drawnAhead : undefined;
    drawnAhead = undefined;
    // The worker sends the graph with the answer or ahead of it (noted as it arrives). Were neither
    // there, an empty graph would land rather than a view pending for ever.
    const drawn = answer.drawn ?? ahead?.drawn ?? NO_GRAPH;
    const before = ahead?.landed ? ahead.before : landed?.view;
    landed = { request, view: viewOf(derivationOf(request, drawn, answer), before) };
    landedAt = at;
    onLanded?.();
  };

  return {
    of(text, istioVersion, change, expanded = NONE) {
      if (!offMainThread(text)) return shown(base(text, istioVersion, change), expanded);
      const request: DeriveRequest = { text, istioVersion, expanded, change };
      if (landed && sameRequest(landed.request, request)) return landed.view;
      if (!asked || !sameRequest(asked, request)) {
        // Typing: noted, parsed here when needed; a paste or any other new text: parsed between
        // frames while the worker derives it.
        const at = ++asking;
        if (!(change && typeAhead(text, change)) && asked?.text !== text) {
          warm(text);
          newDesignFrom = at;
        }
        asked = request;
        worker!.derive(
          request,
          (answer) => land(request, answer, at),
          (drawn) => drawnArrived(request, drawn, at),
        );
      }
      // Until the first result lands, the last view derived here (the design before a paste).
      return pendingView(landed?.view ?? (last && shown(last.view, expanded)), landedAt < newDesignFrom);
    },
    bundleOf(text, istioVersion) {
      return text.length < OFF_THREAD_CHARS || workerFailed
        ? base(text, istioVersion).current.bundle
        : parseHere(text);
    },
    dispose() {
      worker?.dispose();
      warming?.cancel?.();
    },
  };

  function base(
    text: string,
    istioVersion: IstioVersion,
    change?: { base: string; range: TextChange },
  ): View {
    if (last?.text === text && last.istioVersion === istioVersion) return last.view;
    // A change range is only meaningful against the text derived just before.
    const range = last && change?.base === last.text ? change.range : undefined;
    const view = viewOf(derive(text, range, istioVersion), last?.view);
    last = { text, istioVersion, view };
    return view;
  }

  /**
   * The last view that landed, marked pending (and `replacing` when it is of a design left); before
   * any, an empty one. One object per view and mark, so the views see the same one until it changes.
   */
  function pendingView(view: View | undefined, replacing: boolean): View {
    const shownView = view ?? (empty ??= emptyView());
    const views = (pendingViews.get(shownView) ?? []) as [View?, View?];
    pendingViews.set(shownView, views);
    const at = replacing ? 1 : 0;
    return (views[at] ??= { ...shownView, pending: true, ...(replacing ? { replacing: true } : {}) });
  }
}

let empty: View | undefined;

/** What the views show before a large design's first derivation lands: nothing yet. */
function emptyView(): View {
  const derivation = createDeriver()('');
  return viewOf({ ...derivation, graph: { nodes: [], edges: [] } }, undefined);
}

/** The view of a derivation, after the one before it: blocked while its text does not parse. */
function viewOf(derivation: Derivation, before: View | undefined): View {
  const syntax = derivation.diagnostics.find((d) => d.code === 'YAML-SYNTAX' && d.severity === 'error');
  const blocked = syntax
    ? { line: derivation.bundle.lines.positionAt(syntax.range.start).line, message: syntax.message }
    : undefined;
  return {
    current: derivation,
    lastGood: blocked && before ? before.lastGood : derivation,
    blocked,
    previous: before
      ? { current: before.current, lastGood: before.lastGood, blocked: before.blocked }
      : undefined,
  };
}

/** The change turning `before` into `after`, as a range alone. */
function changeOf(before: string, after: string): TextChange {
  const { start, end, length } = changeBetween(before, after);
  return { start, end, length };
}

function sameRequest(a: DeriveRequest, b: DeriveRequest): boolean {
  return a.text === b.text && a.istioVersion === b.istioVersion && sameKeys(a.expanded, b.expanded);
}

/**
 * A view with its graphs as shown for the open groups: the same view while the graphs need no
 * grouping, else one memoised per view and open groups (each derivation's shown graph kept once).
 */
function createShownViews(): (view: View, expanded: readonly string[]) => View {
  const show = createGraphShower();
  const derivations = new WeakMap<Derivation, { expanded: readonly string[]; shown: Derivation }>();
  const views = new WeakMap<View, { expanded: readonly string[]; shown: View }>();
  const shownDerivation = (derivation: Derivation, expanded: readonly string[]): Derivation => {
    const known = derivations.get(derivation);
    if (known && sameKeys(known.expanded, expanded)) return known.shown;
    const graph = show(derivation.graph, expanded);
    const shown = graph === derivation.graph ? derivation : { ...derivation, graph };
    derivations.set(derivation, { expanded, shown });
    return shown;
  };
  return (view, expanded) => {
    const known = views.get(view);
    if (known && sameKeys(known.expanded, expanded)) return known.shown;
    const current = shownDerivation(view.current, expanded);
    const lastGood = shownDerivation(view.lastGood, expanded);
    const previous = view.previous && {
      ...view.previous,
      current: shownDerivation(view.previous.current, expanded),
      lastGood: shownDerivation(view.previous.lastGood, expanded),
    };
    const unchanged =
      current === view.current &&
      lastGood === view.lastGood &&
      previous?.current === view.previous?.current &&
      previous?.lastGood === view.previous?.lastGood;
    const shown = unchanged ? view : { ...view, current, lastGood, previous };
    views.set(view, { expanded, shown });
    return shown;
  };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((key, i) => key === b[i]));
}
