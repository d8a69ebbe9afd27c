import '@xyflow/react/dist/style.css';

import {
  Background,
  MiniMap,
  Panel,
  ReactFlow,
  useNodesInitialized,
  useStore,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';

import { createLayoutMemo, type EgressGraph, type LayoutDirection } from '../../core';
import { usePreferences, useStudio, useStudioApi, type View, type Point } from '../../store';
import { useHiddenSet } from '../shared/useHiddenSet';
import { withDeferredView } from '../shared/deferred-view';
import { CanvasControls } from './CanvasControls';
import { chooseDirection, MAX_ZOOM, MIN_ZOOM } from './drawing';
import { EdgeLayer } from './EdgeLayer';
import { EgressNode } from './EgressNode';
import { LegendButton } from './Legend';
import { createFlowCache, type EgressFlowNode } from './toFlow';
import { MINIMAP_KEY } from './saved-toggle';
import { useSavedToggle } from './useSavedToggle';
import { useGraphKeys } from './useGraphKeys';
import { usePaneSize } from './usePaneSize';

// Small enough for the band the fit keeps free along the pane's bottom (MINIMAP_BAND).
const MINIMAP_SIZE = { width: 160, height: 90 };
const nodeTypes = { egress: EgressNode } satisfies NodeTypes;
const NO_EDGES: [] = [];
const HIDEABLE = [
  { kind: 'passthrough', label: 'Unmanaged' },
  { kind: 'blocked', label: 'Blocked' },
] as const;

// Above this many edges, passthrough and blocked edges are marked by colour alone (app.css).
const DASHED_EDGE_LIMIT = 500;

// Minimap nodes are coloured by kind in app.css, with the same colours as the nodes' borders.
function minimapClass(node: EgressFlowNode): string {
  return `minimap-${node.data.node.kind}`;
}

/** Calls `onShown` once, in the frame after React Flow has measured and painted the first nodes. */
function FirstPaint({ onShown }: { onShown: () => void }) {
  const initialized = useNodesInitialized();
  // An empty design has nothing to measure: it is on screen at once.
  const empty = useStore((s) => s.nodeLookup.size === 0);
  const shown = initialized || empty;
  useEffect(() => {
    if (!shown) return;
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(onShown)));
    return () => cancelAnimationFrame(frame);
  }, [shown, onShown]);
  return null;
}

/**
 * The graph as drawn, and which way: the user's choice once made (or once they moved a node, in a
 * design saved before there was a choice: left to right), else the way that fits the pane (see
 * chooseDirection), measured before the first paint and again as the pane is resized. The
 * derivation lays the graph out left to right; top to bottom is laid out here, once per shape.
 */
function useDrawnGraph(
  graph: EgressGraph,
  positions: Record<string, Point>,
  pane: RefObject<HTMLDivElement | null>,
  minimap: boolean,
): { direction: LayoutDirection; graph: EgressGraph } {
  const chosen = useStudio((s) => s.direction);
  const { width, height } = usePaneSize(pane);
  const [topDown] = useState(createLayoutMemo);
  const moved = Object.keys(positions).length > 0;
  return useMemo(() => {
    const direction =
      chosen ??
      (moved
        ? 'LR'
        : chooseDirection(
            graph.nodes.map((n) => n.position),
            () => topDown(graph, 'TB').nodes.map((n) => n.position),
            width,
            height,
            minimap,
          ));
    return { direction, graph: direction === 'TB' ? topDown(graph, 'TB') : graph };
  }, [chosen, moved, graph, topDown, width, height, minimap]);
}

interface CanvasProps {
  /** Called once the first graph is on screen (heavy panes wait for it). */
  onShown?: () => void;
}

/** The egress graph: what each client namespace reaches, directly or through the egress gateway. */
export const Canvas = withDeferredView(function Canvas({ onShown, view }: CanvasProps & { view: View }) {
  const positions = useStudio((s) => s.positions);
  const selection = useStudio((s) => s.selection);
  const edgeSelection = useStudio((s) => s.edgeSelection);
  const opened = useStudio((s) => s.expanded.length);
  const { store } = useStudioApi();
  // A presented design, or a text that does not parse (the last good graph is shown): nothing moves.
  const presented = useStudio((s) => s.readOnly);
  const theme = usePreferences((p) => p.theme);
  const readOnly = view.blocked !== undefined || presented;
  const shown = view.lastGood;
  const [cache] = useState(createFlowCache);
  const [minimap, setMinimap] = useSavedToggle(MINIMAP_KEY, false);
  const wrapper = useRef<HTMLDivElement>(null);
  const keys = useGraphKeys(wrapper);
  const { direction, graph } = useDrawnGraph(shown.graph, positions, wrapper, minimap);
  const nodes = useMemo(
    () => cache.nodes(graph, positions, selection, readOnly, direction),
    [cache, graph, positions, selection, readOnly, direction],
  );
  const edges = useMemo(() => cache.edges(graph), [cache, graph]);
  // Traffic kinds the user chose to hide (a large ALLOW_ANY design has thousands of unmanaged edges).
  const [hidden, show] = useHiddenSet<string>();
  const drawn = useMemo(
    () => (hidden.size === 0 ? edges : edges.filter((e) => !hidden.has(e.data.edge.kind))),
    [edges, hidden],
  );
  const counts = useMemo(() => {
    const byKind = new Map<string, number>();
    for (const e of edges) byKind.set(e.data.edge.kind, (byKind.get(e.data.edge.kind) ?? 0) + 1);
    return byKind;
  }, [edges]);

  // Only positions and selection change here, and only in the store's layout and selection.
  const onNodesChange = useCallback(
    (changes: NodeChange<EgressFlowNode>[]) => {
      const { moveNode, select } = store.getState();
      for (const change of changes) {
        if (change.type === 'position' && change.position && !readOnly)
          moveNode(change.id, change.position, direction);
        if (change.type === 'select' && change.selected) select(change.id);
      }
    },
    [store, readOnly, direction],
  );
  const onPaneClick = useCallback(() => store.getState().select(undefined), [store]);
  // A double click on a group (a large graph's hosts under one domain, namespaces alike) opens it.
  const onNodeDoubleClick = useCallback(
    (_: React.MouseEvent, node: EgressFlowNode) => {
      const group = node.data.node.group;
      if (group) store.getState().expandGroup(group.key, true);
    },
    [store],
  );
  const onSelectEdge = useCallback((id: string) => store.getState().selectEdge(id), [store]);
  // Enter on a focused node selects it (its details open in the inspector); Delete asks to delete it.
  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      const id = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset['id'];
      if (!id) return;
      if (event.key === 'Enter') store.getState().select(id);
      if (event.key === 'Delete' && !readOnly) store.getState().askToDelete(id);
    },
    [store, readOnly],
  );

  return (
    <ReactFlow
      ref={wrapper}
      nodes={nodes}
      // Edges are drawn by EdgeLayer, all in one SVG (React Flow would give each its own).
      edges={NO_EDGES}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onPaneClick={onPaneClick}
      onNodeDoubleClick={onNodeDoubleClick}
      nodesConnectable={false}
      // Deleting removes resources from the bundle, so it asks first (in the inspector).
      deleteKeyCode={null}
      {...keys}
      onKeyDown={onKeyDown}
      edgesFocusable={false}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      proOptions={{ hideAttribution: true }}
      className={
        [drawn.length > DASHED_EDGE_LIMIT && 'graph-large', view.replacing && 'graph-left']
          .filter(Boolean)
          .join(' ') || undefined
      }
      colorMode={theme}
    >
      <Background gap={24} />
      <EdgeLayer
        nodes={nodes}
        edges={drawn}
        direction={direction}
        bends={Object.keys(positions).length === 0}
        selected={edgeSelection}
        onSelect={onSelectEdge}
      />
      <Panel position="top-left" className="edge-filter">
        <LegendButton />
        <fieldset>
          <legend>Show traffic</legend>
          {HIDEABLE.map(({ kind, label }) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={!hidden.has(kind)}
                onChange={(e) => show(kind, e.target.checked)}
              />
              {label} ({counts.get(kind) ?? 0})
            </label>
          ))}
        </fieldset>
        {opened > 0 && (
          <button type="button" onClick={() => store.getState().collapseGroups()}>
            Group again
          </button>
        )}
      </Panel>
      {minimap && (
        <MiniMap
          style={MINIMAP_SIZE}
          pannable
          zoomable
          ariaLabel="Overview of the egress graph"
          nodeClassName={minimapClass}
        />
      )}
      <CanvasControls
        nodes={nodes}
        direction={direction}
        minimap={minimap}
        onMinimap={setMinimap}
        readOnly={readOnly}
      />
      {view.pending && (nodes.length === 0 || view.replacing) && (
        // A large design opened, reloaded or pasted: its graph is being derived off the main thread
        // (meanwhile, the design before it is shown dimmed).
        <Panel position="top-center" className="canvas-pending">
          <p className="muted">Drawing the graph of this design…</p>
        </Panel>
      )}
      {onShown && <FirstPaint onShown={onShown} />}
    </ReactFlow>
  );
});
