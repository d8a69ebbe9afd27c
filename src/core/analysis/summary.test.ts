import { describe, expect, it } from 'vitest';

import { counted, severityCounts, severitySummary, worstFirst } from './summary';
import type { Diagnostic, Severity } from './types';

const at = (severity: Severity, start: number): Diagnostic => ({
  code: `${severity}-${start}`,
  severity,
  message: '',
  range: { start, end: start + 1 },
  resource: undefined,
  path: '',
});

describe('problem summaries', () => {
  it('says 1 error, 2 errors, 0 errors', () => {
    expect([0, 1, 2].map((n) => counted(n, 'error'))).toEqual(['0 errors', '1 error', '2 errors']);
    expect(counted(1, 'match', 'matches')).toBe('1 match');
  });

  it('keeps the order and separators of the summary, with singulars', () => {
    expect(severitySummary({ error: 1, warning: 1, info: 1 })).toBe('1 error · 1 warning · 1 info');
    expect(severitySummary({ error: 0, warning: 2, info: 3 })).toBe('0 errors · 2 warnings · 3 info');
    expect(severitySummary(severityCounts([at('error', 4), at('info', 1), at('error', 2)]))).toBe(
      '2 errors · 0 warnings · 1 info',
    );
  });

  it('lists errors first, then warnings, then info, each by position', () => {
    const list = [at('info', 1), at('warning', 9), at('error', 30), at('warning', 3), at('error', 5)];
    expect(worstFirst(list).map((d) => d.code)).toEqual([
      'error-5',
      'error-30',
      'warning-3',
      'warning-9',
      'info-1',
    ]);
    expect(list[0]!.code).toBe('info-1'); // a sorted copy: the engine's order stays
  });
});
