/**
 * What the derivation worker does with one request, as a plain function (the worker is a thin
 * shell around it, see derive-worker.ts; tests call it directly): derives the text incrementally,
 * shows its graph for the open groups, and answers with what the views need, in a form that
 * crosses to the main thread as plain data.
 */
import {
  changeBetween,
  createDeriver,
  createGraphShower,
  deepEqual,
  type Bundle,
  type Derivation,
  type DerivationWork,
  type DrawnStage,
  type Diagnostic,
  type EgressGraph,
  type InternalError,
  type IstioVersion,
  type TextChange,
} from '../core';
import { diagnosticsDelta, type DiagnosticsDelta } from './answer-delta';

/** One text to derive off the main thread. */
export interface DeriveRequest {
  text: string;
  istioVersion: IstioVersion;
  /** The graph's groups the user opened. */
  expanded: readonly string[];
  /** The text it was edited from and where, when known: lets the worker re-derive only that. */
  change?: { base: string; range: TextChange } | undefined;
}

/**
 * A text to derive, sent as an edit of the text the worker was sent before: a keystroke in a
 * 1 MB design then posts a character, not the text (and the text it was edited from) again,
 * which cost the main thread about 25 ms a keystroke to copy.
 */
export interface EditRequest {
  edit: { start: number; end: number; inserted: string };
  istioVersion: IstioVersion;
  expanded: readonly string[];
}

/**
 * What the main thread posts: a text to derive (whole, or as an edit of the one before), or a
 * request to derive one of the warm-up designs (by its place in templates/warm-up.ts), unseen, so
 * that the engine's code is compiled and its heap grown before the user's first large design.
 */
export type WorkerRequest = DeriveRequest | EditRequest | { warmUp: number };

/**
 * `request` as an edit of `sent`, the text the worker was sent last. `known` is where it changed
 * `sent`, when the caller knows (the keystrokes since): else the texts are compared, which takes
 * a few milliseconds at 1 MB.
 */
export function editRequest(
  sent: string,
  { text, istioVersion, expanded }: DeriveRequest,
  known?: TextChange,
): EditRequest {
  const fits = known && sent.length - (known.end - known.start) + known.length === text.length;
  const { start, end, length } = fits ? known : changeBetween(sent, text);
  return { edit: { start, end, inserted: text.slice(start, start + length) }, istioVersion, expanded };
}

/** The request an {@link EditRequest} of `base` stands for, with where it changed it. */
export function requestFromEdit(base: string, { edit, istioVersion, expanded }: EditRequest): DeriveRequest {
  const { start, end, inserted } = edit;
  const text = base.slice(0, start) + inserted + base.slice(end);
  return { text, istioVersion, expanded, change: { base, range: { start, end, length: inserted.length } } };
}

/** A text's graph, sent as soon as it is drawn (the analyzers take about as long again). */
export interface DrawnAnswer {
  /**
   * The graph as shown (grouped when large, see core's aggregate.ts), laid out; absent when it
   * equals the last graph the answerer sent (put back by the reader in answer-delta.ts).
   */
  graph?: EgressGraph;
  /** Positions in the bundle's resources of those of kinds the product does not model. */
  unmodelled: number[];
}

/** A derivation, as the worker sends it back. */
export interface DeriveAnswer {
  /** The findings, or how they follow from those of the answer before (see answer-delta.ts). */
  diagnostics: Diagnostic[] | DiagnosticsDelta;
  /** The graph, unless it was sent ahead of the findings (see {@link createAnswerer}). */
  drawn?: DrawnAnswer;
  work: DerivationWork;
  internalError?: InternalError;
}

/**
 * What the worker posts: a graph ahead of its findings, a whole answer, or that a warm-up design
 * is derived (and whether another follows it).
 */
export type WorkerMessage =
  { drawn: DrawnAnswer } | { answer: DeriveAnswer } | { warmedUp: { more: boolean } };

/**
 * A new text of this many documents or more has its graph sent ahead of its findings: their
 * analysis takes a few hundred milliseconds more (about 0.3 ms a document). An edit of a few
 * documents is analysed in less than a frame, and is answered once.
 */
export const DRAWN_AHEAD_DOCUMENTS = 200;

/** The edit of a text answered again as it was (a group opened): none. */
const NO_EDIT: TextChange = { start: 0, end: 0, length: 0 };

/**
 * A function answering requests one after another, keeping the deriver's caches between them; a
 * request may come as an edit of the text answered before. A large new text without syntax errors
 * has its graph given to `ahead` as soon as it is drawn, and then the answer holds no graph.
 */
export function createAnswerer(): (
  request: DeriveRequest | EditRequest,
  ahead?: (drawn: DrawnAnswer) => void,
) => DeriveAnswer {
  const derive = createDeriver();
  const show = createGraphShower();
  let last: { text: string; istioVersion: IstioVersion; derivation: Derivation } | undefined;
  // The graph sent last (the findings sent last are `last`'s): most keystrokes leave the graph as it
  // was and the findings as they were but moved, and sending them whole again costs the main thread
  // their copy and the canvas a redraw (see answer-delta.ts).
  let sentGraph: EgressGraph | undefined;
  const drawnAnswer = (
    { bundle, graph, unmodelled }: Pick<DrawnStage, 'bundle' | 'graph' | 'unmodelled'>,
    expanded: readonly string[],
  ): DrawnAnswer => {
    const position = new Map(bundle.resources.map((resource, i) => [resource, i]));
    const shown = show(graph, expanded);
    const same = sentGraph !== undefined && deepEqual(shown, sentGraph);
    sentGraph = shown;
    const indexes = unmodelled.flatMap((r) => position.get(r) ?? []);
    return same ? { unmodelled: indexes } : { graph: shown, unmodelled: indexes };
  };
  return (asked, ahead) => {
    const request = 'edit' in asked ? requestFromEdit(last?.text ?? '', asked) : asked;
    const { text, istioVersion, expanded, change } = request;
    let sent = false;
    const early = (drawn: DrawnStage) => {
      if (!ahead || drawn.documentsParsed < DRAWN_AHEAD_DOCUMENTS || hasSyntaxErrors(drawn.bundle)) return;
      ahead(drawnAnswer(drawn, expanded));
      sent = true;
    };
    const before = last;
    // Where the text changed the one answered before, when it is an edit of it.
    const edited = before && change?.base === before.text ? change.range : undefined;
    // Opening a group asks again for the same text: only the graph is shown again.
    const derivation =
      before?.text === text && before.istioVersion === istioVersion
        ? before.derivation
        : derive(text, edited, istioVersion, early);
    last = { text, istioVersion, derivation };
    const moved = before?.text === text ? NO_EDIT : edited;
    const answer: DeriveAnswer = {
      diagnostics:
        before && moved
          ? diagnosticsDelta(before.derivation.diagnostics, derivation.diagnostics, moved)
          : derivation.diagnostics,
      work: derivation.work,
    };
    if (!sent) answer.drawn = drawnAnswer(derivation, expanded);
    if (derivation.internalError) answer.internalError = derivation.internalError;
    return answer;
  };
}

/** Whether a document of the bundle does not parse: its views are then blocked, which only the findings say. */
function hasSyntaxErrors(bundle: Bundle): boolean {
  return bundle.documents.some((d) => d.parsed.problems.some((p) => p.severity === 'error'));
}
