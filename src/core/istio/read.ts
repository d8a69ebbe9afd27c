/** Small readers that let rules look at untyped spec data without casts everywhere. */

/** The value as an array, or an empty array. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value as a plain object, or undefined. */
export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The value when it is a string, else undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value when it is a finite number, else undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Strings of a list, each with its index (non-strings are skipped; the schema reports them). */
export function strings(value: unknown): [string, number][] {
  return list(value).flatMap((item, index) =>
    typeof item === 'string' ? [[item, index] as [string, number]] : [],
  );
}

/** Objects of a list, each with its index. */
export function records(value: unknown): [Record<string, unknown>, number][] {
  return list(value).flatMap((item, index) => {
    const r = record(item);
    return r ? [[r, index] as [Record<string, unknown>, number]] : [];
  });
}

/** True when a key is present with a non-null value. */
export function has(object: Record<string, unknown> | undefined, key: string): boolean {
  return object !== undefined && object[key] !== undefined && object[key] !== null;
}
