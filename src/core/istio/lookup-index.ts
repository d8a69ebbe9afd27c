/**
 * The two kinds of lookup index a model keeps: by host (exact and wildcard) and by plain key. Every
 * read names its key (see ./reads) and every item records the key it is filed under, so
 * incremental derivation knows which cached results an edit can affect.
 */
import type { ModelEntry } from './model';
import { hostKey, recordHostReads, recordRead } from './reads';
import { hostCovers, isWildcardHost } from './values';

/** Files `key` as provided by `owner` (the model entry that put an item there). */
export type Provide = (owner: ModelEntry, key: string) => void;

/** Where an entry sits in the bundle, to keep every bucket in bundle order. */
export type Position = (owner: ModelEntry) => number;

/** Inserts `item` into a bucket kept in bundle order (after items of the same or earlier entries). */
function insertOrdered<T>(bucket: T[], item: T, ownerOf: (item: T) => ModelEntry, position: Position): void {
  const at = position(ownerOf(item));
  let i = bucket.length;
  while (i > 0 && position(ownerOf(bucket[i - 1]!)) > at) i--;
  bucket.splice(i, 0, item);
}

/**
 * Items keyed by host. Exact hosts sit in one map and wildcards in another, keyed by the suffix
 * after `*`, so looking up a concrete name costs one read per character instead of a scan. Each
 * answer is kept until the index changes: a popular host is asked about once per resource that
 * names it, and copying its items every time would make that quadratic.
 */
export class HostIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly wildcard = new Map<string, T[]>();
  /** Lengths of the wildcard suffixes present, longest first: the only slices worth looking up. */
  private suffixLengths: number[] = [];
  /** Answers of {@link lookup} by lower-case host, dropped on every change. */
  private readonly answers = new Map<string, readonly T[]>();

  /** `name` prefixes the keys this index reads and provides; `ownerOf` names the entry behind an item. */
  constructor(
    private readonly name: string,
    private readonly ownerOf: (item: T) => ModelEntry,
  ) {}

  /** Adds an item under a host (case-insensitive), in bundle order; `provide` records the key. */
  add(host: string, item: T, provide: Provide, position: Position): void {
    const key = host.toLowerCase();
    const wild = isWildcardHost(key);
    const [map, k] = wild ? [this.wildcard, key.slice(1)] : [this.exact, key];
    const bucket = map.get(k);
    if (bucket) insertOrdered(bucket, item, this.ownerOf, position);
    else map.set(k, [item]);
    this.answers.clear();
    if (wild && !this.suffixLengths.includes(k.length)) {
      this.suffixLengths = [...this.suffixLengths, k.length].sort((a, b) => b - a);
    }
    provide(this.ownerOf(item), hostKey(this.name, key));
    provide(this.ownerOf(item), `${this.name}*`);
  }

  /** Removes every item of `owner` filed under `host`. */
  remove(host: string, owner: ModelEntry): void {
    const key = host.toLowerCase();
    const [map, k] = isWildcardHost(key) ? [this.wildcard, key.slice(1)] : [this.exact, key];
    const bucket = map.get(k)?.filter((item) => this.ownerOf(item) !== owner);
    if (bucket?.length) map.set(k, bucket);
    else map.delete(k);
    this.answers.clear();
  }

  /**
   * Items whose host covers `host`, most specific first (exact, then longer wildcards). For a
   * wildcard query, items whose host overlaps it (this falls back to a scan; wildcard queries are
   * rare). The answer is shared between callers: do not mutate it.
   */
  lookup(host: string): readonly T[] {
    const key = host.toLowerCase();
    recordHostReads(this.name, key);
    if (isWildcardHost(key)) recordRead(`${this.name}*`);
    let found = this.answers.get(key);
    if (!found) {
      found = this.collect(key);
      this.answers.set(key, found);
    }
    return found;
  }

  private collect(key: string): T[] {
    const out: T[] = [];
    const exact = this.exact.get(key);
    if (exact) out.push(...exact);
    for (const length of this.suffixLengths) {
      if (length >= key.length) continue;
      const items = this.wildcard.get(key.slice(key.length - length));
      if (items) out.push(...items);
    }
    if (!isWildcardHost(key)) return out;
    // Hosts in name order: map order depends on the history of edits, results must not.
    const covered = (k: string) => k !== key && hostCovers(key, k);
    for (const k of [...this.exact.keys()].sort()) if (covered(k)) out.push(...this.exact.get(k)!);
    for (const k of [...this.wildcard.keys()].sort())
      if (k.length > key.length - 1 && covered(`*${k}`)) out.push(...this.wildcard.get(k)!);
    return out;
  }

  /** Items filed under exactly this host (case-insensitive), wildcards only by their own spelling. */
  exactly(host: string): readonly T[] {
    const key = host.toLowerCase();
    recordRead(hostKey(this.name, key));
    return (isWildcardHost(key) ? this.wildcard.get(key.slice(1)) : this.exact.get(key)) ?? [];
  }
}

/** Items under plain string keys (a gateway reference, a namespace), with the same read tracking. */
export class KeyedIndex<T> {
  private readonly items = new Map<string, T[]>();

  constructor(
    private readonly name: string,
    private readonly ownerOf: (item: T) => ModelEntry,
  ) {}

  /** Adds an item under `key`, in bundle order; `provide` records the key. */
  add(key: string, item: T, provide: Provide, position: Position): void {
    const bucket = this.items.get(key);
    if (bucket) insertOrdered(bucket, item, this.ownerOf, position);
    else this.items.set(key, [item]);
    provide(this.ownerOf(item), `${this.name}=${key}`);
    provide(this.ownerOf(item), `${this.name}*`);
  }

  /** Removes every item of `owner` filed under `key`. */
  remove(key: string, owner: ModelEntry): void {
    const bucket = this.items.get(key)?.filter((item) => this.ownerOf(item) !== owner);
    if (bucket?.length) this.items.set(key, bucket);
    else this.items.delete(key);
  }

  /** The items under `key`, in bundle order. */
  get(key: string): readonly T[] {
    recordRead(`${this.name}=${key}`);
    return this.items.get(key) ?? [];
  }

  /** Every key with items. */
  keys(): string[] {
    recordRead(`${this.name}*`);
    return [...this.items.keys()];
  }
}
