import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';

import { NODE_ROLES } from '../../core';
import { useViewValue } from '../../store';
import { problemCounts, type EgressFlowNode } from './toFlow';

const ICON: Record<string, string> = {
  workload: '▣',
  sidecar: '⬡',
  'egress-gateway': '⇥',
  'external-service': '☁',
  'mesh-policy': '◆',
};

/** One node of the egress graph: its role, its label, and a badge counting its problems. */
function EgressNodeView({ data }: NodeProps<EgressFlowNode>) {
  const { node } = data;
  // Read here rather than passed in the node's data: a change of problems then re-renders this
  // node alone, and React Flow has nothing to update.
  const errors = useViewValue((v) => problemCounts(v.lastGood.diagnostics, node.resources).errors);
  const warnings = useViewValue((v) => problemCounts(v.lastGood.diagnostics, node.resources).warnings);
  const problems = errors + warnings;
  return (
    <div
      className={`egress-node egress-node-${node.kind}${errors ? ' has-errors' : warnings ? ' has-warnings' : ''}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="egress-node-icon" aria-hidden="true">
        {ICON[node.kind]}
      </span>
      <span className="egress-node-text">
        <span className="egress-node-role">{NODE_ROLES[node.kind]}</span>
        <span className="egress-node-label" elementtiming="egress-node">
          {node.label}
        </span>
      </span>
      {problems > 0 && (
        <span
          className={`egress-node-badge ${errors ? 'badge-error' : 'badge-warning'}`}
          title={`${errors} errors, ${warnings} warnings`}
        >
          {problems}
        </span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const EgressNode = memo(EgressNodeView);
