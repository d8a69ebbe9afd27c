import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { codeCatalogue } from '../src/core/analysis/codes';
import { CODE_SEVERITIES, codeSeverity } from '../src/core/analysis/codes/severities';

describe("the codes' severities the engine reports with", () => {
  it("are the catalogue's, code for code (UPDATE_GOLDEN=1 writes them out)", () => {
    const severities = Object.fromEntries(
      [...codeCatalogue.values()].map((info) => [info.code, info.severity]),
    );
    if (process.env['UPDATE_GOLDEN']) {
      const path = join(import.meta.dirname, '../src/core/analysis/codes/severities.ts');
      const source = readFileSync(path, 'utf8');
      const table = `export const CODE_SEVERITIES: Readonly<Record<string, Severity>> = ${JSON.stringify(severities, null, 2)};`;
      writeFileSync(path, source.replace(/export const CODE_SEVERITIES[^=]*= \{[\s\S]*?\};/, table));
    } else expect(CODE_SEVERITIES).toEqual(severities);
  });

  it('refuse a code missing from the catalogue (a programming error)', () => {
    expect(codeSeverity('SE-01')).toBe(codeCatalogue.get('SE-01')!.severity);
    expect(() => codeSeverity('NO-SUCH-CODE')).toThrow('Unknown diagnostic code NO-SUCH-CODE');
  });
});
