/**
 * Engine graph → React Flow nodes and edges. Objects are reused while their content is unchanged,
 * so React Flow neither re-adopts nor re-measures them (STYLE.md §4), and positions the user chose
 * override the engine's layout.
 */
import type { Edge, Node } from '@xyflow/react';

import type { Diagnostic, EgressGraph, GraphEdge, GraphNode } from '../../core';
import type { Point } from '../../store';
import { nodeName } from './roles';

/** What a node component shows. */
export interface EgressNodeData extends Record<string, unknown> {
  node: GraphNode;
  errors: number;
  warnings: number;
  readOnly: boolean;
}

export type EgressFlowNode = Node<EgressNodeData, 'egress'>;

/** Counts of problems per resource ref. */
export function problemsByResource(
  diagnostics: Diagnostic[],
): Map<string, { errors: number; warnings: number }> {
  const out = new Map<string, { errors: number; warnings: number }>();
  for (const d of diagnostics) {
    if (!d.resource || d.severity === 'info') continue;
    const counts = out.get(d.resource) ?? { errors: 0, warnings: 0 };
    if (d.severity === 'error') counts.errors++;
    else counts.warnings++;
    out.set(d.resource, counts);
  }
  return out;
}

/** Builds flow nodes, reusing `previous` objects whose data and position are unchanged. */
export function toFlowNodes(
  graph: EgressGraph,
  problems: Map<string, { errors: number; warnings: number }>,
  positions: Record<string, Point>,
  selection: string | undefined,
  readOnly: boolean,
  sizes: Record<string, { width: number; height: number }>,
  previous: Map<string, EgressFlowNode>,
): EgressFlowNode[] {
  return graph.nodes.map((node) => {
    let errors = 0;
    let warnings = 0;
    for (const ref of node.resources) {
      const counts = problems.get(ref);
      errors += counts?.errors ?? 0;
      warnings += counts?.warnings ?? 0;
    }
    const position = positions[node.id] ?? node.position;
    const selected = node.id === selection;
    const measured = sizes[node.id];
    const old = previous.get(node.id);
    if (
      old &&
      old.data.node === node &&
      old.data.errors === errors &&
      old.data.warnings === warnings &&
      old.data.readOnly === readOnly &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      old.selected === selected &&
      old.measured === measured
    )
      return old;
    return {
      id: node.id,
      type: 'egress',
      position,
      selected,
      ariaLabel: nodeName(node),
      draggable: !readOnly,
      data: { node, errors, warnings, readOnly },
      ...(measured ? { measured } : {}),
    };
  });
}

/** Builds flow edges, reusing `previous` objects for unchanged engine edges. */
export function toFlowEdges(graph: EgressGraph, previous: Map<string, Edge>): Edge[] {
  return graph.edges.map((edge) => {
    const old = previous.get(edge.id);
    if (old && old.data?.['edge'] === edge) return old;
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      // The policy node already shows the mode; workload hand-offs need no words.
      label: edge.kind === 'workload' || edge.kind === 'policy' ? undefined : edgeLabel(edge),
      className: `edge edge-${edge.kind}${edge.tls === 'double' ? ' edge-broken' : ''}`,
      ariaLabel: edgeName(edge),
      data: { edge },
      focusable: false,
    };
  });
}

/** The engine's label with the route's timeout, retries and circuit breaker. */
function edgeLabel(edge: GraphEdge): string {
  const marks = [
    edge.timeout ? `timeout ${edge.timeout}` : '',
    edge.retries ? `↻${edge.retries}` : '',
    edge.circuitBreaker ? 'breaker' : '',
  ].filter(Boolean);
  return marks.length ? `${edge.label} · ${marks.join(' ')}` : edge.label;
}

function edgeName(edge: GraphEdge): string {
  const extras = [
    edge.timeout ? `timeout ${edge.timeout}` : '',
    edge.retries ? `${edge.retries} retries` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${edge.kind}: ${edge.label}${extras ? ` (${extras})` : ''}${edge.reason ? ` — ${edge.reason}` : ''}`;
}

/**
 * Remembers the last flow objects, so each derivation reuses those whose content is unchanged.
 * It is a memo: the same inputs give the same output, whatever was asked before.
 */
export function createFlowCache() {
  let nodes = new Map<string, EgressFlowNode>();
  let edges = new Map<string, Edge>();
  return {
    nodes(
      ...args: Parameters<typeof toFlowNodes> extends [...infer A, unknown] ? A : never
    ): EgressFlowNode[] {
      const built = toFlowNodes(...args, nodes);
      nodes = new Map(built.map((n) => [n.id, n]));
      return built;
    },
    edges(graph: EgressGraph): Edge[] {
      const built = toFlowEdges(graph, edges);
      edges = new Map(built.map((e) => [e.id, e]));
      return built;
    },
  };
}
