/** The kinds of node on the egress canvas (the CLI contract names these exactly). */
export type NodeKind = 'workload' | 'sidecar' | 'egress-gateway' | 'external-service' | 'mesh-policy';

/**
 * What happens on an edge: a workload handing traffic to its sidecar, the mesh policy gating a
 * sidecar, a direct call to an external service, the hop to and from the egress gateway, or traffic
 * that leaves unmanaged (passthrough) or is dropped (blocked).
 */
export type EdgeKind =
  'workload' | 'policy' | 'direct' | 'to-gateway' | 'via-gateway' | 'passthrough' | 'blocked';

/** How TLS is handled on an edge. */
export type TlsBehaviour =
  'pass-through' | 'origination' | 'mutual' | 'istio-mutual' | 'double' | 'plaintext' | 'none';

/** A node: an id stable across edits, what it stands for, and the resources it edits. */
export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** `Kind/namespace/name` of every resource the node stands for. */
  resources: string[];
  position: { x: number; y: number };
  /** Set on a node that stands for many (see aggregate.ts): what it groups. */
  group?: NodeGroup;
}

/** What a grouped node stands for: hosts under one domain, or namespaces whose sidecars act alike. */
export interface NodeGroup {
  /** Stable across edits: `hosts:<domain>` or `namespaces:<first namespace>`; opens the group. */
  key: string;
  /** How many hosts or namespaces it stands for. */
  size: number;
  /** Their names (hosts, or namespaces), sorted as the graph has them. */
  members: string[];
}

/** An edge with what the traffic looks like on it. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** e.g. `HTTP:80 · TLS origination`. */
  label: string;
  protocol?: string;
  port?: number;
  tls?: TlsBehaviour;
  timeout?: string;
  retries?: number;
  /** True when a DestinationRule sets outlier detection (circuit breaking) for the destination. */
  circuitBreaker?: boolean;
  /** Why the traffic is blocked or passed through unmanaged. */
  reason?: string;
  /**
   * The limits the DestinationRule sets on this hop, as written: `connectionPool` (the circuit
   * breaker's thresholds) and `outlierDetection` (its ejection of failing hosts).
   */
  limits?: { connectionPool?: Record<string, unknown>; outlierDetection?: Record<string, unknown> };
  /** `Kind/namespace/name` of the resources that decide this hop: ServiceEntry, DestinationRule, VirtualService. */
  resources?: string[];
  /**
   * Where the layout bends the edge to cross a rank it skips (a sidecar's direct call passing the
   * egress gateways) clear of that rank's nodes: the points it runs straight between there, in
   * the layout's coordinates. Absent: the edge curves straight from end to end.
   */
  via?: { x: number; y: number }[];
  /** Set on an edge into or out of a grouped node: how many hops it stands for. */
  bundled?: number;
  /**
   * Other sources with the same hop (their sidecars do what this one's does, see
   * namespace-classes.ts): set in a graph large enough to be shown grouped, where a hop shared by
   * a hundred namespaces is one edge, not a hundred. Each stands for the edge from that source,
   * whose id begins with it instead of `source` ({@link expandEdges} lists them one by one).
   */
  alsoFrom?: readonly string[];
}

/** The egress graph of a bundle. */
export interface EgressGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The node that stands for every host no ServiceEntry registers, where the outbound policy decides. */
export const OTHER_HOSTS_ID = 'external:*';
