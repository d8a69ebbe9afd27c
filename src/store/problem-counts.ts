import type { Diagnostic } from '../core';

/** How many errors and warnings concern a node's resources (its badge). */
export interface ProblemCounts {
  errors: number;
  warnings: number;
}

const countsPerList = new WeakMap<Diagnostic[], Map<string, ProblemCounts>>();
// Per list, the totals of each node's resources (a group's are thousands, asked on every edit).
const totalsPerList = new WeakMap<Diagnostic[], WeakMap<string[], ProblemCounts>>();

/** Errors and warnings of the given resources (counted once per diagnostics list). */
export function problemCounts(diagnostics: Diagnostic[], resources: string[]): ProblemCounts {
  let totals = totalsPerList.get(diagnostics);
  if (!totals) totalsPerList.set(diagnostics, (totals = new WeakMap()));
  let total = totals.get(resources);
  if (!total) totals.set(resources, (total = countOf(diagnostics, resources)));
  return total;
}

function countOf(diagnostics: Diagnostic[], resources: string[]): ProblemCounts {
  let perResource = countsPerList.get(diagnostics);
  if (!perResource) {
    perResource = new Map();
    for (const d of diagnostics) {
      if (!d.resource || d.severity === 'info') continue;
      const counts = perResource.get(d.resource) ?? { errors: 0, warnings: 0 };
      if (d.severity === 'error') counts.errors++;
      else counts.warnings++;
      perResource.set(d.resource, counts);
    }
    countsPerList.set(diagnostics, perResource);
  }
  const total = { errors: 0, warnings: 0 };
  for (const ref of resources) {
    total.errors += perResource.get(ref)?.errors ?? 0;
    total.warnings += perResource.get(ref)?.warnings ?? 0;
  }
  return total;
}
