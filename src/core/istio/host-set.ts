/** A set of hosts that answers "does any of them cover this name?" without a scan. */

/**
 * Hosts (concrete or wildcard, case-insensitive) and whether one of them covers a name, as
 * `hostCovers` of ./values decides. A wildcard is kept by its suffix, so a query costs one map read per
 * distinct suffix length instead of one comparison per host.
 */
export class HostSet {
  private readonly hosts = new Set<string>();
  private readonly suffixes = new Set<string>();
  /** Distinct lengths of the wildcard suffixes held. */
  private readonly lengths = new Set<number>();
  private any = false;

  /** Adds a host (concrete or wildcard; case does not matter). */
  add(host: string): void {
    const h = host.toLowerCase();
    this.hosts.add(h);
    if (h === '*') this.any = true;
    else if (h.startsWith('*')) {
      this.suffixes.add(h.slice(1));
      this.lengths.add(h.length - 1);
    }
  }

  /** Whether some host added covers `name` (`hostCovers(host, name)`). */
  covers(name: string): boolean {
    const b = name.toLowerCase();
    if (this.any || this.hosts.has(b)) return true;
    // A wildcard `*suffix` covers a name longer than the suffix that ends with it (for a wildcard
    // name, one whose own suffix is at least as long: the same bound).
    for (const length of this.lengths) {
      if (length < b.length && this.suffixes.has(b.slice(b.length - length))) return true;
    }
    return false;
  }
}
