/**
 * The last moments of work, kept synchronously as the page goes away. The library (IndexedDB) is
 * written asynchronously, and a write begun while a tab closes or reloads may never land; so the
 * page-hide save also puts the unsaved design in Web Storage, which is written at once. The next
 * opening of that design takes it from there when the library does not have it yet, and saves it.
 */
import type { OpenedDesign } from './library';
import { upgrade } from './persistence';

/** The key of a design's rescued work. */
export const rescueKey = (id: string) => `egress-studio:unsaved:${id}`;

interface Rescue {
  /** The revision the library held when the page went away… */
  basedOn: number;
  /** …and the one it holds should the write then under way have landed. */
  landing: number;
  design: unknown;
  history: unknown;
}

/** Keeps a design's unsaved work in Web Storage (best effort: a full storage keeps nothing). */
export function keepRescue(storage: Storage | undefined, id: string, rescue: Rescue): void {
  try {
    storage?.setItem(rescueKey(id), JSON.stringify(rescue));
  } catch {
    // nothing more can be done while the page goes away
  }
}

/** Forgets a design's rescued work (the library has it now). */
export function dropRescue(storage: Storage | undefined, id: string): void {
  try {
    storage?.removeItem(rescueKey(id));
  } catch {
    // storage gone: the rescue is ignored next time, its revision being behind
  }
}

/**
 * The design as opened, with the work rescued for it when the library does not have that work
 * (its revision is not past what the tab that kept it had written); undefined when there is none.
 */
export function rescued(storage: Storage | undefined, opened: OpenedDesign): OpenedDesign | undefined {
  let rescue: Partial<Rescue>;
  try {
    rescue = JSON.parse(storage?.getItem(rescueKey(opened.card.id)) ?? 'null') ?? {};
  } catch {
    return undefined;
  }
  const design = upgrade(rescue.design);
  const { basedOn, landing } = rescue;
  if (!design || typeof basedOn !== 'number' || typeof landing !== 'number') return undefined;
  if (opened.card.revision > landing || design.text === opened.design.text) {
    dropRescue(storage, opened.card.id);
    return undefined;
  }
  return { ...opened, design: { ...design, drawn: undefined }, history: rescue.history };
}
