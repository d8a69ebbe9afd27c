import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ANALYZE_DEFAULTS } from './lib/bundle-text';
import { FIXTURES_DIR } from './lib/manifest';
import { formatTable } from './lib/report';
import { runSuite } from './lib/suite';

// The cases are run once; each test below reads its result.
const suite = runSuite();
const cases = suite.results.map((r) => [r.testCase.id, r] as const);

describe('conformance with Istio on its own data', () => {
  afterAll(() => {
    console.log(formatTable(suite));
  });

  it.each(cases)('%s agrees with Istio, or is a known gap', (_id, result) => {
    if (result.status === 'gap-closed') {
      expect.fail(`agrees with Istio now: remove it from known-gaps.yaml (it said: ${result.gap})`);
    }
    if (result.status === 'new-disagreement') expect.fail(result.outcome.summary);
  });

  it('lists no known gap for a case that does not exist', () => {
    expect(suite.staleGaps).toEqual([]);
  });

  it('gives every case a unique id, a source commit and existing fixtures', () => {
    const ids = suite.results.map((r) => r.testCase.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const { testCase } of suite.results) {
      expect(testCase.source.commit, testCase.id).toMatch(/\S/);
      for (const file of testCase.files)
        expect(existsSync(join(FIXTURES_DIR, file)), `${testCase.id}: ${file}`).toBe(true);
    }
  });

  it('uses every fixture', () => {
    const used = new Set(
      suite.results.flatMap((r) => [
        ...r.testCase.files,
        ...('meshConfig' in r.testCase && r.testCase.meshConfig ? [r.testCase.meshConfig] : []),
      ]),
    );
    used.add(ANALYZE_DEFAULTS);
    const files = readdirSync(FIXTURES_DIR, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(FIXTURES_DIR, join(entry.parentPath, entry.name)));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });
});
