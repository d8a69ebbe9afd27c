import type { EdgeKind, EgressGraph, GraphEdge, GraphNode, NodeKind } from './types';

/** Where graph derivation puts nodes and edges: the graph itself, or a recording of one part of it. */
export interface GraphSink {
  node(id: string, kind: NodeKind, label: string, resources: string[]): void;
  /** Adds the node unless one with this id exists. */
  ensureNode(id: string, kind: NodeKind, label: string, resources: string[]): void;
  edge(source: string, target: string, kind: EdgeKind, label: string, extra: Partial<GraphEdge>): void;
}

function makeNode(id: string, kind: NodeKind, label: string, resources: string[]): GraphNode {
  return { id, kind, label, resources: [...new Set(resources)], position: { x: 0, y: 0 } };
}

function makeEdge(
  source: string,
  target: string,
  kind: EdgeKind,
  label: string,
  extra: Partial<GraphEdge>,
): GraphEdge {
  return { id: `${source}->${target}:${kind}:${extra.port ?? ''}`, source, target, kind, label, ...extra };
}

/** Collects nodes and edges by id; the first edge with an id wins. */
export class GraphBuilder implements GraphSink {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  node(id: string, kind: NodeKind, label: string, resources: string[]): void {
    this.put(makeNode(id, kind, label, resources), false);
  }

  ensureNode(id: string, kind: NodeKind, label: string, resources: string[]): void {
    if (!this.nodes.has(id)) this.put(makeNode(id, kind, label, resources), false);
  }

  edge(source: string, target: string, kind: EdgeKind, label: string, extra: Partial<GraphEdge>): void {
    this.putEdge(makeEdge(source, target, kind, label, extra));
  }

  /** Adds a built node (unless `ifAbsent` and one with its id exists). */
  put(node: GraphNode, ifAbsent: boolean): void {
    if (!ifAbsent || !this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  /** Adds a built edge unless one with its id exists. */
  putEdge(edge: GraphEdge): void {
    if (!this.edges.has(edge.id)) this.edges.set(edge.id, edge);
  }

  build(): EgressGraph {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

type Step = { node: GraphNode; ifAbsent: boolean } | { edge: GraphEdge };

/**
 * Records what one part of the derivation adds, as finished node and edge objects, to replay into
 * later graphs unchanged (the objects are shared between graphs; they are never mutated).
 */
export class GraphRecording implements GraphSink {
  private readonly steps: Step[] = [];

  node(id: string, kind: NodeKind, label: string, resources: string[]): void {
    this.steps.push({ node: makeNode(id, kind, label, resources), ifAbsent: false });
  }

  ensureNode(id: string, kind: NodeKind, label: string, resources: string[]): void {
    this.steps.push({ node: makeNode(id, kind, label, resources), ifAbsent: true });
  }

  edge(source: string, target: string, kind: EdgeKind, label: string, extra: Partial<GraphEdge>): void {
    this.steps.push({ edge: makeEdge(source, target, kind, label, extra) });
  }

  /** Adds the recorded nodes and edges to `builder`, in order. */
  replay(builder: GraphBuilder): void {
    for (const step of this.steps) {
      if ('edge' in step) builder.putEdge(step.edge);
      else builder.put(step.node, step.ifAbsent);
    }
  }
}
