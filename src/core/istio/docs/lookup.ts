/**
 * How a field is found in per-kind tables keyed by dotted path suffixes (the docs, and the limits
 * generated from them): kept apart from the tables so that a lookup in one does not load the other.
 */

/**
 * Splits a field path into its name segments, dropping list and map markers and indexes:
 * `subsets[0].trafficPolicy.tls.mode`, `subsets[].trafficPolicy.tls.mode` and
 * `match[].headers{}.exact` all become plain names.
 */
export function fieldPathSegments(path: string): string[] {
  return path
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\{[^}]*\}/g, '')
    .split('.')
    .filter((segment) => segment.length > 0);
}

/**
 * The entry for a field in `tables` (per kind, keyed by dotted path suffixes): the one whose key is
 * the longest suffix of the path, compared on whole segments. `specRelativePath` is relative to
 * `spec` (a leading `spec.` is tolerated); a path that starts with `metadata.` is looked up in the
 * `ObjectMeta` table whatever the kind. Undefined for unknown kinds and paths not in the table.
 */
export function findFieldEntry<T>(
  tables: Readonly<Record<string, Readonly<Record<string, T>>>>,
  kind: string,
  specRelativePath: string,
): T | undefined {
  let segments = fieldPathSegments(specRelativePath);
  let table = tables[kind];
  if (segments[0] === 'metadata' && kind !== 'ObjectMeta' && segments.length > 1) {
    table = tables['ObjectMeta'];
    segments = segments.slice(1);
  } else if (segments[0] === 'spec' && kind !== 'MeshConfig' && segments.length > 1) {
    segments = segments.slice(1);
  }
  if (!table) return undefined;
  for (let start = 0; start < segments.length; start++) {
    const key = segments.slice(start).join('.');
    if (Object.hasOwn(table, key)) return table[key];
  }
  return undefined;
}

/**
 * {@link findFieldEntry} in `tables`, remembered per kind and path: the schema check asks for the
 * same few hundred paths for every resource of a bundle.
 */
export function memoizedLookup<T>(
  tables: Readonly<Record<string, Readonly<Record<string, T>>>>,
): (kind: string, specRelativePath: string) => T | undefined {
  const looked = new Map<string, T | undefined>();
  return (kind, specRelativePath) => {
    const key = `${kind}\u0000${specRelativePath}`;
    if (looked.has(key)) return looked.get(key);
    const found = findFieldEntry(tables, kind, specRelativePath);
    if (looked.size > 20_000) looked.clear();
    looked.set(key, found);
    return found;
  };
}
