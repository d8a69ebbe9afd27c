// Prints `N passed, N failed` from the Vitest and Playwright JSON reports. A failing run whose
// reports show no failed test (a typecheck, lint or format step failed first) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;

const vitest = join(dir, 'vitest.json');
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
}
const playwright = join(dir, 'playwright.json');
if (existsSync(playwright)) {
  const { stats = {} } = JSON.parse(readFileSync(playwright, 'utf8'));
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
}
if (Number(status) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
