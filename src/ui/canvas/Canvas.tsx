import '@xyflow/react/dist/style.css';

import { Background, Controls, MiniMap, ReactFlow, type NodeChange, type NodeTypes } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';

import { useStudio, useStudioApi, useView } from '../../store';
import { EgressNode } from './EgressNode';
import { createFlowCache, problemsByResource, type EgressFlowNode } from './toFlow';

const nodeTypes = { egress: EgressNode } satisfies NodeTypes;

// Minimap nodes are coloured by kind in app.css, with the same colours as the nodes' borders.
function minimapClass(node: EgressFlowNode): string {
  return `minimap-${node.data.node.kind}`;
}

/** The egress graph: what each client namespace reaches, directly or through the egress gateway. */
export function Canvas() {
  const view = useView();
  const positions = useStudio((s) => s.positions);
  const selection = useStudio((s) => s.selection);
  const { store } = useStudioApi();
  const readOnly = view.blocked !== undefined;
  const shown = view.lastGood;
  const [cache] = useState(createFlowCache);
  // Sizes React Flow measured: view state of the canvas alone, never part of the design.
  const [sizes, setSizes] = useState<Record<string, { width: number; height: number }>>({});
  const nodes = useMemo(
    () =>
      cache.nodes(shown.graph, problemsByResource(shown.diagnostics), positions, selection, readOnly, sizes),
    [cache, shown, positions, selection, readOnly, sizes],
  );
  const edges = useMemo(() => cache.edges(shown.graph), [cache, shown]);

  // Only positions and selection change here, and only in the store's layout and selection.
  const onNodesChange = useCallback(
    (changes: NodeChange<EgressFlowNode>[]) => {
      const { moveNode, select } = store.getState();
      const measured: Record<string, { width: number; height: number }> = {};
      for (const change of changes) {
        if (change.type === 'position' && change.position && !readOnly) moveNode(change.id, change.position);
        if (change.type === 'select' && change.selected) select(change.id);
        if (change.type === 'dimensions' && change.dimensions) measured[change.id] = change.dimensions;
      }
      if (Object.keys(measured).length > 0) setSizes((old) => ({ ...old, ...measured }));
    },
    [store, readOnly],
  );
  const onPaneClick = useCallback(() => store.getState().select(undefined), [store]);
  // Enter on a focused node selects it (its details open in the inspector); Delete asks to delete it.
  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      const id = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset['id'];
      if (!id) return;
      if (event.key === 'Enter') store.getState().select(id);
      if (event.key === 'Delete') store.getState().askToDelete(id);
    },
    [store],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onPaneClick={onPaneClick}
      nodesConnectable={false}
      // Deleting removes resources from the bundle, so it asks first (in the inspector).
      deleteKeyCode={null}
      onKeyDown={onKeyDown}
      edgesFocusable={false}
      fitView
      minZoom={0.1}
      proOptions={{ hideAttribution: true }}
      colorMode="system"
    >
      <Background gap={24} />
      <MiniMap pannable zoomable ariaLabel="Overview of the egress graph" nodeClassName={minimapClass} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
