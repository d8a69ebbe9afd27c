/**
 * The value limits of our field docs that the schema check enforces (formats, sizes the CRDs do
 * not set), apart from the docs' help text: the check runs wherever a design is derived, the help
 * only in the forms and the editor, which load it with them.
 */
import type { FieldDoc, FieldDocTable } from './docs/types';
import { memoizedLookup } from './docs/lookup';
import { fieldLimitTables } from './generated/field-limits';

/** What the schema check reads from a field's doc. */
export type FieldLimits = Pick<FieldDoc, 'format' | 'maxItems' | 'maxLength' | 'maxProperties'>;

/**
 * The limits table of the docs, as generated: every documented key (the lookup takes the longest
 * documented suffix, with limits or not), with its limits or 0 for none.
 */
export type FieldLimitTables = Record<string, Record<string, FieldLimits | 0>>;

const LIMIT_KEYS = ['format', 'maxItems', 'maxLength', 'maxProperties'] as const;

/** The limits of every field doc in `docs`: what `npm run gen:limits` writes. */
export function limitsOf(docs: Record<string, FieldDocTable>): FieldLimitTables {
  const tables: FieldLimitTables = {};
  for (const [kind, table] of Object.entries(docs)) {
    const limits: Record<string, FieldLimits | 0> = {};
    for (const [key, doc] of Object.entries(table)) {
      const own: FieldLimits = {};
      for (const limit of LIMIT_KEYS)
        if (doc[limit] !== undefined) Object.assign(own, { [limit]: doc[limit] });
      limits[key] = Object.keys(own).length > 0 ? own : 0;
    }
    tables[kind] = limits;
  }
  return tables;
}

const lookup = memoizedLookup(fieldLimitTables);

/**
 * The limits of a field, found as its doc is (see `lookupFieldDoc`): undefined when its doc sets
 * none or it has no doc.
 */
export function lookupFieldLimits(kind: string, specRelativePath: string): FieldLimits | undefined {
  return lookup(kind, specRelativePath) || undefined;
}
