/**
 * What the worker leaves out of its answers, and how the main thread puts it back. Most keystrokes
 * in a large design leave its graph as it was and its findings as they were, moved along by the
 * characters typed: sending them whole cost the main thread their copy (a megabyte and a few
 * milliseconds per landing at 2,000 services, and the garbage collections after). The worker
 * sends what changed since its last answer; a reader on the main thread, given every message in
 * the order sent, rebuilds each answer whole.
 */
import {
  deepEqual,
  movePastChange,
  type Diagnostic,
  type EgressGraph,
  type SourceRange,
  type TextChange,
} from '../core';

/**
 * Findings as those of the answer before, moved through an edit of its text, with those that
 * differ given whole.
 */
export interface DiagnosticsDelta {
  /** The edit of the text answered before: offsets after it move by what it added or removed. */
  moved: TextChange;
  /** In order: a run `[first, count]` of the findings sent before, moved; or a finding of its own. */
  parts: ([number, number] | Diagnostic)[];
}

// How far ahead in the findings sent before a finding is looked for: an edit adds or removes a few
// findings around it, not hundreds.
const LOOKAHEAD = 16;

/**
 * `next` as a delta of `sent` (the findings of the text `moved` edited), or `next` itself when
 * nothing of `sent` is kept. Rebuilt exactly by {@link applyDiagnosticsDelta}.
 */
export function diagnosticsDelta(
  sent: readonly Diagnostic[],
  next: Diagnostic[],
  moved: TextChange,
): Diagnostic[] | DiagnosticsDelta {
  const parts: DiagnosticsDelta['parts'] = [];
  let kept = 0;
  let from = 0;
  // Past the lookahead (a block of findings removed): the findings sent, by where they move to.
  let byPlace: Map<string, number[]> | undefined;
  const findFar = (diagnostic: Diagnostic): number => {
    byPlace ??= placesOf(sent, moved);
    const candidates = byPlace.get(placeKey(diagnostic.code, diagnostic.range)) ?? [];
    return candidates.find((i) => i >= from && sameMoved(diagnostic, sent[i]!, moved)) ?? -1;
  };
  for (const diagnostic of next) {
    let at = from;
    const limit = Math.min(sent.length, from + LOOKAHEAD);
    while (at < limit && !sameMoved(diagnostic, sent[at]!, moved)) at++;
    if (at === limit) at = limit < sent.length ? findFar(diagnostic) : -1;
    if (at < 0) {
      parts.push(diagnostic);
      continue;
    }
    const run = parts.at(-1);
    if (Array.isArray(run) && run[0] + run[1] === at) run[1]++;
    else parts.push([at, 1]);
    kept++;
    from = at + 1;
  }
  return kept === 0 ? next : { moved, parts };
}

/** The findings a {@link DiagnosticsDelta} of `sent` stands for. */
export function applyDiagnosticsDelta(
  sent: readonly Diagnostic[],
  { moved, parts }: DiagnosticsDelta,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const part of parts) {
    if (!Array.isArray(part)) {
      out.push(part);
      continue;
    }
    const [first, count] = part;
    for (let i = first; i < first + count; i++) {
      const diagnostic = sent[i]!;
      const range = movePastChange(diagnostic.range, moved)!;
      // Before the edit: the same object.
      out.push(range === diagnostic.range ? diagnostic : { ...diagnostic, range });
    }
  }
  return out;
}

/**
 * A reader of one answerer's messages, in the order it sent them: each graph and each set of
 * findings whole, the graph received last when the answerer left it out as unchanged, and the
 * findings rebuilt from those received last when it sent a delta.
 */
export function createAnswerReader(): {
  graph(graph: EgressGraph | undefined): EgressGraph;
  diagnostics(diagnostics: Diagnostic[] | DiagnosticsDelta): Diagnostic[];
} {
  let graph: EgressGraph = { nodes: [], edges: [] };
  let diagnostics: Diagnostic[] = [];
  return {
    graph(received) {
      if (received) graph = received;
      return graph;
    },
    diagnostics(received) {
      diagnostics = Array.isArray(received) ? received : applyDiagnosticsDelta(diagnostics, received);
      return diagnostics;
    },
  };
}

/** The findings sent, by the code and range each has once moved through `edit`. */
function placesOf(sent: readonly Diagnostic[], edit: TextChange): Map<string, number[]> {
  const places = new Map<string, number[]>();
  sent.forEach((diagnostic, i) => {
    const range = movePastChange(diagnostic.range, edit);
    if (!range) return;
    const key = placeKey(diagnostic.code, range);
    const at = places.get(key);
    if (at) at.push(i);
    else places.set(key, [i]);
  });
  return places;
}

function placeKey(code: string, range: SourceRange): string {
  return `${code}@${range.start}-${range.end}`;
}

/** Whether `next` is `sent` moved through `edit`: its range moved, everything else equal. */
function sameMoved(next: Diagnostic, sent: Diagnostic, edit: TextChange): boolean {
  const range = movePastChange(sent.range, edit);
  if (!range || range.start !== next.range.start || range.end !== next.range.end) return false;
  const keys = Object.keys(next) as (keyof Diagnostic)[];
  if (keys.length !== Object.keys(sent).length) return false;
  return keys.every((key) => key === 'range' || deepEqual(next[key], sent[key]));
}
