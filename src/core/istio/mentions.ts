/**
 * Which namespaces a computation's result can depend on, from what it read (see ./reads). A
 * lookup answers from the entries filed under the keys it reads, and an answer can differ between
 * two client namespaces only where one of those entries lives in one of them or names it in its
 * exportTo. A namespace no entry behind a computation's reads mentions is, to that computation,
 * like any other such namespace: the graph draws a host once for all of them (graph/namespace-classes.ts).
 */
import { indexesOf } from './indexes';
import type { BundleModel } from './model';
import type { ReadGroup } from './reads';
import { namedExportNamespaces } from './visibility';

/** The namespaces behind what a computation read. */
export interface Mentions {
  /** Namespaces of the entries filed under the keys it read, and those their exportTo names. */
  readonly resources: ReadonlySet<string>;
  /**
   * Namespaces whose Sidecars it read. Kept apart: a client namespace's own Sidecars are compared
   * by content instead (two namespaces with the same Sidecars import the same things).
   */
  readonly sidecars: ReadonlySet<string>;
}

/** The Sidecars-by-namespace index's keys, as ./indexes files them. */
const SIDECAR_KEY = 'sidecar=';

/** Per state of a model's indexes: the namespaces each key's entries mention, and each group's. */
interface MentionIndex {
  byKey: Map<string, Set<string>>;
  groups: WeakMap<ReadGroup, Mentions>;
}

const NONE: ReadonlySet<string> = new Set();

/** The namespaces behind everything `group` (and the shared computations it used) read in `model`. */
export function mentionsOf(model: BundleModel, group: ReadGroup): Mentions {
  const index = mentionIndex(model);
  return collect(group, index);
}

function collect(group: ReadGroup, index: MentionIndex): Mentions {
  const known = index.groups.get(group);
  if (known) return known;
  let resources: Set<string> | undefined;
  let sidecars: Set<string> | undefined;
  for (const key of group.keys) {
    if (key.startsWith(SIDECAR_KEY)) (sidecars ??= new Set()).add(key.slice(SIDECAR_KEY.length));
    else for (const namespace of index.byKey.get(key) ?? NONE) (resources ??= new Set()).add(namespace);
  }
  for (const inner of group.groups) {
    const found = collect(inner, index);
    for (const namespace of found.resources) (resources ??= new Set()).add(namespace);
    for (const namespace of found.sidecars) (sidecars ??= new Set()).add(namespace);
  }
  const mentions: Mentions = { resources: resources ?? NONE, sidecars: sidecars ?? NONE };
  index.groups.set(group, mentions);
  return mentions;
}

// One per model: built from what every entry is filed under, not from lookups, so it is not one of
// the values derived from the indexes (those are kept across edits that do not touch what they read).
const mentionIndexes = new WeakMap<BundleModel, MentionIndex>();

function mentionIndex(model: BundleModel): MentionIndex {
  let index = mentionIndexes.get(model);
  if (!index) {
    const byKey = new Map<string, Set<string>>();
    for (const [entry, keys] of indexesOf(model).provided) {
      const named = namedExportNamespaces(entry.spec['exportTo']);
      for (const key of keys) {
        let namespaces = byKey.get(key);
        if (!namespaces) byKey.set(key, (namespaces = new Set()));
        namespaces.add(entry.namespace);
        for (const namespace of named) namespaces.add(namespace);
      }
    }
    index = { byKey, groups: new WeakMap() };
    mentionIndexes.set(model, index);
  }
  return index;
}
