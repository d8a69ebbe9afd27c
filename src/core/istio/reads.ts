/**
 * Read tracking for incremental derivation. Every lookup into the bundle's indexes names the key it
 * looks at; while a computation runs under {@link trackReads}, those keys are collected. Each
 * resource in turn provides the keys it is indexed under. A cached result stays valid for as long
 * as no key it read is provided by a resource that was added, removed or changed since.
 *
 * What a computation read is a {@link ReadGroup}: its own keys, and the groups of the computations
 * it used (a value worked out once from the indexes and shared). A group is shared, never copied:
 * a shared value read from every resource may have read thousands of keys, and copying them into
 * each reader would cost readers × keys.
 */

import { MAX_DOMAIN_LENGTH } from './values';

/** The keys one computation read, and the groups of the shared computations it used. */
export interface ReadGroup {
  readonly keys: readonly string[];
  readonly groups: readonly ReadGroup[];
}

/** A computation that read nothing. */
export const NO_READS: ReadGroup = { keys: [], groups: [] };

// The sets are made on first use: most of the many computations of a large design read a few keys.
interface Collector {
  keys: Set<string> | undefined;
  groups: Set<ReadGroup> | undefined;
}

let active: Collector | undefined;

/** Notes that the running computation looked at `key` (a no-op outside {@link trackReads}). */
export function recordRead(key: string): void {
  if (active) (active.keys ??= new Set()).add(key);
}

/** Notes that the running computation used a value computed with `group`'s reads (a no-op outside {@link trackReads}). */
export function recordGroup(group: ReadGroup): void {
  if (active && group !== NO_READS) (active.groups ??= new Set()).add(group);
}

const NOTHING: readonly never[] = [];

/** Runs `compute` and returns its value with what it read. Nested calls report outward too. */
export function trackReads<T>(compute: () => T): { value: T; reads: ReadGroup } {
  const outer = active;
  const collector: Collector = { keys: undefined, groups: undefined };
  let group: ReadGroup | undefined;
  const close = () =>
    (group ??=
      collector.keys || collector.groups
        ? {
            keys: collector.keys ? [...collector.keys] : NOTHING,
            groups: collector.groups ? [...collector.groups] : NOTHING,
          }
        : NO_READS);
  active = collector;
  try {
    const value = compute();
    return { value, reads: close() };
  } finally {
    active = outer;
    if (outer) recordGroup(close());
  }
}

/** Every key a group read, its shared computations' included (for tests and diagnosis). */
export function keysOf(group: ReadGroup): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<ReadGroup>();
  const visit = (g: ReadGroup) => {
    if (seen.has(g)) return;
    seen.add(g);
    for (const key of g.keys) keys.add(key);
    for (const inner of g.groups) visit(inner);
  };
  visit(group);
  return keys;
}

// Per set of changed keys, which groups read one of them: each shared group is checked once per edit.
const touched = new WeakMap<ReadonlySet<string>, Map<ReadGroup, boolean>>();

/** Whether `group`, or a computation it used, read a key of `dirty`. */
export function readsAnyOf(group: ReadGroup, dirty: ReadonlySet<string>): boolean {
  if (dirty.size === 0) return false;
  let known = touched.get(dirty);
  if (!known) touched.set(dirty, (known = new Map()));
  return touches(group, dirty, known);
}

function touches(group: ReadGroup, dirty: ReadonlySet<string>, known: Map<ReadGroup, boolean>): boolean {
  let found = known.get(group);
  if (found === undefined) {
    // Cycles cannot happen (a group is complete before anything reads it); mark it first anyway.
    known.set(group, false);
    found =
      group.keys.some((key) => dirty.has(key)) || group.groups.some((inner) => touches(inner, dirty, known));
    known.set(group, found);
  }
  return found;
}

/** The keys a concrete-host lookup in the host index `name` examines: the host and every wildcard that could cover it. */
export function recordHostReads(name: string, host: string): void {
  if (!active) return;
  const keys = (active.keys ??= new Set());
  for (const key of hostReadKeys(name, host)) keys.add(key);
}

// The keys of each host's lookups, built once: a large design looks its hosts up hundreds of
// thousands of times. Dropped whole past a bound, so a long session does not keep every host seen.
const readKeys = new Map<string, Map<string, readonly string[]>>();
let readKeysHeld = 0;
const MAX_READ_KEYS_HELD = 100_000;

function hostReadKeys(name: string, host: string): readonly string[] {
  // A name past DNS's length (which Istio refuses) could have thousands of suffixes, each as long:
  // its result depends on the whole index instead (any item, `name*`), at the cost of one key.
  if (host.length > MAX_DOMAIN_LENGTH) return [`${name}=${host}`, `${name}*`];
  const known = readKeys.get(name)?.get(host);
  if (known) return known;
  const keys = [`${name}=${host}`, `${name}~`, `${name}~?`];
  for (let i = host.indexOf('.'); i !== -1; i = host.indexOf('.', i + 1))
    keys.push(`${name}~${host.slice(i)}`);
  if (++readKeysHeld > MAX_READ_KEYS_HELD) {
    readKeys.clear();
    readKeysHeld = 1;
  }
  let perHost = readKeys.get(name);
  if (!perHost) readKeys.set(name, (perHost = new Map()));
  perHost.set(host, keys);
  return keys;
}

/**
 * The key a host index `name` files `host` under (lower case): `name=host` for a concrete host,
 * `name~.suffix` for `*.suffix`, `name~` for `*`, and `name~?` for a malformed `*suffix`.
 */
export function hostKey(name: string, host: string): string {
  if (!host.startsWith('*')) return `${name}=${host}`;
  const suffix = host.slice(1);
  return suffix === '' || suffix.startsWith('.') ? `${name}~${suffix}` : `${name}~?`;
}
