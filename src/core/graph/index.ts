export { deriveGraph } from './derive';
export { layoutGraph } from './layout';
export type { EdgeKind, EgressGraph, GraphEdge, GraphNode, NodeKind, TlsBehaviour } from './types';
