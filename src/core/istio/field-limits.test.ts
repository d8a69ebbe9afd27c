import { describe, expect, it } from 'vitest';

import { fieldDocsByKind, lookupFieldDoc } from './docs';
import { limitsOf, lookupFieldLimits } from './field-limits';
import { fieldLimitTables } from './generated/field-limits';

const limitFields = (kind: string, path: string) => {
  const doc = lookupFieldDoc(kind, path);
  if (!doc) return undefined;
  const { format, maxItems, maxLength, maxProperties } = doc;
  const own = Object.fromEntries(
    Object.entries({ format, maxItems, maxLength, maxProperties }).filter(([, v]) => v !== undefined),
  );
  return Object.keys(own).length > 0 ? own : undefined;
};

describe("the field docs' limits, apart from their help", () => {
  it('are generated from the docs as they are (run `npm run gen:limits` after editing them)', () => {
    expect(fieldLimitTables).toEqual(limitsOf(fieldDocsByKind));
  });

  it('are found for every field path exactly as the docs are', () => {
    const kinds = Object.keys(fieldDocsByKind);
    let withLimits = 0;
    for (const kind of kinds)
      for (const key of Object.keys(fieldDocsByKind[kind]!)) {
        const paths = [key, `spec.${key}`, `outer[0].${key}`, `metadata.${key}`, `${key}.inner`];
        for (const path of paths) {
          expect(lookupFieldLimits(kind, path), `${kind} ${path}`).toEqual(limitFields(kind, path));
          if (lookupFieldLimits(kind, path)) withLimits++;
        }
      }
    expect(withLimits).toBeGreaterThan(50);
  });
});
