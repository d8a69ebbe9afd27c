/**
 * Per-subject caching across edits. A derivation (the analyzers, the graph) computes one result per
 * subject (a resource, a host) under read tracking; after an edit, a subject's result is reused
 * unless it read an index key that an added, removed or changed resource is filed under.
 */
import { carryIndexes, indexesOf, positionIn, pruneDerived } from './indexes';
import type { BundleModel, ModelEntry } from './model';
import { readsAnyOf, type ReadGroup } from './reads';

/** One cached result and what computing it read. */
export interface SubjectResult<T> {
  reads: ReadGroup;
  value: T;
}

/** Results by subject from the previous derivation, and the model they were computed from. */
export interface SubjectMemo<T, K> {
  model: BundleModel | undefined;
  results: Map<K, SubjectResult<T>>;
  /** How many subjects the last run computed afresh (the rest it reused). */
  recomputed: number;
}

/** Whether a cached result may be reused given the keys that changed. */
export function stillValid(result: SubjectResult<unknown> | undefined, dirty: Set<string> | 'all'): boolean {
  return result !== undefined && dirty !== 'all' && !readsAnyOf(result.reads, dirty);
}

/**
 * The index keys whose contents differ between `previous` and `next`: the keys every added or
 * removed resource is filed under (an edited resource is both). Moves the indexes of `previous`
 * over to `next` on the way. `'all'` when nothing can be reused: no previous model, another mesh
 * config, or resources reordered.
 */
export function changedKeys(previous: BundleModel | undefined, next: BundleModel): Set<string> | 'all' {
  if (!previous) return 'all';
  if (previous === next) return new Set();
  const known = diffs.get(next);
  if (known?.previous === previous) return known.dirty;
  const dirty = diffModels(previous, next);
  diffs.set(next, { previous, dirty });
  return dirty;
}

// The diff of each model from the one before it, so every derivation of one edit shares it.
const diffs = new WeakMap<BundleModel, { previous: BundleModel; dirty: Set<string> | 'all' }>();

function diffModels(previous: BundleModel, next: BundleModel): Set<string> | 'all' {
  if (
    previous.meshMode !== next.meshMode ||
    previous.meshDocuments.length !== next.meshDocuments.length ||
    previous.meshDocuments.some((d, i) => d.value !== next.meshDocuments[i]!.value)
  )
    return 'all';
  const before = positionIn(previous);
  const after = positionIn(next);
  const added: ModelEntry[] = [];
  let last = -1;
  for (const entry of next.entries) {
    const was = before(entry);
    if (was === -1) added.push(entry);
    else if (was < last) return 'all';
    else last = was;
  }
  const removed = previous.entries.filter((entry) => after(entry) === -1);
  const dirty = new Set<string>();
  const { provided } = indexesOf(previous);
  for (const entry of removed) for (const key of provided.get(entry) ?? []) dirty.add(key);
  carryIndexes(previous, next, removed, added);
  const now = indexesOf(next).provided;
  for (const entry of added) for (const key of now.get(entry) ?? []) dirty.add(key);
  pruneDerived(next, dirty);
  return dirty;
}
