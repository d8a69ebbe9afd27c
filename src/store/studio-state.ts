/** The store's shape: its state and actions, and what the studio hands the app (studio.ts builds it). */
import type { TemporalState } from 'zundo';
import type { StoreApi } from 'zustand/vanilla';

import type {
  DesignChange,
  FieldEdit,
  GatewayRouteTarget,
  IstioVersion,
  LayoutDirection,
  SourceRange,
  TextChange,
} from '../core';
import type { Derived } from './derived';
import type { DrawnGraph, LoadResult, SavedDesign } from './persistence';
import type { History } from './saved-history';

/** Where a change of the text came from. */
export type ChangeOrigin = 'editor' | 'form' | 'history' | 'import' | 'template';

/** A change of the text: `range` of `base` was replaced. */
export interface TextEdit {
  base: string;
  range: TextChange;
  /**
   * Made in one step (a form, a command), not typed: a large design's edited documents are then
   * checked at once, on this thread, until the worker's findings land (see Derived.of).
   */
  checkNow?: boolean;
}

/** A position of a node on the canvas, in flow coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** The state of the studio and the only actions that change it. */
export interface StudioState {
  text: string;
  /** The Istio release the design targets: what it is checked and drawn against. */
  istioVersion: IstioVersion;
  /** Where the last change of the text came from. */
  origin: ChangeOrigin;
  /** Where the last change happened (when the changer knew), and the text it was made to. */
  change: TextEdit | undefined;
  /** The selected graph node id. */
  selection: string | undefined;
  /**
   * The selected graph edge id (a hop between two nodes), when an edge rather than a node is
   * selected: selecting one clears the other.
   */
  edgeSelection: string | undefined;
  /**
   * The keys of the graph's groups the user opened (sorted): a large graph groups hosts and
   * namespaces (see core's aggregate.ts); an open group shows its members. Not part of the design.
   */
  expanded: readonly string[];
  /**
   * Counts the derivations that landed from off the main thread (large designs, see
   * off-thread.ts): the views read it, so each landing draws them again.
   */
  landed: number;
  /** Positions the user gave nodes; the others come from the engine's layout. */
  positions: Record<string, Point>;
  /**
   * The way the graph is drawn, once the user chose one or moved a node (their positions are in
   * it); undefined: the canvas picks the way that fits its pane.
   */
  direction: LayoutDirection | undefined;
  /** Something the user should know (storage trouble, what an import did), until dismissed. */
  notice: string | undefined;
  /** A shared design presented read-only: no action changes the text. */
  readOnly: boolean;
  /** The node whose deletion awaits the user's confirmation. */
  deleting: string | undefined;
  /** The latest request to show a range of the text in the YAML pane (`seq` tells requests apart). */
  revealed: { range: SourceRange; seq: number; field?: FieldRef } | undefined;
  /** A form field to focus (a clicked problem's): taken by the form that shows it. */
  focusRequest: FieldRef | undefined;
  /**
   * The scenario the design was opened from, with what it teaches, until dismissed or another
   * design is opened; part of the history, so Undo past the opening takes it away too.
   */
  lesson: Lesson | undefined;
  /** Counts the designs opened in place of another (scenario, import, new design, a link's copy). */
  opened: number;
  /**
   * Replaces the text. Consecutive changes with the same `burst` key (typing in one form field)
   * within a second form one undo step, as typing in the editor does.
   */
  setText(text: string, origin: ChangeOrigin, change?: TextChange, burst?: string): void;
  /**
   * Notes a keystroke in the editor: `change` of the text the editor last reported. The text is
   * asked for (`read`, with every keystroke since composed into one change) once the frame that
   * draws the keystroke is painted, or at once by anything that reads or changes the text first:
   * building and checking a large text per keystroke must not hold up drawing it.
   */
  typeText(change: TextChange, read: (typed: TextChange) => string): void;
  /** Targets another Istio release (one undo step); unsupported releases change nothing. */
  setIstioVersion(version: string): void;
  /** Sets the mesh-wide outbound traffic policy, where the bundle keeps its mesh config. */
  setOutboundMode(mode: 'ALLOW_ANY' | 'REGISTRY_ONLY'): void;
  /** Applies a field edit to one resource (a form edit); refused edits change nothing. */
  editField(resourceId: string, edit: FieldEdit, burst?: string): void;
  /**
   * Opens another design in place of this one (a scenario, an import, a shared link's copy): one
   * undo step, so Undo brings the previous design back; its own positions replace the old ones,
   * and its target release the old one when it names one. A scenario's lesson replaces the last one.
   */
  openDesign(
    text: string,
    origin: ChangeOrigin,
    layout?: { positions: Record<string, Point>; direction?: LayoutDirection | undefined },
    istioVersion?: IstioVersion,
    lesson?: Lesson,
  ): void;
  /** Puts the scenario's lesson away (not an undo step). */
  dismissLesson(): void;
  /**
   * Appends new resources as documents (one undo step) and selects the node of the first one. An
   * object the design already has (same group, kind, namespace and name) is not added again: its
   * node is selected instead, and a notice says so.
   */
  addResources(objects: Record<string, unknown>[]): void;
  /**
   * Makes a change of several edits, removals and new objects as one undo step: the field edits
   * first (an edit the text refuses is skipped), then the removals, then the objects, as
   * {@link addResources} adds them.
   */
  applyChange(change: DesignChange): void;
  /** Sends an external service's traffic through the egress gateway, in a way that works here (one undo step). */
  routeThroughEgressGateway(target: GatewayRouteTarget): void;
  /** Undoes such a route: the service's clients call it directly again (one undo step). */
  routeDirect(target: GatewayRouteTarget): void;
  /** Removes the resources a graph node lists, by their `Kind/namespace/name` ids (one undo step). */
  removeResources(refs: string[]): void;
  select(nodeId: string | undefined): void;
  /** Selects an edge (undefined: none); the node selection is cleared. */
  selectEdge(edgeId: string | undefined): void;
  /** Opens a group of the graph (its members are drawn) or closes it again. */
  expandGroup(key: string, open: boolean): void;
  /** Selects a node of the whole graph, opening the groups that hold it so that it is drawn. */
  showNode(nodeId: string): void;
  /** Closes every open group of the graph. */
  collapseGroups(): void;
  /** Puts a node where the user dropped it; the graph stays drawn the way it was (`drawnAs`). */
  moveNode(nodeId: string, position: Point, drawnAs: LayoutDirection): void;
  /** Back to the automatic layout, in the direction that fits the pane. */
  resetLayout(): void;
  /** Lays the graph out afresh in `direction`, which then stays. */
  setDirection(direction: LayoutDirection): void;
  /** Tells the user something (what an import did), until dismissed. */
  notify(message: string): void;
  /**
   * Shows the design as another tab saved it, in a studio that is read-only here (no undo step:
   * the history is the other tab's).
   */
  follow(design: SavedDesign): void;
  dismissNotice(): void;
  /** Shows a range in the YAML pane; with `field`, also asks the inspector to focus that form field. */
  reveal(range: SourceRange, field?: FieldRef): void;
  /** The focus request was handled. */
  focusTaken(): void;
  /**
   * Selects a node and asks to confirm deleting it (undefined: stop asking). A node no resource
   * defines (drawn because others name it) has nothing to delete: a notice says so.
   */
  askToDelete(nodeId: string | undefined): void;
  undo(): void;
  redo(): void;
}

/** What an opened scenario teaches: its title and summary. */
export interface Lesson {
  title: string;
  summary: string;
}

/** A field of one resource: its `Kind/namespace/name` ref and its path (`spec.ports[0].name`). */
export interface FieldRef {
  resource: string;
  path: string;
}

/** The store, its history, and the memoised views of its text. */
export interface Studio {
  store: StoreApi<StudioState> & {
    temporal: StoreApi<TemporalState<Pick<StudioState, 'text' | 'istioVersion' | 'lesson'>>>;
  };
  derived: Derived;
  /** Writes the design to storage now (autosave otherwise waits for a pause). */
  flush(): void;
  /** What the studio would keep now: the design and its undo history. */
  snapshot(): DesignSnapshot;
  /** Stops autosaving. */
  dispose(): void;
}

/** The design as the studio keeps it: what is saved, its undo history, and its first paint. */
export interface DesignSnapshot {
  design: SavedDesign & { istioVersion: IstioVersion };
  history: History;
  /** The graph drawn as the next visit's first paint shows it (see StudioOptions.drawStill). */
  still: (() => string | undefined) | undefined;
}

/**
 * Where the studio keeps its design: read when it opens, given each autosave. Browser storage of
 * one design (persistence.ts) or a design of the library (IndexedDB, see library-keeper.ts).
 */
export interface DesignKeeper {
  /**
   * The design kept (none: the sample opens), what the user should know, and its undo history as
   * saved (see saved-history.ts; used only when it leads to that design).
   */
  opened: LoadResult & { savedHistory?: unknown };
  /**
   * Keeps a snapshot; returns a notice when it could not. Keepers that write later report
   * through `report`.
   */
  keep(snapshot: DesignSnapshot, report: (notice: string) => void): string | undefined;
}

/** Options: where to autosave (default: none), and the design to open when nothing is saved. */
export interface StudioOptions {
  keeper?: DesignKeeper | undefined;
  sample: string;
  /** A design to open instead of the saved one (a shared link), and whether it is read-only. */
  design?: SavedDesign | undefined;
  readOnly?: boolean;
  now?: () => number;
  /**
   * Draws the graph as the next visit's first paint shows it (markup), saved with the design; the
   * UI gives it (the store draws nothing). Without it, no first paint is saved.
   */
  drawStill?: ((drawn: DrawnGraph) => string) | undefined;
}
