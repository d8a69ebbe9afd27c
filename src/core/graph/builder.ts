import type { EdgeKind, EgressGraph, GraphEdge, GraphNode, NodeKind } from './types';

/** Where graph derivation puts nodes and edges: the graph itself, or a recording of one part of it. */
export interface GraphSink {
  node(id: string, kind: NodeKind, label: string, resources: readonly string[]): void;
  /** Adds the node unless one with this id exists. */
  ensureNode(id: string, kind: NodeKind, label: string, resources: readonly string[]): void;
  edge(source: string, target: string, kind: EdgeKind, label: string, extra: Partial<GraphEdge>): void;
}

function makeNode(id: string, kind: NodeKind, label: string, resources: readonly string[]): GraphNode {
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
  private readonly edges: GraphEdge[] = [];
  private readonly edgeIds = new Set<string>();

  /** `shared`: targets some recording draws edges to without owning them (see {@link GraphRecording}). */
  constructor(private readonly shared: ReadonlySet<string> = new Set()) {}

  node(id: string, kind: NodeKind, label: string, resources: readonly string[]): void {
    this.put(makeNode(id, kind, label, resources), false);
  }

  ensureNode(id: string, kind: NodeKind, label: string, resources: readonly string[]): void {
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
    if (this.edgeIds.has(edge.id)) return;
    this.edgeIds.add(edge.id);
    this.edges.push(edge);
  }

  /**
   * Adds an edge into a node that only its owner's recording draws edges to (and that recording
   * holds each edge once): no other edge can have its id, so it skips the duplicate check.
   */
  putOwnEdge(edge: GraphEdge): void {
    if (this.shared.has(edge.target)) this.putEdge(edge);
    else this.edges.push(edge);
  }

  build(): EgressGraph {
    return { nodes: [...this.nodes.values()], edges: this.edges };
  }
}

type Step = { node: GraphNode; ifAbsent: boolean } | { edge: GraphEdge; own: boolean };

/**
 * Records what one part of the derivation adds, as finished node and edge objects, to replay into
 * later graphs unchanged (the objects are shared between graphs; they are never mutated). A part
 * may own one node: edges into it are its own, and it lists the other targets it draws to, so
 * replaying checks only those edges for duplicates.
 */
export class GraphRecording implements GraphSink {
  private readonly steps: Step[] = [];
  private readonly ownIds = new Set<string>();
  /** Ids of the nodes recorded so far: a later ensureNode of one would change nothing on replay. */
  private readonly nodeIds = new Set<string>();
  /** Targets of edges this part draws into nodes it does not own. */
  readonly sharedTargets = new Set<string>();

  constructor(private readonly owns?: string) {}

  node(id: string, kind: NodeKind, label: string, resources: readonly string[]): void {
    this.nodeIds.add(id);
    this.steps.push({ node: makeNode(id, kind, label, resources), ifAbsent: false });
  }

  ensureNode(id: string, kind: NodeKind, label: string, resources: readonly string[]): void {
    // Each route to a host ensures its node: record it once, not once per route.
    if (this.nodeIds.has(id)) return;
    this.nodeIds.add(id);
    this.steps.push({ node: makeNode(id, kind, label, resources), ifAbsent: true });
  }

  edge(source: string, target: string, kind: EdgeKind, label: string, extra: Partial<GraphEdge>): void {
    this.push(makeEdge(source, target, kind, label, extra));
  }

  /** How many steps are recorded: marks where a stretch of drawing starts and ends, for {@link repeat}. */
  get length(): number {
    return this.steps.length;
  }

  /**
   * Records again the edges recorded in steps `from` to `to` (all from `source`), as drawn from
   * `as` instead: what another client's sidecar does when it is known to do the same.
   */
  repeat(from: number, to: number, source: string, as: string): void {
    for (let i = from; i < to; i++) {
      const step = this.steps[i]!;
      if (!('edge' in step)) continue; // nodes are recorded once per part
      const { edge } = step;
      if (edge.source !== source) throw new Error(`repeat: an edge from ${edge.source}, not ${source}`);
      this.push({ ...edge, id: as + edge.id.slice(source.length), source: as });
    }
  }

  private push(edge: GraphEdge): void {
    const own = edge.target === this.owns;
    if (own) {
      if (this.ownIds.has(edge.id)) return; // the first one wins, as in the builder
      this.ownIds.add(edge.id);
    } else this.sharedTargets.add(edge.target);
    this.steps.push({ edge, own });
  }

  /** Adds the recorded nodes and edges to `builder`, in order. */
  replay(builder: GraphBuilder): void {
    for (const step of this.steps) {
      if (!('edge' in step)) builder.put(step.node, step.ifAbsent);
      else if (step.own) builder.putOwnEdge(step.edge);
      else builder.putEdge(step.edge);
    }
  }
}
