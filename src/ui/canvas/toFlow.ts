/**
 * Engine graph → React Flow nodes and edges. Objects are reused while their content is unchanged,
 * so React Flow neither re-adopts nor re-measures them (STYLE.md §4), and positions the user chose
 * override the engine's layout.
 */
import { Position, type Node, type NodeHandle } from '@xyflow/react';

import {
  roleAndLabel,
  type EgressGraph,
  type GraphEdge,
  type GraphNode,
  type LayoutDirection,
} from '../../core';
import type { Point } from '../../store';
import { sameFields } from '../shared/same-fields';
import { edgeClassName, NODE_HEIGHT, NODE_WIDTH } from './drawing';

/** What a node component shows (its problem counts it reads from the view itself, see EgressNode). */
export interface EgressNodeData extends Record<string, unknown> {
  node: GraphNode;
  readOnly: boolean;
  /** Which way the graph is drawn: edges enter and leave on the sides it says. */
  direction: LayoutDirection;
}

export type EgressFlowNode = Node<EgressNodeData, 'egress'>;

/** An edge as the edge layer draws it: the engine's edge and its CSS classes. */
export interface EgressFlowEdge {
  id: string;
  source: string;
  target: string;
  className: string;
  data: { edge: GraphEdge };
}

// Every node has the same size, given up front with its handles: React Flow then draws nodes and
// edges in its first frame instead of hiding them until it has measured the DOM (DESIGN.md §4).
const HANDLE = 6; // React Flow's default handle size
const handle = (type: 'source' | 'target', direction: LayoutDirection): NodeHandle => {
  const incoming = type === 'target';
  return direction === 'LR'
    ? {
        type,
        position: incoming ? Position.Left : Position.Right,
        id: null,
        x: (incoming ? 0 : NODE_WIDTH) - HANDLE / 2,
        y: (NODE_HEIGHT - HANDLE) / 2,
        width: HANDLE,
        height: HANDLE,
      }
    : {
        type,
        position: incoming ? Position.Top : Position.Bottom,
        id: null,
        x: (NODE_WIDTH - HANDLE) / 2,
        y: (incoming ? 0 : NODE_HEIGHT) - HANDLE / 2,
        width: HANDLE,
        height: HANDLE,
      };
};
const HANDLES: Record<LayoutDirection, NodeHandle[]> = {
  LR: [handle('target', 'LR'), handle('source', 'LR')],
  TB: [handle('target', 'TB'), handle('source', 'TB')],
};
const SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT };

/** Whether two engine nodes draw the same: each derivation builds new node objects. */
function sameNode(a: GraphNode, b: GraphNode): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.kind === b.kind &&
      a.label === b.label &&
      a.position.x === b.position.x &&
      a.position.y === b.position.y &&
      a.resources.length === b.resources.length &&
      a.resources.every((ref, i) => ref === b.resources[i]))
  );
}

/** Builds flow nodes, reusing `previous` objects whose content and position are unchanged. */
export function toFlowNodes(
  graph: EgressGraph,
  positions: Record<string, Point>,
  selection: string | undefined,
  readOnly: boolean,
  direction: LayoutDirection,
  previous: Map<string, EgressFlowNode>,
): EgressFlowNode[] {
  return graph.nodes.map((node) => {
    const position = positions[node.id] ?? node.position;
    const selected = node.id === selection;
    const old = previous.get(node.id);
    if (
      old &&
      sameNode(old.data.node, node) &&
      old.data.readOnly === readOnly &&
      old.data.direction === direction &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      old.selected === selected
    )
      return old;
    return {
      id: node.id,
      type: 'egress',
      position,
      selected,
      ariaLabel: roleAndLabel(node),
      draggable: !readOnly,
      data: { node, readOnly, direction },
      ...SIZE,
      measured: SIZE,
      handles: HANDLES[direction],
    };
  });
}

/** Builds flow edges, reusing `previous` objects that would be drawn the same. */
export function toFlowEdges(graph: EgressGraph, previous: Map<string, EgressFlowEdge>): EgressFlowEdge[] {
  return graph.edges.map((edge) => {
    const old = previous.get(edge.id);
    // Parts of the graph an edit did not touch keep their edge objects: nothing to compare.
    if (old?.data?.['edge'] === edge) return old;
    const className = edgeClassName(edge);
    if (
      old &&
      old.source === edge.source &&
      old.target === edge.target &&
      sameEdgeLabel(old.data.edge, edge) &&
      old.className === className
    )
      return old;
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      className,
      data: { edge },
    };
  });
}

/** What an edge's label (and tooltip) shows. */
const EDGE_LABEL_FIELDS = [
  'kind',
  'label',
  'protocol',
  'port',
  'tls',
  'timeout',
  'retries',
  'circuitBreaker',
  'reason',
] as const;

/** Whether the edge layer would draw the same label (and tooltip) for both. */
function sameEdgeLabel(a: GraphEdge, b: GraphEdge): boolean {
  return sameFields(a, b, EDGE_LABEL_FIELDS) && sameBends(a.via, b.via);
}

function sameBends(a: GraphEdge['via'], b: GraphEdge['via']): boolean {
  return (
    a === b ||
    (a !== undefined &&
      b !== undefined &&
      a.length === b.length &&
      a.every((p, i) => p.x === b[i]!.x && p.y === b[i]!.y))
  );
}

/** The previous list itself when every item was reused: React Flow then has nothing to update. */
function sameList<T>(built: T[], previous: T[]): T[] {
  return built.length === previous.length && built.every((item, i) => item === previous[i])
    ? previous
    : built;
}

/**
 * Remembers the last flow objects, so each derivation reuses those whose content is unchanged.
 * It is a memo: the same inputs give the same output, whatever was asked before.
 */
export function createFlowCache() {
  let nodes: EgressFlowNode[] = [];
  let edges: EgressFlowEdge[] = [];
  return {
    nodes(
      ...args: Parameters<typeof toFlowNodes> extends [...infer A, unknown] ? A : never
    ): EgressFlowNode[] {
      nodes = sameList(toFlowNodes(...args, new Map(nodes.map((n) => [n.id, n]))), nodes);
      return nodes;
    },
    edges(graph: EgressGraph): EgressFlowEdge[] {
      edges = sameList(toFlowEdges(graph, new Map(edges.map((e) => [e.id, e]))), edges);
      return edges;
    },
  };
}
