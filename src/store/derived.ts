/**
 * The views of the text: the engine's derivation for the design's target release, memoised per
 * text and release (so selectors return the same object until either changes), and the last
 * derivation whose text parsed, which the canvas and forms keep showing, read-only, while the
 * text is broken.
 */
import {
  createDeriver,
  createGraphShower,
  provisionalDiagnostics,
  type Bundle,
  type Derivation,
  type Diagnostic,
  type EgressGraph,
  type IstioVersion,
  type TextChange,
} from '../core';
import { OFF_THREAD_CHARS, type OffThread } from './off-thread';
import { createAnswerReader } from './answer-delta';
import type { DeriveAnswer, DeriveRequest, DrawnAnswer } from './off-thread-answer';
import type { TextEdit } from './studio-state';
import { createHereParser } from './parse-here';
import { whenIdle } from './schedule';

/** A graph as it landed: with its graph, even when the worker left it out as unchanged. */
type Drawn = DrawnAnswer & { graph: EgressGraph };

/** An answer as it landed: with its findings whole, even when the worker sent how they changed. */
type Checked = DeriveAnswer & { diagnostics: Diagnostic[] };

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
   * Set while the text is not yet parsed on this thread (a large design whose graph just landed
   * from the worker): `current.unmodelled` is empty for now, and reading the bundle's documents or
   * resources parses them at once, which views that can wait leave until this is cleared.
   */
  reading?: boolean;
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
   * marked `pending` (the `onLanded` given at creation says when to ask again); for an edit made in
   * one step (`change.checkNow`), that view with the edited documents' own findings, found here.
   */
  of(text: string, istioVersion: IstioVersion, change?: TextEdit, expanded?: readonly string[]): View;
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

/** How long after the studio is created its worker is warmed up: once the page has settled. */
const WARM_UP_AFTER_MS = 1000;

const NONE: readonly string[] = [];
const NO_GRAPH: Drawn = { graph: { nodes: [], edges: [] }, unmodelled: [] };
const NO_WORK = { documentsParsed: 0, documentsChecked: 0, resourcesRechecked: 0, graphPartsDrawn: 0 };

/** A derivation cache for one studio (it keeps the engine's per-document caches between edits). */
export function createDerived({ offThread, onLanded }: DerivedOptions = {}): Derived {
  const derive = createDeriver();
  let last: { text: string; istioVersion: IstioVersion; view: View } | undefined;
  const shown = createShownViews();
  // Off the main thread: the worker (started once the page has settled, or by the first large
  // text), what was last asked of it, and what last landed, whose text is parsed here too (for the
  // forms, and for edits: see parse-here.ts).
  let worker: OffThread | undefined;
  let workerFailed = !offThread;
  let asked: DeriveRequest | undefined;
  let landed: { request: DeriveRequest; view: View } | undefined;
  const pendingViews = new WeakMap<View, [View?, View?]>();
  const here = createHereParser();
  // The worker leaves out what did not change since its answer before (see answer-delta.ts): it is
  // put back here, from each message in the order sent.
  const reader = createAnswerReader();
  const drawnOf = (drawn: DrawnAnswer): Drawn => ({ ...drawn, graph: reader.graph(drawn.graph) });

  const startWorker = (): boolean => {
    if (workerFailed) return false;
    worker ??= offThread!(() => {
      // A worker that cannot run (or crashed) leaves the derivations to this thread, as before.
      workerFailed = true;
      onLanded?.();
    });
    if (!worker) workerFailed = true;
    return !workerFailed;
  };
  const offMainThread = (text: string): boolean => text.length >= OFF_THREAD_CHARS && startWorker();
  // Once the page has settled, the worker is started and its engine warmed up, so that a large
  // design pasted later is not the first thing it derives (see OffThread.warmUp).
  let cancelWarmUp: (() => void) | undefined;
  const warmUpTimer = offThread
    ? setTimeout(() => (cancelWarmUp = whenIdle(() => startWorker() && worker!.warmUp())), WARM_UP_AFTER_MS)
    : undefined;

  // Requests in the order asked, and the first of the newest design (not an edit of the one before):
  // until a request from it on lands, the views show a design the user has left.
  let asking = 0;
  let newDesignFrom = 0;
  let landedAt = 0;
  // A graph sent ahead of its findings, and the view its landing replaced: the findings land with them.
  let drawnAhead: { request: DeriveRequest; drawn: Drawn; before: View | undefined } | undefined;
  // A landing: the text's graph, with its findings once they are there (else pending and unchecked),
  // read from this thread's parse of it once there is one (else `reading`, see View.reading).
  const landView = (
    request: DeriveRequest,
    drawn: Drawn,
    checked: Checked | undefined,
    before: View | undefined,
    at: number,
  ) => {
    const reading = !here.isNear(request.text);
    const bundle = reading ? here.bundle(request.text) : here.parse(request.text);
    const derivation: Derivation = {
      bundle,
      istioVersion: request.istioVersion,
      diagnostics: checked?.diagnostics ?? [],
      graph: drawn.graph,
      unmodelled: reading ? [] : drawn.unmodelled.flatMap((i) => bundle.resources[i] ?? []),
      work: checked?.work ?? NO_WORK,
    };
    if (checked?.internalError) derivation.internalError = checked.internalError;
    const view: View = {
      ...viewOf(derivation, before),
      ...(checked ? {} : { pending: true, unchecked: true }),
      ...(reading ? { reading: true } : {}),
    };
    landed = { request, view };
    landedAt = at;
    onLanded?.();
    // Parsed here: the same landing again, reading its documents (unless another one replaced it).
    if (reading)
      here.parseBetweenFrames(request.text, () => {
        if (landed?.view === view) landView(request, drawn, checked, before, at);
      });
  };
  const drawnArrived = (request: DeriveRequest, drawn: Drawn, at: number) => {
    drawnAhead = { request, drawn, before: landed?.view };
    landView(request, drawn, undefined, drawnAhead.before, at);
  };
  const land = (request: DeriveRequest, answer: Checked, drawn: Drawn | undefined, at: number) => {
    const ahead = drawnAhead?.request === request ? drawnAhead : undefined;
    drawnAhead = undefined;
    // The worker sends the graph with the answer or ahead of it. Were neither there, an empty graph
    // would land rather than a view pending for ever.
    landView(request, drawn ?? ahead?.drawn ?? NO_GRAPH, answer, ahead ? ahead.before : landed?.view, at);
  };

  // A form edit of the text that landed last: its edited documents checked here at once, shown
  // (pending) until the worker's findings land. Not for typing: each keystroke would be a parse.
  let checkedHere: { request: DeriveRequest; view: View | undefined } | undefined;
  const checkHere = (request: DeriveRequest, change: TextEdit): View | undefined => {
    const from = landed;
    if (!from || from.view.reading || from.view.unchecked || from.request.text !== change.base)
      return undefined;
    if (from.request.istioVersion !== request.istioVersion || !here.isNear(request.text)) return undefined;
    const before = from.view.current;
    const bundle = here.parse(request.text);
    const diagnostics = provisionalDiagnostics(before, bundle, change.range, request.istioVersion);
    const unmodelled = new Set(before.unmodelled.map((r) => r.id));
    const derivation: Derivation = {
      ...before,
      bundle,
      diagnostics,
      unmodelled: bundle.resources.filter((r) => unmodelled.has(r.id)),
    };
    return { ...viewOf(derivation, from.view), pending: true };
  };

  return {
    of(text, istioVersion, change, expanded = NONE) {
      if (!offMainThread(text)) return shown(base(text, istioVersion, change), expanded);
      const request: DeriveRequest = { text, istioVersion, expanded, change };
      if (landed && sameRequest(landed.request, request)) return landed.view;
      if (!asked || !sameRequest(asked, request)) {
        // Typing: noted, parsed here when needed; a paste or any other new text: parsed here
        // once its graph has landed (see parse-here.ts).
        const at = ++asking;
        if (!(change && here.typeAhead(text, change)) && asked?.text !== text) {
          here.expect(text);
          newDesignFrom = at;
        }
        asked = request;
        worker!.derive(
          request,
          (answer) =>
            land(
              request,
              { ...answer, diagnostics: reader.diagnostics(answer.diagnostics) },
              answer.drawn && drawnOf(answer.drawn),
              at,
            ),
          (drawn) => drawnArrived(request, drawnOf(drawn), at),
        );
        checkedHere = change?.checkNow ? { request, view: checkHere(request, change) } : undefined;
      }
      if (checkedHere?.view && checkedHere.request === asked) return checkedHere.view;
      // Until the first result lands, the last view derived here (the design before a paste).
      return pendingView(landed?.view ?? (last && shown(last.view, expanded)), landedAt < newDesignFrom);
    },
    bundleOf(text, istioVersion) {
      return text.length < OFF_THREAD_CHARS || workerFailed
        ? base(text, istioVersion).current.bundle
        : here.parse(text);
    },
    dispose() {
      clearTimeout(warmUpTimer);
      cancelWarmUp?.();
      worker?.dispose();
      here.dispose();
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
