/**
 * The user's preferences for the app itself, saved beside the design (their own storage key), never
 * in it nor in its history: the colour theme, and the sizes of the panes and which are collapsed.
 * Reading never throws: missing or unreadable data gives the defaults. The first paint reads them
 * too (with {@link loadPreferences}), so it lays the shell out as the app will.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

/** The colour theme: the system's, or one the user chose. */
export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** The panes of the designer that can be collapsed. */
export type PaneId = 'graph' | 'inspector' | 'editor' | 'problems';

/**
 * Where the splitters stand, each as the share (in percent) of the pane before it (left or above),
 * as a separator's `aria-valuenow` reads.
 */
export interface PaneSizes {
  /** The width of the graph's column (graph and problems), of the workspace's width. */
  main: number;
  /** The height of the graph, of its column's height (the problems pane is under it). */
  graph: number;
  /** The height of the inspector, of the side column's height (the YAML editor is under it). */
  inspector: number;
}

export type Splitter = keyof PaneSizes;

/** Each splitter's limits and starting value, in percent. */
export const SPLITTERS: Record<Splitter, { min: number; max: number; initial: number }> = {
  main: { min: 30, max: 80, initial: 63 },
  graph: { min: 30, max: 90, initial: 80 },
  inspector: { min: 10, max: 90, initial: 47 },
};

export interface Preferences {
  theme: Theme;
  sizes: PaneSizes;
  collapsed: PaneId[];
}

export interface PreferencesState extends Preferences {
  setTheme(theme: Theme): void;
  /** Moves a splitter; the size is kept within its limits and rounded to a tenth of a percent. */
  resize(splitter: Splitter, percent: number): void;
  /** Collapses a pane to its title bar, or restores it. */
  setCollapsed(pane: PaneId, collapsed: boolean): void;
}

export type PreferencesStore = StoreApi<PreferencesState>;

/** The key under which preferences are saved (the design has its own). */
export const PREFERENCES_KEY = 'egress-studio:preferences';
const PANES: readonly PaneId[] = ['graph', 'inspector', 'editor', 'problems'];
const SAVE_DELAY_MS = 200;

export const DEFAULT_PREFERENCES: Preferences = {
  theme: 'system',
  sizes: {
    main: SPLITTERS.main.initial,
    graph: SPLITTERS.graph.initial,
    inspector: SPLITTERS.inspector.initial,
  },
  collapsed: [],
};

/** A splitter's size within its limits. */
export function clampSize(splitter: Splitter, percent: number): number {
  const { min, max } = SPLITTERS[splitter];
  return Math.round(Math.min(max, Math.max(min, percent)) * 10) / 10;
}

/** The saved preferences, each one that is missing or not understood replaced by its default. */
export function loadPreferences(storage: Storage | undefined): Preferences {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(PREFERENCES_KEY) ?? '{}');
    if (typeof parsed === 'object' && parsed !== null) data = parsed as Record<string, unknown>;
  } catch {
    // unreadable: the defaults
  }
  const theme = THEMES.find((t) => t === data['theme']) ?? DEFAULT_PREFERENCES.theme;
  const saved = (typeof data['sizes'] === 'object' && data['sizes'] !== null ? data['sizes'] : {}) as Record<
    string,
    unknown
  >;
  const size = (splitter: Splitter) => {
    const value = saved[splitter];
    return typeof value === 'number' && Number.isFinite(value)
      ? clampSize(splitter, value)
      : DEFAULT_PREFERENCES.sizes[splitter];
  };
  const collapsed = Array.isArray(data['collapsed'])
    ? PANES.filter((pane) => (data['collapsed'] as unknown[]).includes(pane))
    : [];
  return {
    theme,
    sizes: { main: size('main'), graph: size('graph'), inspector: size('inspector') },
    collapsed,
  };
}

/** The preferences store: starts from what was saved, and saves every change (storage trouble is ignored). */
export function createPreferences(storage: Storage | undefined): PreferencesStore {
  const store = createStore<PreferencesState>()((set, get) => ({
    ...loadPreferences(storage),
    setTheme(theme) {
      if (THEMES.includes(theme)) set({ theme });
    },
    resize(splitter, percent) {
      const size = clampSize(splitter, percent);
      if (size !== get().sizes[splitter]) set({ sizes: { ...get().sizes, [splitter]: size } });
    },
    setCollapsed(pane, collapsed) {
      if (get().collapsed.includes(pane) === collapsed) return;
      set({ collapsed: collapsed ? [...get().collapsed, pane] : get().collapsed.filter((p) => p !== pane) });
    },
  }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const { theme, sizes, collapsed } = store.getState();
    try {
      storage?.setItem(PREFERENCES_KEY, JSON.stringify({ theme, sizes, collapsed }));
    } catch {
      // storage full or disabled: preferences last for this visit only
    }
  };
  store.subscribe(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  // A page going away keeps the last move of a splitter.
  if (typeof window !== 'undefined') window.addEventListener('pagehide', () => timer !== undefined && save());
  return store;
}
