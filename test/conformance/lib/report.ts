import { isMap, isScalar, parseDocument, type Document } from 'yaml';

import { CATEGORIES, type CaseResult, type SuiteResult } from './suite';

const percent = (part: number, whole: number): string =>
  whole === 0 ? '-' : `${Math.round((part / whole) * 1000) / 10}%`;

interface Row {
  label: string;
  source: string;
  results: CaseResult[];
}

function row({ label, source, results }: Row): string {
  const count = (status: CaseResult['status']) => results.filter((r) => r.status === status).length;
  const agree = results.filter((r) => r.outcome.agrees).length;
  return [
    label.padEnd(22),
    source.padEnd(31),
    String(results.length).padStart(5),
    String(agree).padStart(6),
    percent(agree, results.length).padStart(7),
    String(count('known-gap')).padStart(6),
    String(count('new-disagreement')).padStart(5),
    String(count('gap-closed')).padStart(7),
  ].join(' ');
}

/** The agreement table: per category and source, then totals and the false positives. */
export function formatTable({ results, staleGaps, manifests }: SuiteResult): string {
  const lines = [
    'Agreement with Istio on its own data',
    [
      'category'.padEnd(22),
      'source'.padEnd(31),
      'cases'.padStart(5),
      'agree'.padStart(6),
      ''.padStart(7),
      'gaps'.padStart(6),
      'new'.padStart(5),
      'closed'.padStart(7),
    ].join(' '),
  ];
  for (const [category, heading] of CATEGORIES) {
    const inCategory = results.filter((r) => r.testCase.category === category);
    const sources = [...new Set(inCategory.map((r) => r.source))];
    sources.forEach((source, i) =>
      lines.push(
        row({
          label: i === 0 ? heading : '',
          source,
          results: inCategory.filter((r) => r.source === source),
        }),
      ),
    );
    if (sources.length > 1) lines.push(row({ label: '', source: '(all)', results: inCategory }));
  }
  lines.push(row({ label: 'total', source: '', results }));

  const withFalsePositives = results.filter((r) => r.outcome.falsePositives.length > 0);
  const falsePositives = withFalsePositives.flatMap((r) => r.outcome.falsePositives);
  lines.push(
    '',
    `False positives (analyzer cases): ${falsePositives.length} findings in ${withFalsePositives.length} cases`,
  );
  for (const r of withFalsePositives)
    lines.push(`  ${r.testCase.id}: ${r.outcome.falsePositives.join('; ')}`);

  const outOfScope = manifests.reduce((n, m) => n + (m.outOfScope?.length ?? 0), 0);
  lines.push('', `Out of scope (listed in the manifests with the reason): ${outOfScope}`);

  const attention = results.filter((r) => r.status === 'new-disagreement' || r.status === 'gap-closed');
  if (attention.length > 0 || staleGaps.length > 0) {
    lines.push('', 'Needs attention (the suite fails until known-gaps.yaml is brought up to date):');
    for (const r of attention) {
      const what =
        r.status === 'gap-closed' ? 'now agrees; remove it from known-gaps.yaml' : r.outcome.summary;
      lines.push(`  ${r.testCase.id}: ${what}`);
    }
    for (const id of staleGaps) lines.push(`  ${id}: listed in known-gaps.yaml, but no case has this id`);
  }
  return lines.join('\n');
}

/**
 * A draft known-gaps list: the current list (its grouping comments kept) without the cases that
 * agree now or no longer exist, then every new disagreement as `unexplained: <what the engine
 * did>`, for the lead to edit after a merge.
 */
export function formatGapsDraft({ results }: SuiteResult, currentList: string): string {
  const disagreeing = new Map(results.filter((r) => !r.outcome.agrees).map((r) => [r.testCase.id, r]));
  const document: Document = parseDocument(currentList.trim() ? currentList : '{}');
  const map = document.contents;
  if (!isMap(map)) throw new Error('known-gaps.yaml must be a map of case id to reason');
  map.items = map.items.filter((pair, i) => {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    if (disagreeing.has(id)) return true;
    // A group's heading is the comment before its first entry: hand it on to the next one.
    const next = map.items[i + 1];
    if (isScalar(pair.key) && pair.key.commentBefore && next && isScalar(next.key)) {
      next.key.commentBefore = [pair.key.commentBefore, next.key.commentBefore].filter(Boolean).join('\n');
    }
    return false;
  });
  const listed = new Set(map.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')));
  let first = true;
  for (const [id, r] of disagreeing) {
    if (listed.has(id)) continue;
    const pair = document.createPair(id, `unexplained: ${r.outcome.summary}`);
    if (first && isScalar(pair.key))
      pair.key.commentBefore = ' --- New disagreements: give each a reason ---';
    first = false;
    map.items.push(pair);
  }
  return document.toString({ lineWidth: 0 });
}
