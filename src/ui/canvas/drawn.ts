import { NODE_ROLES, type Diagnostic } from '../../core';
import type { DrawnGraph } from '../../store';
import { problemCounts, type EgressFlowEdge, type EgressFlowNode } from './toFlow';

/** Past this size the drawn graph is not saved: its first paint would not be quick anyway. */
const MAX_DRAWN_NODES = 300;
const MAX_DRAWN_EDGES = 2000;

/**
 * The graph as the canvas draws it, in the plain form saved beside the design, from which the
 * next visit paints its first frame before the app has loaded (ui/first-paint). Undefined for
 * graphs too large to be worth it.
 */
export function toDrawnGraph(
  nodes: readonly EgressFlowNode[],
  edges: readonly EgressFlowEdge[],
  diagnostics: Diagnostic[],
): DrawnGraph | undefined {
  if (nodes.length > MAX_DRAWN_NODES || edges.length > MAX_DRAWN_EDGES) return undefined;
  return {
    nodes: nodes.map(({ id, position, data: { node } }) => ({
      id,
      kind: node.kind,
      role: NODE_ROLES[node.kind],
      label: node.label,
      x: position.x,
      y: position.y,
      ...problemCounts(diagnostics, node.resources),
    })),
    edges: edges.map(({ id, source, target, className }) => ({ id, source, target, className })),
  };
}
