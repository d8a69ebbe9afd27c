// A second reference for "first graph on screen": React Flow alone drawing eight labelled nodes of
// known size, no engine, no app. What the stack itself costs over a blank React page.
import '@xyflow/react/dist/style.css';

import { Handle, Position, ReactFlow, type Node, type NodeProps } from '@xyflow/react';
import { createRoot } from 'react-dom/client';

function Box({ data }: NodeProps<Node<{ label: string }>>) {
  return (
    <>
      <Handle type="target" position={Position.Left} />
      <span>{data.label}</span>
      <Handle type="source" position={Position.Right} />
    </>
  );
}

const nodes: Node<{ label: string }>[] = Array.from({ length: 8 }, (_, i) => ({
  id: `n${i}`,
  type: 'box',
  position: { x: (i % 4) * 260, y: Math.floor(i / 4) * 120 },
  data: { label: `node ${i}` },
  width: 190,
  height: 48,
  measured: { width: 190, height: 48 },
}));

createRoot(document.getElementById('root')!).render(
  <ReactFlow nodes={nodes} edges={[]} nodeTypes={{ box: Box }} fitView />,
);
