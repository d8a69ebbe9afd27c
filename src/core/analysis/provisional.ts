import { movePastChange, type Bundle, type BundleDocument, type TextChange } from '../bundle';
import type { IstioVersion } from '../istio/releases';
import { analyzeDocument } from './analyze';
import type { Diagnostic } from './types';

/**
 * The findings of `after`, an edit (`change`) of a bundle analysed as `before`, worked out from the
 * edited documents alone, in a few milliseconds however large the bundle: their own findings (those
 * that depend on their text only: YAML, schema, admission rules) are found afresh, and every other
 * finding is kept, moved past the edit. What the edit changes across resources is not in it: a full
 * analysis (see `analyzeBundle`) replaces it. What a form edit shows until the analysis of a large
 * design lands.
 */
export function provisionalDiagnostics(
  before: { bundle: Bundle; diagnostics: readonly Diagnostic[] },
  after: Bundle,
  change: TextChange,
  target: IstioVersion,
): Diagnostic[] {
  const dropped = new Map<string, number>();
  for (const d of ownFindings(before.bundle, change.start, change.end, target)) {
    const key = findingKey(d);
    dropped.set(key, (dropped.get(key) ?? 0) + 1);
  }
  const out: Diagnostic[] = [];
  for (const d of before.diagnostics) {
    const key = findingKey(d);
    const left = dropped.get(key);
    if (left) {
      dropped.set(key, left - 1);
      continue;
    }
    // A finding in the text the edit replaced has no place in the new text.
    const range = movePastChange(d.range, change);
    if (range) out.push(range === d.range ? d : { ...d, range });
  }
  out.push(...ownFindings(after, change.start, change.start + change.length, target));
  return out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** The own findings of the documents of `bundle` that `[start, end]` touches, at their bundle offsets. */
function ownFindings(bundle: Bundle, start: number, end: number, target: IstioVersion): Diagnostic[] {
  const touched = bundle.documents.filter((d) => d.start <= end && start <= d.end);
  const out: Diagnostic[] = [];
  for (const document of touched) {
    const resources = bundle.resources.filter((r) => r.document === document);
    for (const d of analyzeDocument(document, resources, target)) out.push(atBundleOffsets(d, document));
  }
  return out;
}

function atBundleOffsets(d: Diagnostic, document: BundleDocument): Diagnostic {
  return { ...d, range: { start: d.range.start + document.start, end: d.range.end + document.start } };
}

function findingKey(d: Diagnostic): string {
  return `${d.code}\u0000${d.range.start}\u0000${d.range.end}\u0000${d.path}\u0000${d.message}`;
}
