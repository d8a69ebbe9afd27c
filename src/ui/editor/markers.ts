/**
 * The engine's diagnostics as the YAML pane's markers. Monaco draws the first 500 markers of a
 * model and no more (its marker decorations read that many), so a large design's markers go most
 * severe first: its errors are never hidden behind thousands of notes, and only the markers drawn
 * are converted to lines and columns on each landing.
 */
import type { Diagnostic, Severity } from '../../core';

/** How many markers Monaco draws in one model. */
export const MARKERS_DRAWN = 500;

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** The diagnostics the pane marks: all of them, or the {@link MARKERS_DRAWN} most severe (in text order within a severity). */
export function markedDiagnostics(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  if (diagnostics.length <= MARKERS_DRAWN) return diagnostics;
  const marked: Diagnostic[] = [];
  for (const severity of ORDER)
    for (const d of diagnostics) {
      if (marked.length === MARKERS_DRAWN) return marked;
      if (d.severity === severity) marked.push(d);
    }
  return marked;
}
