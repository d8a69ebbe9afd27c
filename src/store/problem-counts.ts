import type { Diagnostic } from '../core';

/** How many errors and warnings concern a node's resources (its badge). */
export interface ProblemCounts {
  errors: number;
  warnings: number;
}

// Per diagnostics list: each resource's counts, and the totals of each node's resources (a
// group's are thousands, asked on every edit).
const perList = new WeakMap<
  Diagnostic[],
  { perResource: Map<string, ProblemCounts>; totals: WeakMap<string[], ProblemCounts> }
>();

/** Errors and warnings of the given resources (counted once per diagnostics list). */
export function problemCounts(diagnostics: Diagnostic[], resources: string[]): ProblemCounts {
  let counted = perList.get(diagnostics);
  if (!counted)
    perList.set(
      diagnostics,
      (counted = { perResource: countPerResource(diagnostics), totals: new WeakMap() }),
    );
  let total = counted.totals.get(resources);
  if (!total) counted.totals.set(resources, (total = sumOf(counted.perResource, resources)));
  return total;
}

function countPerResource(diagnostics: Diagnostic[]): Map<string, ProblemCounts> {
  const perResource = new Map<string, ProblemCounts>();
  for (const d of diagnostics) {
    if (!d.resource || d.severity === 'info') continue;
    const counts = perResource.get(d.resource) ?? { errors: 0, warnings: 0 };
    if (d.severity === 'error') counts.errors++;
    else counts.warnings++;
    perResource.set(d.resource, counts);
  }
  return perResource;
}

function sumOf(perResource: Map<string, ProblemCounts>, resources: string[]): ProblemCounts {
  const total = { errors: 0, warnings: 0 };
  for (const ref of resources) {
    total.errors += perResource.get(ref)?.errors ?? 0;
    total.warnings += perResource.get(ref)?.warnings ?? 0;
  }
  return total;
}
