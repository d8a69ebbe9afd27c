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
  planEgressGatewayRoute,
  resourceKey,
  removeResource,
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
import { loadDesign, saveDesign, type SavedDesign } from './persistence';

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
   * and its target release the old one when it names one.
   */
  openDesign(
    text: string,
    origin: ChangeOrigin,
    positions?: Record<string, Point>,
    istioVersion?: IstioVersion,
  ): void;
  /**
   * Appends new resources as documents (one undo step). An object the design already has (same
   * group, kind, namespace and name) is not added again: its node is selected instead, and a
   * notice says so.
   */
  addResources(objects: Record<string, unknown>[]): void;
  /**
   * Makes a change of several edits and new objects as one undo step: the field edits first (an
   * edit the text refuses is skipped), then the objects, as {@link addResources} adds them.
   */
  applyChange(change: DesignChange): void;
  /** Sends an external service's traffic through the egress gateway, in a way that works here (one undo step). */
  routeThroughEgressGateway(target: GatewayRouteTarget): void;
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
  /** Selects a node and asks to confirm deleting it (undefined: stop asking). */
  askToDelete(nodeId: string | undefined): void;
  undo(): void;
  redo(): void;
}

/** A field of one resource: its `Kind/namespace/name` ref and its path (`spec.ports[0].name`). */
export interface FieldRef {
  resource: string;
  path: string;
}

/** The store, its history, and the memoised views of its text. */
export interface Studio {
  store: StoreApi<StudioState> & {
    temporal: StoreApi<TemporalState<Pick<StudioState, 'text' | 'istioVersion'>>>;
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
  // The origin of the change being set, read by the history to merge typing bursts.
  let pending: ChangeOrigin = 'template';
  let pendingBurst: string | undefined;
  let lastStep = {
    origin: 'template' as ChangeOrigin,
    burst: undefined as string | undefined,
    at: -Infinity,
  };

  const derived = createDerived();
  // The current bundle, parsed incrementally by the same cache (and for the release) the views use.
  const bundleOf = (text: string) => derived.of(text, store.getState().istioVersion).current.bundle;
  const store = createStore<StudioState>()(
    temporal(
      (set, get) => ({
        text: initial.text,
        // A release this app does not support (any more) opens at the newest: no design is lost.
        istioVersion: isIstioVersion(initial.istioVersion) ? initial.istioVersion : LATEST_ISTIO_VERSION,
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
        openDesign(text, origin, positions = {}, istioVersion) {
          if (get().readOnly) return;
          if (istioVersion && istioVersion !== get().istioVersion) {
            // Text and release change together: one step.
            pending = origin;
            pendingBurst = undefined;
            set({ text, istioVersion, origin, change: undefined });
          } else {
            get().setText(text, origin);
          }
          set({ positions, selection: undefined });
        },
        addResources(objects) {
          get().applyChange({ edits: [], objects: objects as KubernetesObject[] });
        },
        routeThroughEgressGateway(target) {
          get().applyChange(planEgressGatewayRoute(bundleOf(get().text), target));
        },
        applyChange({ edits, objects }) {
          if (get().readOnly) return;
          let text = get().text;
          for (const { resourceId, edit } of edits) {
            const result = editResource(bundleOf(text), resourceId, edit);
            if (result.ok) text = result.text;
          }
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
          let text = get().text;
          for (const ref of refs) {
            const bundle = bundleOf(text);
            const resource = bundle.resources.find((r) => r.id === ref);
            const removed = resource ? removeResource(bundle, resource.id) : undefined;
            if (removed?.ok) text = removed.text;
          }
          get().setText(text, 'form');
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
          set(nodeId ? { deleting: nodeId, selection: nodeId } : { deleting: undefined });
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
        partialize: (state) => ({ text: state.text, istioVersion: state.istioVersion }),
        equality: (past, current) => past.text === current.text && past.istioVersion === current.istioVersion,
        limit: 200,
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
    // The graph as drawn goes with it, for the next visit's first paint.
    const drawn = drawnGraph(derived.of(text, istioVersion).lastGood, positions);
    const notice = saveDesign(storage, { text, istioVersion, positions, selection, drawn });
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
