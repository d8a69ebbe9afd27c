import { describe, expect, it } from 'vitest';

import { realisticDesign } from '../../templates/realistic';
import { deriveOnce, type Diagnostic } from '../../core';
import { markedDiagnostics, MARKERS_DRAWN } from './markers';

describe("the YAML pane's markers", () => {
  it('marks every problem of a design with fewer than Monaco draws', () => {
    const { diagnostics } = deriveOnce(realisticDesign(100));
    expect(diagnostics.length).toBeLessThan(MARKERS_DRAWN);
    expect(markedDiagnostics(diagnostics)).toBe(diagnostics);
  });

  it('marks the most severe first where there are more: warnings are not lost behind notes', () => {
    const { diagnostics } = deriveOnce(realisticDesign(2000));
    const count = (list: readonly Diagnostic[], severity: string) =>
      list.filter((d) => d.severity === severity).length;
    const warnings = count(diagnostics, 'warning');
    // The design's thousands of notes come first in the text, ahead of its warnings.
    expect(count(diagnostics.slice(0, MARKERS_DRAWN), 'warning')).toBeLessThan(warnings);
    const marked = markedDiagnostics(diagnostics);
    expect(marked).toHaveLength(MARKERS_DRAWN);
    expect(count(marked, 'warning')).toBe(warnings);
    expect(count(marked, 'info')).toBe(MARKERS_DRAWN - warnings);
    // In text order within a severity.
    const infos = marked.filter((d) => d.severity === 'info').map((d) => d.range.start);
    expect(infos).toEqual([...infos].sort((a, b) => a - b));
  });
});
