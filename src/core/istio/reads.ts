/**
 * Read tracking for incremental derivation. Every lookup into the bundle's indexes names the key it
 * looks at; while a computation runs under {@link trackReads}, those keys are collected. Each
 * resource in turn provides the keys it is indexed under. A cached result stays valid for as long
 * as no key it read is provided by a resource that was added, removed or changed since.
 */

import { MAX_DOMAIN_LENGTH } from './values';

let active: Set<string> | undefined;

/** Notes that the running computation looked at `key` (a no-op outside {@link trackReads}). */
export function recordRead(key: string): void {
  active?.add(key);
}

/** Runs `compute` and returns its value with the index keys it read. Nested calls report outward too. */
export function trackReads<T>(compute: () => T): { value: T; reads: Set<string> } {
  const outer = active;
  const reads = new Set<string>();
  active = reads;
  try {
    return { value: compute(), reads };
  } finally {
    active = outer;
    if (outer) for (const key of reads) outer.add(key);
  }
}

/** The keys a concrete-host lookup in the host index `name` examines: the host and every wildcard that could cover it. */
export function recordHostReads(name: string, host: string): void {
  if (!active) return;
  active.add(`${name}=${host}`);
  // A name past DNS's length (which Istio refuses) could have thousands of suffixes, each as long:
  // its result depends on the whole index instead (any item, `name*`), at the cost of one key.
  if (host.length > MAX_DOMAIN_LENGTH) {
    active.add(`${name}*`);
    return;
  }
  active.add(`${name}~`);
  active.add(`${name}~?`);
  for (let i = host.indexOf('.'); i !== -1; i = host.indexOf('.', i + 1))
    active.add(`${name}~${host.slice(i)}`);
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
