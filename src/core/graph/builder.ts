import { edgeIdFrom, sourcesOf, withSources } from './hops';
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
   * Adds an edge that may stand for the same hop from other sources too ({@link GraphEdge.alsoFrom}),
   * keeping only the hops whose ids no edge added before has: the first edge with an id wins.
   */
  putSharedEdge(edge: GraphEdge): void {
    const { alsoFrom } = edge;
    if (!alsoFrom) return this.putEdge(edge);
    const sources = sourcesOf(edge).filter((source) => {
      const id = edgeIdFrom(edge, source);
      if (this.edgeIds.has(id)) return false;
      this.edgeIds.add(id);
      return true;
    });
    if (sources.length === alsoFrom.length + 1) this.edges.push(edge);
    else if (sources.length > 0) this.edges.push(withSources(edge, sources));
  }

  /**
   * Adds an edge into a node that only its owner's recording draws edges to (and that recording
   * holds each edge once): no other edge can have its id, so it skips the duplicate check.
   */
  putOwnEdge(edge: GraphEdge): void {
    if (this.shared.has(edge.target)) this.putSharedEdge(edge);
    else this.edges.push(edge);
  }

  /** The nodes added so far. */
  nodesSoFar(): Iterable<GraphNode> {
    return this.nodes.values();
  }

  build(): EgressGraph {
    return { nodes: [...this.nodes.values()], edges: this.edges };
  }
}

/**
 * A step of a recording: a node, an edge, or the edges of an earlier stretch drawn again from
 * another source (`as`), made when first replayed one by one.
 */
type Step = { node: GraphNode; ifAbsent: boolean } | EdgeStep | Repeat;
type EdgeStep = { edge: GraphEdge; own: boolean };
interface Repeat {
  from: number;
  to: number;
  as: string;
  copies?: EdgeStep[];
}

function replayEdge(builder: GraphBuilder, { edge, own }: EdgeStep): void {
  if (own) builder.putOwnEdge(edge);
  else builder.putSharedEdge(edge);
}

/**
 * Records what one part of the derivation adds, as finished node and edge objects, to replay into
 * later graphs unchanged (the objects are shared between graphs; they are never mutated). A part
 * may own one node: edges into it are its own, and it lists the other targets it draws to, so
 * replaying checks only those edges for duplicates. Edges drawn again from another source
 * ({@link repeat}) replay one per source, or as one edge for all of them (see {@link replayEdges}).
 */
export class GraphRecording implements GraphSink {
  private readonly steps: Step[] = [];
  private readonly ownIds = new Set<string>();
  /** Ids of the nodes recorded so far: a later ensureNode of one would change nothing on replay. */
  private readonly nodeIds = new Set<string>();
  /** The edge steps as replayed compactly: each with the sources it is drawn again from. */
  private compactSteps: EdgeStep[] | undefined;
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
      if (step.edge.source !== source)
        throw new Error(`repeat: an edge from ${step.edge.source}, not ${source}`);
    }
    this.steps.push({ from, to, as });
  }

  private push(edge: GraphEdge): void {
    const own = edge.target === this.owns;
    if (own) {
      if (this.ownIds.has(edge.id)) return; // the first one wins, as in the builder
      this.ownIds.add(edge.id);
    } else this.sharedTargets.add(edge.target);
    this.steps.push({ edge, own });
  }

  /** Adds the recorded nodes to `builder`, in order. */
  replayNodes(builder: GraphBuilder): void {
    for (const step of this.steps) if ('node' in step) builder.put(step.node, step.ifAbsent);
  }

  /**
   * Adds the recorded edges to `builder`, in order: one per hop, or (`compact`) an edge drawn again
   * from other sources once, listing them ({@link GraphEdge.alsoFrom}): a hundred namespaces alike
   * then cost one edge per hop, not a hundred.
   */
  replayEdges(builder: GraphBuilder, compact: boolean): void {
    for (const step of compact ? this.compacted() : this.steps) {
      if ('as' in step) for (const copy of (step.copies ??= this.copies(step))) replayEdge(builder, copy);
      else if ('edge' in step) replayEdge(builder, step);
    }
  }

  /** The edge steps of a stretch, drawn from `as` instead of `source`. */
  private copies({ from, to, as }: Repeat): EdgeStep[] {
    const copies: EdgeStep[] = [];
    for (let i = from; i < to; i++) {
      const step = this.steps[i]!;
      if (!('edge' in step)) continue;
      const { edge } = step;
      copies.push({ edge: { ...edge, id: edgeIdFrom(edge, as), source: as }, own: step.own });
    }
    return copies;
  }

  /** The edge steps, each with the sources its repeats draw it again from. */
  private compacted(): EdgeStep[] {
    if (this.compactSteps) return this.compactSteps;
    const alsoFrom = new Map<number, string[]>();
    for (const step of this.steps) {
      if (!('as' in step)) continue;
      for (let i = step.from; i < step.to; i++) {
        if (!('edge' in this.steps[i]!)) continue;
        const sources = alsoFrom.get(i);
        if (sources) sources.push(step.as);
        else alsoFrom.set(i, [step.as]);
      }
    }
    return (this.compactSteps = this.steps.flatMap((step, i): EdgeStep[] => {
      if (!('edge' in step)) return [];
      const sources = alsoFrom.get(i);
      return [sources ? { edge: { ...step.edge, alsoFrom: sources }, own: step.own } : step];
    }));
  }
}
