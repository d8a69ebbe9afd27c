import type { Diagnostic, Severity } from './types';

// Kept free of imports (but types): the first paint counts a node's problems with `counted` too.

/** `1 error`, `2 errors`: a count and its noun, in the right number. */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** How many diagnostics there are of each severity. */
export function severityCounts(diagnostics: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/**
 * The one-line summary the Problems region and the CLI's text output end with:
 * `2 errors · 1 warning · 0 info` (DESIGN.md §3; "info" has no plural).
 */
export function severitySummary(counts: Record<Severity, number>): string {
  return `${counted(counts.error, 'error')} · ${counted(counts.warning, 'warning')} · ${counts.info} info`;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Diagnostics in the order a person works through them: errors, then warnings, then info, each
 * by position. (The engine and the CLI keep them by position alone.)
 */
export function worstFirst(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.range.start - b.range.start ||
      a.range.end - b.range.end,
  );
}
