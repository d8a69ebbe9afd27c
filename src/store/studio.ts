/**
 * The one store of the app (zustand, vanilla). The bundle text is the truth; everything shown is
 * derived from it and the Istio release the design targets (see derived.ts). Undo and redo are one
 * history over the text and that release (zundo), shared by form edits, typing and the release
 * choice; a burst of typing is one step. Positions and selection sit beside the text.
 */
import { temporal, type TemporalState } from 'zundo';
import { createStore, type StoreApi } from 'zustand/vanilla';

import {
  appendObject,
  editResource,
  isIstioVersion,
  LATEST_ISTIO_VERSION,
  objectName,
  planDirectRoute,
  planEgressGatewayRoute,
  resourceKey,
  removeResource,
  roleAndLabel,
  setOutboundTrafficMode,
  type DesignChange,
  type FieldEdit,
  type GatewayRouteTarget,
  type IstioVersion,
  type KubernetesObject,
  type SourceRange,
  type TextChange,
} from '../core';
import { createDerived, type Derived } from './derived';
import { drawnGraph } from './drawn';
import { loadDesign, type SavedDesign } from './persistence';
import { loadHistory, saveDesignAndHistory, type HistoryState } from './saved-history';

/** Where a change of the text came from. */
export type ChangeOrigin = 'editor' | 'form' | 'history' | 'import' | 'template';

/** A change of the text: `range` of `base` was replaced. */
export interface TextEdit {
  base: string;
  range: TextChange;
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
  /** Positions the user gave nodes; the others come from the engine's layout. */
  positions: Record<string, Point>;
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
    positions?: Record<string, Point>,
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
  moveNode(nodeId: string, position: Point): void;
  resetLayout(): void;
  /** Tells the user something (what an import did), until dismissed. */
  notify(message: string): void;
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
  /** Stops autosaving. */
  dispose(): void;
}

/** Typing within this many milliseconds of the previous keystroke joins the same undo step. */
const TYPING_BURST_MS = 1000;
const AUTOSAVE_DELAY_MS = 400;

/** Options: where to autosave (default: none), and the design to open when nothing is saved. */
export interface StudioOptions {
  storage?: Storage | undefined;
  sample: string;
  /** A design to open instead of the saved one (a shared link), and whether it is read-only. */
  design?: SavedDesign | undefined;
  readOnly?: boolean;
  now?: () => number;
}

/** Creates the studio: restores the saved design (or opens the sample) and starts autosaving. */
export function createStudio({
  storage,
  sample,
  design,
  readOnly = false,
  now = () => Date.now(),
}: StudioOptions): Studio {
  const loaded = design ? { design, notice: undefined } : loadDesign(storage);
  const initial: SavedDesign = loaded.design ?? { text: sample, positions: {}, selection: undefined };
  // A release this app does not support (any more) opens at the newest: no design is lost.
  const supported = (version: string | undefined) =>
    isIstioVersion(version) ? version : LATEST_ISTIO_VERSION;
  const initialVersion = supported(initial.istioVersion);
  // The user's own design comes back with its undo history (a presented one has none).
  const restored = design
    ? { past: [], future: [] }
    : loadHistory(storage, { text: initial.text, istioVersion: initialVersion }, supported);
  // The origin of the change being set, read by the history to merge typing bursts.
  let pending: ChangeOrigin = 'template';
  let pendingBurst: string | undefined;
  let lastStep = {
    origin: 'template' as ChangeOrigin,
    burst: undefined as string | undefined,
    at: -Infinity,
  };

  const derived = createDerived();
  // Saved while the text did not parse: derived first, it is the last good state the views show.
  if (initial.lastGood !== undefined && initial.lastGood !== initial.text)
    derived.of(initial.lastGood, initialVersion);
  // The text without the resources of these ids (those it has).
  const withoutResources = (text: string, ids: readonly string[]) => {
    for (const id of ids) {
      const bundle = bundleOf(text);
      const removed = bundle.resources.some((r) => r.id === id) ? removeResource(bundle, id) : undefined;
      if (removed?.ok) text = removed.text;
    }
    return text;
  };
  // The current bundle, parsed incrementally by the same cache (and for the release) the views use.
  const bundleOf = (text: string) => derived.of(text, store.getState().istioVersion).current.bundle;
  const store = createStore<StudioState>()(
    temporal(
      (set, get) => ({
        text: initial.text,
        istioVersion: initialVersion,
        origin: 'template',
        change: undefined,
        selection: initial.selection,
        edgeSelection: undefined,
        positions: initial.positions,
        notice: loaded.notice,
        readOnly,
        revealed: undefined,
        focusRequest: undefined,
        deleting: undefined,
        lesson: undefined,
        opened: 0,
        setText(text, origin, range, burst) {
          const base = get().text;
          if (text === base || get().readOnly) return;
          pending = origin;
          pendingBurst = origin === 'editor' ? 'editor' : burst;
          set({ text, origin, change: range ? { base, range } : undefined });
        },
        editField(resourceId, edit, burst) {
          const result = editResource(bundleOf(get().text), resourceId, edit);
          if (result.ok) get().setText(result.text, 'form', result.change, burst);
        },
        setIstioVersion(version) {
          if (!isIstioVersion(version) || version === get().istioVersion || get().readOnly) return;
          pending = 'form';
          pendingBurst = undefined;
          set({ istioVersion: version });
        },
        setOutboundMode(mode) {
          const result = setOutboundTrafficMode(bundleOf(get().text), mode);
          if (result.ok) get().setText(result.text, 'form', result.change);
        },
        openDesign(text, origin, positions = {}, istioVersion, lesson) {
          if (get().readOnly) return;
          // Text, release and lesson change together: one step.
          pending = origin;
          pendingBurst = undefined;
          set({
            text,
            origin,
            change: undefined,
            lesson,
            ...(istioVersion ? { istioVersion } : {}),
          });
          set({ positions, selection: undefined, opened: get().opened + 1 });
        },
        dismissLesson() {
          if (!get().lesson) return;
          // Not a step of its own: the history is the design's.
          pending = 'history';
          set({ lesson: undefined });
        },
        addResources(objects) {
          const before = bundleOf(get().text).resources.map((r) => r.key);
          get().applyChange({ edits: [], objects: objects as KubernetesObject[] });
          const first = objects.map((o) => resourceKey(objectName(o))).find((key) => !before.includes(key));
          const added = first && bundleOf(get().text).resources.find((r) => r.key === first);
          const { graph } = derived.of(get().text, get().istioVersion).lastGood;
          const node = added && graph.nodes.find((n) => n.resources.includes(added.id));
          if (node) set({ selection: node.id });
        },
        routeThroughEgressGateway(target) {
          get().applyChange(planEgressGatewayRoute(bundleOf(get().text), target));
        },
        routeDirect(target) {
          get().applyChange(planDirectRoute(bundleOf(get().text), target));
        },
        applyChange({ edits, removals = [], objects }) {
          if (get().readOnly) return;
          let text = get().text;
          for (const { resourceId, edit } of edits) {
            const result = editResource(bundleOf(text), resourceId, edit);
            if (result.ok) text = result.text;
          }
          text = withoutResources(text, removals);
          const present = new Map(bundleOf(text).resources.map((r) => [r.key, r]));
          const existing = objects.flatMap((o) => present.get(resourceKey(objectName(o))) ?? []);
          const fresh = objects.filter((o) => !present.has(resourceKey(objectName(o))));
          get().setText(
            fresh.reduce<string>((all, value) => appendObject(all, value), text),
            'form',
          );
          if (existing.length === 0) return;
          // Open what is already there rather than add a copy that would replace it when applied.
          const ids = new Set(existing.map((r) => r.id));
          const { graph } = derived.of(get().text, get().istioVersion).lastGood;
          const node = graph.nodes.find((n) => n.resources.some((id) => ids.has(id)));
          const refs = existing.map((r) => r.ref).join(', ');
          const one = existing.length === 1;
          const opened = node
            ? `: opened ${one ? 'it' : 'them'} instead of adding a copy`
            : ', so it was not added again';
          set({
            selection: node?.id ?? get().selection,
            notice: `${refs} ${one ? 'is' : 'are'} already in the design${opened}`,
          });
        },
        removeResources(refs) {
          get().setText(withoutResources(get().text, refs), 'form');
        },
        select(selection) {
          if (selection !== get().selection || get().edgeSelection !== undefined)
            set({ selection, edgeSelection: undefined });
        },
        selectEdge(edgeSelection) {
          if (edgeSelection !== get().edgeSelection) set({ edgeSelection, selection: undefined });
        },
        moveNode(nodeId, position) {
          set({ positions: { ...get().positions, [nodeId]: position } });
        },
        resetLayout() {
          set({ positions: {} });
        },
        notify(message) {
          set({ notice: message });
        },
        dismissNotice() {
          set({ notice: undefined });
        },
        askToDelete(nodeId) {
          if (!nodeId) return set({ deleting: undefined });
          const { graph } = derived.of(get().text, get().istioVersion).lastGood;
          const node = graph.nodes.find((n) => n.id === nodeId);
          if (node?.resources.length === 0) {
            return set({
              deleting: undefined,
              selection: nodeId,
              notice: `Nothing to delete: no resource in the design defines ${roleAndLabel(node)}.`,
            });
          }
          set({ deleting: nodeId, selection: nodeId });
        },
        reveal(range, field) {
          const seq = (get().revealed?.seq ?? 0) + 1;
          set({ revealed: { range, seq, ...(field ? { field } : {}) }, focusRequest: field });
        },
        focusTaken() {
          if (get().focusRequest) set({ focusRequest: undefined });
        },
        undo() {
          pending = 'history';
          store.temporal.getState().undo();
          set({ origin: 'history', change: undefined });
        },
        redo() {
          pending = 'history';
          store.temporal.getState().redo();
          set({ origin: 'history', change: undefined });
        },
      }),
      {
        partialize: (state) => ({ text: state.text, istioVersion: state.istioVersion, lesson: state.lesson }),
        equality: (past, current) =>
          past.text === current.text &&
          past.istioVersion === current.istioVersion &&
          past.lesson === current.lesson,
        limit: 200,
        pastStates: restored.past,
        futureStates: restored.future,
        // Called once per change of the text or release, with the state before it: record it as an
        // undo step unless it continues a burst of typing (or is itself an undo or redo).
        handleSet: (record) => (pastState, replace, currentState, deltaState) => {
          if (pending === 'history') return;
          const at = now();
          const burst =
            pendingBurst !== undefined &&
            pendingBurst === lastStep.burst &&
            pending === lastStep.origin &&
            at - lastStep.at < TYPING_BURST_MS;
          lastStep = { origin: pending, burst: pendingBurst, at };
          const step = record as unknown as (...args: unknown[]) => void;
          if (!burst) step(pastState, replace, currentState, deltaState);
        },
      },
    ),
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (readOnly) return;
    const { text, istioVersion, positions, selection } = store.getState();
    const view = derived.of(text, istioVersion);
    // The graph as drawn goes with it, for the next visit's first paint, and while the text does
    // not parse, the last text that did, for the views; then the undo history.
    const drawn = drawnGraph(view.lastGood, positions);
    const lastGood = view.blocked ? view.lastGood.bundle.text : undefined;
    // zundo types steps as partial (for its diff option, unused here): each is a whole state.
    const { pastStates, futureStates } = store.temporal.getState() as unknown as {
      pastStates: HistoryState[];
      futureStates: HistoryState[];
    };
    const notice = saveDesignAndHistory(
      storage,
      { text, istioVersion, positions, selection, drawn, lastGood },
      { past: pastStates, future: futureStates },
    );
    if (notice && notice !== store.getState().notice) store.setState({ notice });
  };
  const unsubscribe = store.subscribe((state, previous) => {
    // A presented design is someone else's: it never overwrites the user's own saved design.
    if (!storage || readOnly) return;
    if (
      state.text === previous.text &&
      state.istioVersion === previous.istioVersion &&
      state.positions === previous.positions &&
      state.selection === previous.selection
    )
      return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
  });
  return {
    store,
    derived,
    flush,
    dispose() {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
