/**
 * The parties of a conflict, named once for all of them. Each party's finding names the others, so
 * naming them afresh for every party costs the square of the group's size; here the names are
 * joined once, and each party's list is cut out of that text.
 */
import type { ModelEntry } from '../../istio/model';

/** What a member's finding says about the others: their names and how many there are. */
export interface OthersNamed {
  /** The others' labels, in the group's order, joined by `, `. */
  text: string;
  count: number;
}

const SEPARATOR = ', ';

/**
 * A finding names at most this many others, then says how many more there are: a group of a
 * thousand copies would otherwise print a thousand names in each of its thousand findings.
 */
export const MAX_NAMED = 10;

/** The labels of a group's members, joined once; {@link GroupNames.except} names all but one member. */
export class GroupNames {
  private readonly text: string;
  /** Where each label starts in `text`. */
  private readonly starts: number[] = [];
  /** The labels of each member (a member may have several, as a resource with two clashing ports). */
  private readonly positions = new Map<ModelEntry, number[]>();

  /** `labels[i]` names `members[i]`. */
  constructor(
    members: readonly ModelEntry[],
    private readonly labels: readonly string[],
  ) {
    let offset = 0;
    labels.forEach((label, i) => {
      this.starts.push(offset);
      offset += label.length + SEPARATOR.length;
      const member = members[i]!;
      const at = this.positions.get(member);
      if (at) at.push(i);
      else this.positions.set(member, [i]);
    });
    this.text = labels.join(SEPARATOR);
  }

  /** How many labels the group has. */
  get size(): number {
    return this.labels.length;
  }

  /**
   * The labels of every member but `member` (all of them when it is not in the group), cut from
   * the shared text: V8 slices and concatenates strings without copying them.
   */
  except(member: ModelEntry): OthersNamed {
    const count = this.labels.length;
    const at = this.positions.get(member);
    const others = count - (at?.length ?? 0);
    if (others > MAX_NAMED) return { text: this.firstOthers(at ?? []), count: others };
    if (!at) return { text: this.text, count };
    let text: string | undefined;
    let from = 0;
    for (const i of [...at, count]) {
      if (i > from) text = text === undefined ? this.run(from, i) : text + SEPARATOR + this.run(from, i);
      from = i + 1;
    }
    return { text: text ?? '', count: count - at.length };
  }

  /** The first {@link MAX_NAMED} labels but those at `skip`, and how many more there are. */
  private firstOthers(skip: readonly number[]): string {
    const named: string[] = [];
    for (let i = 0; named.length < MAX_NAMED; i++) if (!skip.includes(i)) named.push(this.labels[i]!);
    const more = this.labels.length - skip.length - named.length;
    return `${named.join(SEPARATOR)} and ${more} more`;
  }

  /** Labels `from` to `to` (exclusive), as joined in the shared text. */
  private run(from: number, to: number): string {
    return this.text.slice(this.starts[from], this.starts[to - 1]! + this.labels[to - 1]!.length);
  }
}
