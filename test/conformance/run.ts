/**
 * `npm run conformance`: runs the conformance suite and prints the agreement table; exits 1 when a
 * case disagrees without a known-gaps entry or a known gap now agrees.
 * `npm run conformance -- --gaps`: prints a draft known-gaps.yaml (existing reasons kept, new
 * disagreements marked unexplained) to refresh the list after a merge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SUITE_DIR } from './lib/manifest';
import { formatGapsDraft, formatTable } from './lib/report';
import { runSuite } from './lib/suite';

const suite = runSuite();
if (process.argv.includes('--gaps')) {
  process.stdout.write(formatGapsDraft(suite, readFileSync(join(SUITE_DIR, 'known-gaps.yaml'), 'utf8')));
} else {
  process.stdout.write(`${formatTable(suite)}\n`);
  const failing = suite.results.some((r) => r.status === 'new-disagreement' || r.status === 'gap-closed');
  if (failing || suite.staleGaps.length > 0) process.exitCode = 1;
}
