import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';

import { nodeRole } from '../../core';
import { problemCounts, useViewValue } from '../../store';
import { NodeCard } from './NodeCard';
import type { EgressFlowNode } from './toFlow';

/** One node of the egress graph: its role, its label, and a badge counting its problems. */
function EgressNodeView({ data }: NodeProps<EgressFlowNode>) {
  const { node } = data;
  // Read here rather than passed in the node's data: a change of problems then re-renders this
  // node alone, and React Flow has nothing to update.
  const errors = useViewValue((v) => problemCounts(v.lastGood.diagnostics, node.resources).errors);
  const warnings = useViewValue((v) => problemCounts(v.lastGood.diagnostics, node.resources).warnings);
  return (
    <NodeCard kind={node.kind} role={nodeRole(node)} label={node.label} errors={errors} warnings={warnings}>
      <Handle
        type="target"
        position={data.direction === 'LR' ? Position.Left : Position.Top}
        isConnectable={false}
      />
      <Handle
        type="source"
        position={data.direction === 'LR' ? Position.Right : Position.Bottom}
        isConnectable={false}
      />
    </NodeCard>
  );
}

export const EgressNode = memo(EgressNodeView);
