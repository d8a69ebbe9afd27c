/**
 * The one store of the app (zustand, vanilla). The bundle text is the truth; everything shown is
 * derived from it and the Istio release the design targets (see derived.ts). Undo and redo are one
 * history over the text and that release (zundo), shared by form edits, typing and the release
 * choice; a burst of typing is one step. Positions and selection sit beside the text.
 */
import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';

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
  revealKey,
  roleAndLabel,
  setOutboundTrafficMode,
  type KubernetesObject,
} from '../core';
import { createDerived, type View } from './derived';
import { createOffThread } from './off-thread';
import { soon } from './schedule';
import { createAutosave } from './autosave';
import type { SavedDesign } from './persistence';
import { decodeHistory } from './saved-history';
import { createTypingBuffer } from './typing';
import type { ChangeOrigin, Studio, StudioOptions, StudioState } from './studio-state';

export type * from './studio-state';

/** Typing within this many milliseconds of the previous keystroke joins the same undo step. */
const TYPING_BURST_MS = 1000;

/** Creates the studio: restores the saved design (or opens the sample) and starts autosaving. */
export function createStudio({
  keeper,
  sample,
  design,
  readOnly = false,
  now = () => Date.now(),
  drawStill,
}: StudioOptions): Studio {
  const loaded = design
    ? { design, notice: undefined, unreadable: undefined, savedHistory: undefined }
    : (keeper?.opened ?? { design: undefined, notice: undefined });
  const initial: SavedDesign = loaded.design ?? { text: sample, positions: {}, selection: undefined };
  // A release this app does not support (any more) opens at the newest: no design is lost.
  const supported = (version: string | undefined) =>
    isIstioVersion(version) ? version : LATEST_ISTIO_VERSION;
  const initialVersion = supported(initial.istioVersion);
  // The user's own design comes back with its undo history (a presented one has none).
  const restored = design
    ? { past: [], future: [] }
    : decodeHistory(loaded.savedHistory, { text: initial.text, istioVersion: initialVersion }, supported);
  // The origin of the change being set, read by the history to merge typing bursts.
  let pending: ChangeOrigin = 'template';
  let pendingBurst: string | undefined;
  let lastStep = {
    origin: 'template' as ChangeOrigin,
    burst: undefined as string | undefined,
    at: -Infinity,
  };

  // A landing is drawn in a task of its own, after the one that received and read it: a keystroke
  // arriving meanwhile goes between them, instead of waiting for both (20-odd ms at thousands of
  // resources, past a frame).
  let drawLanding: (() => void) | undefined;
  const derived = createDerived({
    offThread: createOffThread,
    onLanded: () =>
      (drawLanding ??= soon(() => {
        drawLanding = undefined;
        store.setState({ landed: store.getState().landed + 1 });
      })),
  });
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
  // The view as shown (the graph with the groups the user opened).
  const shownView = (): View => {
    const { text, istioVersion, expanded } = store.getState();
    return derived.of(text, istioVersion, undefined, expanded);
  };
  // The current bundle, parsed incrementally by the same cache (and for the release) the views use.
  const bundleOf = (text: string) => derived.bundleOf(text, store.getState().istioVersion);
  // Keystrokes noted since the editor last handed over its text (see typeText).
  const typing = createTypingBuffer((text, change) => store.getState().setText(text, 'editor', change));
  const settleTyping = typing.settle;
  /** The text with what was typed: what every change other than a keystroke starts from. */
  const currentText = () => {
    settleTyping();
    return store.getState().text;
  };
  const store = createStore<StudioState>()(
    temporal(
      (set, get) => ({
        text: initial.text,
        istioVersion: initialVersion,
        origin: 'template',
        change: undefined,
        selection: initial.selection,
        edgeSelection: undefined,
        // A node selected inside a group (saved so) is drawn: its groups open.
        expanded: (initial.selection ? [revealKey(initial.selection)] : []) as readonly string[],
        landed: 0,
        positions: initial.positions,
        direction: initial.direction,
        notice: loaded.notice,
        readOnly,
        revealed: undefined,
        focusRequest: undefined,
        deleting: undefined,
        lesson: undefined,
        opened: 0,
        setText(text, origin, range, burst) {
          if (origin !== 'editor') settleTyping();
          const base = get().text;
          if (text === base || get().readOnly) return;
          pending = origin;
          pendingBurst = origin === 'editor' ? 'editor' : burst;
          const checkNow = origin !== 'editor';
          set({
            text,
            origin,
            change: range ? { base, range, ...(checkNow ? { checkNow } : {}) } : undefined,
          });
        },
        typeText(change, read) {
          if (!get().readOnly) typing.type(change, read);
        },
        editField(resourceId, edit, burst) {
          const result = editResource(bundleOf(currentText()), resourceId, edit);
          if (result.ok) get().setText(result.text, 'form', result.change, burst);
        },
        setIstioVersion(version) {
          settleTyping();
          if (!isIstioVersion(version) || version === get().istioVersion || get().readOnly) return;
          pending = 'form';
          pendingBurst = undefined;
          set({ istioVersion: version });
        },
        setOutboundMode(mode) {
          const result = setOutboundTrafficMode(bundleOf(currentText()), mode);
          if (result.ok) get().setText(result.text, 'form', result.change);
        },
        openDesign(text, origin, layout = { positions: {} }, istioVersion, lesson) {
          if (get().readOnly) return;
          settleTyping();
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
          set({
            positions: layout.positions,
            direction: layout.direction,
            selection: undefined,
            opened: get().opened + 1,
          });
        },
        dismissLesson() {
          if (!get().lesson) return;
          // Not a step of its own: the history is the design's.
          pending = 'history';
          set({ lesson: undefined });
        },
        addResources(objects) {
          const before = bundleOf(currentText()).resources.map((r) => r.key);
          get().applyChange({ edits: [], objects: objects as KubernetesObject[] });
          const first = objects.map((o) => resourceKey(objectName(o))).find((key) => !before.includes(key));
          const added = first && bundleOf(get().text).resources.find((r) => r.key === first);
          const { graph } = shownView().lastGood;
          const node = added && graph.nodes.find((n) => n.resources.includes(added.id));
          if (node) set({ selection: node.id });
        },
        routeThroughEgressGateway(target) {
          get().applyChange(planEgressGatewayRoute(bundleOf(currentText()), target));
        },
        routeDirect(target) {
          get().applyChange(planDirectRoute(bundleOf(currentText()), target));
        },
        applyChange({ edits, removals = [], objects }) {
          if (get().readOnly) return;
          let text = currentText();
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
          const { graph } = shownView().lastGood;
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
          get().setText(withoutResources(currentText(), refs), 'form');
        },
        select(selection) {
          if (selection !== get().selection || get().edgeSelection !== undefined)
            set({ selection, edgeSelection: undefined });
        },
        selectEdge(edgeSelection) {
          if (edgeSelection !== get().edgeSelection) set({ edgeSelection, selection: undefined });
        },
        expandGroup(key, open) {
          const expanded = get().expanded;
          if (expanded.includes(key) === open) return;
          const next = open ? [...expanded, key].sort() : expanded.filter((k) => k !== key);
          // The group's node goes as it opens (and its members' as it closes): select what stands for it.
          set({ expanded: next, selection: open ? undefined : get().selection, edgeSelection: undefined });
        },
        showNode(nodeId) {
          const key = revealKey(nodeId);
          const expanded = get().expanded;
          set({
            expanded: expanded.includes(key) ? expanded : [...expanded, key].sort(),
            selection: nodeId,
            edgeSelection: undefined,
          });
        },
        collapseGroups() {
          if (get().expanded.length > 0) set({ expanded: [], edgeSelection: undefined });
        },
        moveNode(nodeId, position, drawnAs) {
          set({
            positions: { ...get().positions, [nodeId]: position },
            direction: get().direction ?? drawnAs,
          });
        },
        resetLayout() {
          set({ positions: {}, direction: undefined });
        },
        setDirection(direction) {
          set({ positions: {}, direction });
        },
        notify(message) {
          set({ notice: message });
        },
        dismissNotice() {
          set({ notice: undefined });
        },
        follow(saved) {
          if (!get().readOnly) return;
          pending = 'history';
          set({
            text: saved.text,
            istioVersion: supported(saved.istioVersion),
            origin: 'history',
            change: undefined,
            positions: saved.positions,
            direction: saved.direction,
          });
        },
        askToDelete(nodeId) {
          if (!nodeId) return set({ deleting: undefined });
          const { graph } = shownView().lastGood;
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
          settleTyping();
          pending = 'history';
          store.temporal.getState().undo();
          set({ origin: 'history', change: undefined });
        },
        redo() {
          settleTyping();
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

  const autosave = createAutosave({
    store,
    shownView,
    settleTyping,
    keeper,
    drawStill,
    // Nothing is kept while the saved designs could not be read (one may be there all the same).
    unreadable: Boolean(loaded.unreadable),
  });
  return {
    store,
    derived,
    flush: autosave.flush,
    snapshot: autosave.snapshot,
    dispose() {
      autosave.dispose();
      typing.cancel();
      drawLanding?.();
      derived.dispose();
    },
  };
}
