import { describe, expect, it } from 'vitest';

import { findingsFor, type RuleCase } from '../../src/core/analysis/testing';

/**
 * Runs a table of cases for one diagnostic code: each case lists exactly the findings of that
 * code it must produce (line, and optionally severity and a message fragment); `[]` means none.
 */
export function ruleTable(code: string, cases: RuleCase[]): void {
  describe(code, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
      const actual = findingsFor(testCase.yaml, [code], testCase.target);
      expect(actual).toHaveLength(testCase.expect.length);
      testCase.expect.forEach((expected, i) => {
        expect(actual[i]!.line).toBe(expected.line);
        if (expected.severity) expect(actual[i]!.severity).toBe(expected.severity);
        if (expected.message) expect(actual[i]!.message).toContain(expected.message);
      });
    });
  });
}

export { source } from '../../src/core/analysis/testing';
