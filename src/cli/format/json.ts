import type { LocatedDiagnostic } from './located';

/** One JSON array of diagnostics (DESIGN.md §3). */
export function formatJson(items: LocatedDiagnostic[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}
