/** The workbench's shape: which design a tab shows and how, and its actions (workbench.ts builds it). */
import type { StoreApi } from 'zustand/vanilla';

import type { DesignCard, DesignLibrary, UnreadableCard } from './library';
import type { DrawnGraph, SavedDesign } from './persistence';
import type { Studio } from './studio-state';
import type { TabChannel } from './tabs';

/** How this tab shows its design. */
export type WorkbenchMode =
  /** Not open yet (the library is being read). */
  | 'opening'
  /** Edited here. */
  | 'edit'
  /** Edited in another tab: shown here read-only, following its saves. */
  | 'follow'
  /** A shared design from a link, read-only until the user edits a copy. */
  | 'shared';

export interface WorkbenchState {
  mode: WorkbenchMode;
  studio: Studio | undefined;
  /** The open design's card (none where designs are kept in Web Storage, or for a shared design). */
  card: DesignCard | undefined;
  /** The library's designs, deleted ones left out; undefined where there is no library. */
  designs: (DesignCard | UnreadableCard)[] | undefined;
  /** The design deleted last, until Undo brings it back or another is deleted. */
  deleted: DesignCard | undefined;
  /** Whether the list of designs is shown (it stays open while the design it opens changes). */
  listShown: boolean;
  showList(shown: boolean): void;
  /** Opens a design of the library here. */
  open(id: string): Promise<void>;
  /** Adds a design (empty, or the given one) and opens it here. */
  create(name?: string, design?: SavedDesign): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  /** Adds a copy of a design, named after it, and opens it. */
  duplicate(id: string): Promise<void>;
  /** Deletes a design (the open one too: the most recent other then opens). Undo brings it back. */
  remove(id: string): Promise<void>;
  undoRemove(): Promise<void>;
  /** Removes, for good, a design that cannot be read (after the user exported it, or chose not to). */
  purgeUnreadable(id: string): Promise<void>;
  /** Takes the design over from the tab editing it. */
  editHere(): Promise<void>;
  /** Presents a shared design read-only. */
  present(design: SavedDesign, notice?: string): void;
  /** Makes the presented design one of the user's own, opened for editing. */
  editCopy(): Promise<void>;
  /** Reads the list of designs again. */
  refresh(): Promise<void>;
  /** Saves now and lets go of the design (the page goes away). */
  close(): void;
}

export type Workbench = StoreApi<WorkbenchState>;

export interface WorkbenchOptions {
  /** The library; undefined where IndexedDB is unavailable: one design is kept in Web Storage. */
  library: DesignLibrary | undefined;
  /** Why the browser refused the library, when it did (it has designs the app cannot read now). */
  refused?: string | undefined;
  storage: Storage | undefined;
  channel: TabChannel;
  sample: string;
  drawStill?: ((drawn: DrawnGraph) => string) | undefined;
}
