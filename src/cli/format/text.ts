import { severityCounts, severitySummary } from '../../core';
import type { LocatedDiagnostic } from './located';

/** Human-readable lines, `file:line:column severity CODE message (resource path)`, and a summary. */
export function formatText(items: LocatedDiagnostic[]): string {
  const lines = items.map((d) => {
    const where = d.resource ? ` (${d.resource}${d.path ? ` ${d.path}` : ''})` : '';
    return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}${where}`;
  });
  lines.push(severitySummary(severityCounts(items)));
  return `${lines.join('\n')}\n`;
}
