/**
 * Who can see a resource, as a list of namespaces rather than a yes/no per namespace: to pick the
 * resources of a host that a namespace sees without asking each of them, when every namespace of a
 * large design asks about the same popular host.
 */
import type { Scoped } from './routes';

/**
 * The namespaces `isExportedTo` (./visibility) shows a resource to: every one (`'*'`), or those
 * listed (`.` standing for its own namespace, and for a namespace written `.`, as isExportedTo reads it).
 */
export function exportAudience(entry: Scoped): '*' | string[] {
  const exportTo = entry.spec['exportTo'];
  if (!Array.isArray(exportTo)) return '*';
  const named: string[] = [];
  for (const e of exportTo as unknown[]) {
    if (typeof e !== 'string') continue;
    if (e === '*') return '*';
    named.push(e);
    if (e === '.') named.push(entry.namespace);
  }
  return named.length > 0 ? named : '*';
}

/** The items of a list filed by the namespaces they are exported to. */
export class ExportIndex<T> {
  /** Positions of the items exported everywhere. */
  private readonly everywhere: number[] = [];
  /** Positions of the other items, by each namespace they are exported to. */
  private readonly named = new Map<string, number[]>();
  private readonly seen = new Map<string, readonly T[]>();
  /** What a namespace no item names sees: the items exported everywhere, listed once for all of them. */
  private everywhereItems: readonly T[] | undefined;

  constructor(
    private readonly items: readonly T[],
    scopedOf: (item: T) => Scoped,
  ) {
    items.forEach((item, at) => {
      const audience = exportAudience(scopedOf(item));
      if (audience === '*') return void this.everywhere.push(at);
      for (const namespace of new Set(audience)) {
        const filed = this.named.get(namespace);
        if (filed) filed.push(at);
        else this.named.set(namespace, [at]);
      }
    });
  }

  /** The items visible to `namespace`, in list order (a shared list): those exported everywhere or to it. */
  visibleTo(namespace: string): readonly T[] {
    const named = this.named.get(namespace);
    if (!named) return (this.everywhereItems ??= this.everywhere.map((at) => this.items[at]!));
    let found = this.seen.get(namespace);
    if (!found) {
      found = merge(this.everywhere, named).map((at) => this.items[at]!);
      this.seen.set(namespace, found);
    }
    return found;
  }
}

// One index per list: the lists are the lookups' shared answers, which stay while the indexes do.
const indexes = new WeakMap<readonly unknown[], ExportIndex<unknown>>();

/** The {@link ExportIndex} of a shared list that never changes (a lookup's answer), built on first use. */
export function exportIndexOf<T>(items: readonly T[], scopedOf: (item: T) => Scoped): ExportIndex<T> {
  let index = indexes.get(items) as ExportIndex<T> | undefined;
  if (!index) {
    index = new ExportIndex(items, scopedOf);
    indexes.set(items, index);
  }
  return index;
}

/** Two ascending lists of positions as one. */
function merge(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
