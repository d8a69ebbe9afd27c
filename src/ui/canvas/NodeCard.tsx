import type { ReactNode } from 'react';

import type { NodeKind } from '../../core';
// By its own path: the first paint draws nodes without loading the engine.
import { counted } from '../../core/analysis/summary';
import { NODE_ICONS } from './drawing';

interface NodeCardProps {
  kind: NodeKind;
  role: string;
  label: string;
  errors: number;
  warnings: number;
  /** React Flow's handles, on the canvas. */
  children?: ReactNode;
}

/**
 * What a graph node looks like: its icon, role and label, and a badge counting its problems. Used
 * by the canvas's node and by the first paint, so both look the same.
 */
export function NodeCard({ kind, role, label, errors, warnings, children }: NodeCardProps) {
  const problems = errors + warnings;
  return (
    <div
      className={`egress-node egress-node-${kind}${errors ? ' has-errors' : warnings ? ' has-warnings' : ''}`}
    >
      {children}
      <span className="egress-node-icon" aria-hidden="true">
        {NODE_ICONS[kind]}
      </span>
      <span className="egress-node-text">
        <span className="egress-node-role">{role}</span>
        {/* Long hosts are cut with an ellipsis: the whole name on hover (and in the node's accessible name). */}
        <span className="egress-node-label" elementtiming="egress-node" title={label}>
          {label}
        </span>
      </span>
      {problems > 0 && (
        <span
          className={`egress-node-badge ${errors ? 'badge-error' : 'badge-warning'}`}
          title={`${counted(errors, 'error')}, ${counted(warnings, 'warning')}`}
        >
          {problems}
        </span>
      )}
    </div>
  );
}
