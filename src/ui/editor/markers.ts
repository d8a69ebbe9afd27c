/**
 * The engine's diagnostics as the YAML pane's markers. Monaco draws the first 500 markers of a
 * model and no more (its marker decorations read that many), so a large design's markers go most
 * severe first: its errors are never hidden behind thousands of notes, and only the markers drawn
 * are converted to lines and columns on each landing.
 */
import { worstFirst, type Diagnostic } from '../../core';

/** How many markers Monaco draws in one model. */
export const MARKERS_DRAWN = 500;

/** The diagnostics the pane marks: all of them, or the {@link MARKERS_DRAWN} most severe (in text order within a severity). */
export function markedDiagnostics(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  return diagnostics.length <= MARKERS_DRAWN ? diagnostics : worstFirst(diagnostics).slice(0, MARKERS_DRAWN);
}
