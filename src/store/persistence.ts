/**
 * Autosave: the design (text, target release, node positions, selection) in Web Storage under one
 * versioned key. Reading never throws: unreadable or unknown data is kept aside under a backup
 * key, and the caller gets a notice to show instead of a crash or a silently lost design.
 */
// Type-only: the first paint reads this module, and must not pull in the engine.
import type { IstioVersion, LayoutDirection } from '../core';

/**
 * What is saved: the text is the design; the Istio release it targets, positions and selection sit
 * beside it, never inside it.
 */
export interface SavedDesign {
  text: string;
  /**
   * The Istio release the design targets; absent in designs saved before there was a choice. As
   * read, not yet checked: the studio opens an unsupported release at the newest.
   */
  istioVersion?: IstioVersion | undefined;
  positions: Record<string, { x: number; y: number }>;
  /**
   * The way the graph is drawn, once the user chose it or moved a node (positions are kept in
   * it); absent, the app picks the way that fits the pane.
   */
  direction?: LayoutDirection | undefined;
  selection: string | undefined;
  /** The graph as the canvas last drew it, for the next visit's first paint (see DrawnGraph). */
  drawn?: DrawnGraph | undefined;
  /**
   * While the text does not parse: the last text that did, so the views show the same last good
   * graph and forms (read-only) after a reload as before it.
   */
  lastGood?: string | undefined;
}

/**
 * The graph as last drawn, saved beside the design: on the next visit it is painted at once, before
 * the engine and React Flow have loaded and derived it again (the app then takes over). Derived
 * data, never read as the design itself.
 */
export interface DrawnGraph {
  /** The direction the user chose, when they did: then `x`, `y` are in it and `down` is absent. */
  direction?: LayoutDirection | undefined;
  nodes: {
    id: string;
    kind: string;
    role: string;
    label: string;
    x: number;
    y: number;
    /** Where the node sits drawn top to bottom, when the app picks the direction (see `direction`). */
    down?: { x: number; y: number } | undefined;
    errors: number;
    warnings: number;
  }[];
  edges: {
    id: string;
    source: string;
    target: string;
    kind: string;
    tls?: string | undefined;
    /** The bends the layout gave the edge (see GraphEdge.via), drawn as `x`, `y` are. */
    via?: { x: number; y: number }[] | undefined;
    /** Its bends drawn top to bottom, beside `down`. */
    downVia?: { x: number; y: number }[] | undefined;
  }[];
}

/** The key of the saved design, and the prefix of backups of unreadable ones. */
export const STORAGE_KEY = 'egress-studio:design';
const VERSION = 1;

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

// Each entry upgrades data saved by version N to N + 1. Version 0 was the bare bundle text.
const MIGRATIONS: Record<number, Migration> = {
  0: (data) => ({ text: data['text'], positions: {}, selection: undefined }),
};

/** The result of reading storage: a design, or nothing saved, and possibly a notice for the user. */
export interface LoadResult {
  design: SavedDesign | undefined;
  notice: string | undefined;
  /**
   * Storage could not be read at all (it threw): a design may be saved there all the same, so
   * nothing may be written over it.
   */
  unreadable?: true;
}

/** Reads the saved design, migrating older versions. */
export function loadDesign(storage: Storage | undefined): LoadResult {
  let raw: string | null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch (error) {
    return {
      design: undefined,
      notice: `Saved designs could not be read (${reason(error)}), so autosave is off: it would write over them. Export to keep what you do here.`,
      unreadable: true,
    };
  }
  if (raw === null) return { design: undefined, notice: undefined };
  try {
    const design = upgrade(JSON.parse(raw));
    if (design) return { design, notice: undefined };
  } catch {
    // fall through: unreadable
  }
  const backup = `${STORAGE_KEY}:unreadable:${Date.now()}`;
  try {
    storage?.setItem(backup, raw);
  } catch {
    // storage full: the original stays under STORAGE_KEY until the next save
  }
  return {
    design: undefined,
    notice: `The saved design could not be read, so the sample design was opened. Its text is kept in browser storage under "${backup}".`,
  };
}

/** Saves the design; returns a notice when storage refuses it (full, or disabled). */
export function saveDesign(storage: Storage | undefined, design: SavedDesign): string | undefined {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, ...design }));
    return undefined;
  } catch (error) {
    return `Autosave failed (${reason(error)}): keep a copy with Export until storage has room.`;
  }
}

/**
 * Reads a design from parsed JSON of any saved version (autosave, share links), migrating older
 * versions; undefined when it is not a design.
 */
export function upgrade(parsed: unknown): SavedDesign | undefined {
  let data: Record<string, unknown> =
    typeof parsed === 'string'
      ? { version: 0, text: parsed }
      : typeof parsed === 'object' && parsed !== null
        ? (parsed as Record<string, unknown>)
        : {};
  let version = typeof data['version'] === 'number' ? data['version'] : -1;
  while (version < VERSION && MIGRATIONS[version]) {
    data = MIGRATIONS[version]!(data);
    version++;
  }
  if (version !== VERSION || typeof data['text'] !== 'string') return undefined;
  const positions = placements(data['positions']);
  const selection = typeof data['selection'] === 'string' ? data['selection'] : undefined;
  const drawn = isDrawnGraph(data['drawn']) ? data['drawn'] : undefined;
  const istioVersion = typeof data['istioVersion'] === 'string' ? data['istioVersion'] : undefined;
  const lastGood = typeof data['lastGood'] === 'string' ? data['lastGood'] : undefined;
  const direction = data['direction'] === 'LR' || data['direction'] === 'TB' ? data['direction'] : undefined;
  return {
    text: data['text'],
    istioVersion,
    positions,
    ...(direction ? { direction } : {}),
    selection,
    drawn,
    ...(lastGood !== undefined ? { lastGood } : {}),
  };
}

/**
 * The graph to paint first: the saved design's drawn graph, or `sample` when nothing is saved;
 * undefined when a saved design has none (or storage cannot be read): then nothing is painted early.
 */
export function drawnAtStart(storage: Storage | undefined, sample: DrawnGraph): DrawnGraph | undefined {
  try {
    const raw = storage?.getItem(STORAGE_KEY) ?? null;
    if (raw === null) return sample;
    const parsed = JSON.parse(raw) as { drawn?: unknown };
    return isDrawnGraph(parsed.drawn) ? parsed.drawn : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key of the saved design's graph as the first paint shows it: markup (see the first paint's
 * StillGraph), painted by index.html's inline script before any code has loaded; empty when the
 * design has no graph to show early. Apart from the design, so that script reads no design JSON.
 * Its number changes with the markup's form: a graph saved by an earlier form is not painted.
 */
export const FIRST_PAINT_KEY = 'egress-studio:first-paint:1';

/**
 * The key of the library design the next visit opens (the one saved last), in localStorage; in
 * sessionStorage, the one this tab reopens when reloaded.
 */
export const LAST_DESIGN_KEY = 'egress-studio:last-design';

/** The design this tab had open (it reopens on reload), when the browser lets us read it. */
export function tabDesignId(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(LAST_DESIGN_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The design saved last in this browser (the next visit opens it). */
export function lastDesignId(storage: Storage | undefined): string | null {
  try {
    return storage?.getItem(LAST_DESIGN_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Remembers `id` as the design the next visit opens, and this tab when it is reloaded. */
export function rememberDesign(storage: Storage | undefined, id: string): void {
  for (const store of [storage, globalThis.sessionStorage]) {
    try {
      store?.setItem(LAST_DESIGN_KEY, id);
    } catch {
      // storage full or gone: the most recently saved design opens instead
    }
  }
}

/** The key of the id of the design whose graph {@link FIRST_PAINT_KEY} holds (none: the one slot's). */
export const FIRST_PAINT_DESIGN_KEY = `${FIRST_PAINT_KEY}:design`;

/**
 * Saves the first paint's graph beside the design just saved (the library's design `designId`);
 * undefined markup: none to show early.
 */
export function saveFirstPaint(
  storage: Storage | undefined,
  markup: string | undefined,
  designId?: string,
): void {
  try {
    storage?.setItem(FIRST_PAINT_KEY, markup ?? '');
    if (designId === undefined) storage?.removeItem(FIRST_PAINT_DESIGN_KEY);
    else storage?.setItem(FIRST_PAINT_DESIGN_KEY, designId);
  } catch {
    // storage full: an older graph must not stand for the design just saved
    try {
      storage?.removeItem(FIRST_PAINT_KEY);
    } catch {
      // storage gone: the next visit paints no graph early
    }
  }
}

/**
 * The graph the first paint shows as markup: the saved design's (empty when it has none to show
 * early, was saved without it, or is not the design `opening`, the one this tab reopens), or
 * undefined when no design is saved (the sample then).
 */
export function firstPaintAtStart(storage: Storage | undefined, opening?: string | null): string | undefined {
  try {
    const markup = storage?.getItem(FIRST_PAINT_KEY) ?? null;
    if (markup !== null) {
      const of = storage?.getItem(FIRST_PAINT_DESIGN_KEY) ?? null;
      return opening && of !== null && of !== opening ? '' : markup;
    }
    return (storage?.getItem(STORAGE_KEY) ?? null) === null ? undefined : '';
  } catch {
    return '';
  }
}

type Point = { x: number; y: number };

/**
 * How far from the origin a saved node may sit: far past any canvas a person drags across, short of
 * the coordinates (1e308) with which a crafted link or file would make every fit and label layout
 * after it run for minutes and exhaust memory.
 */
const MAX_COORDINATE = 1_000_000;

/** A saved place of a node: finite numbers within {@link MAX_COORDINATE}. */
function isPlace(p: unknown): p is Point {
  if (typeof p !== 'object' || p === null) return false;
  const { x, y } = p as Point;
  return [x, y].every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= MAX_COORDINATE);
}

/** The node positions of saved data, each one that is not a place (see {@link isPlace}) left out. */
function placements(value: unknown): Record<string, Point> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, Point> = {};
  for (const [id, place] of Object.entries(value)) if (isPlace(place)) out[id] = { x: place.x, y: place.y };
  return out;
}

function isDrawnGraph(value: unknown): value is DrawnGraph {
  if (typeof value !== 'object' || value === null) return false;
  const { nodes, edges, direction } = value as Partial<DrawnGraph>;
  return (
    (direction === undefined || direction === 'LR' || direction === 'TB') &&
    Array.isArray(nodes) &&
    Array.isArray(edges) &&
    nodes.every(
      (n) => typeof n?.id === 'string' && isPlace(n) && (n.down === undefined || isPlace(n.down)),
    ) &&
    edges.every(
      (e) =>
        typeof e?.source === 'string' &&
        typeof e.target === 'string' &&
        [e.via, e.downVia].every(
          (bends) => bends === undefined || (Array.isArray(bends) && bends.every(isPlace)),
        ),
    )
  );
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
