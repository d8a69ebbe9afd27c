export { createGraphMemo, deriveGraph } from './derive';
export type { GraphMemo } from './derive';
export { createLayoutMemo, LAYERED_LAYOUT_LIMIT, layoutGraph, NODE_SIZE } from './layout';
export type { LayoutDirection, LayoutMemo } from './layout';
export type * from './types';
export { OTHER_HOSTS_ID } from './types';
export { NODE_ROLES, nodeRole, roleAndLabel } from './roles';
export { BoxGrid } from './box-grid';
export type { Box } from './box-grid';
export {
  aggregateGraph,
  HOST_GROUP_LIMIT,
  NAMESPACE_GROUP_LIMIT,
  needsAggregation,
  memberNodeId,
  revealKey,
} from './aggregate';
export { createGraphShower } from './shown';
export { expandEdges } from './hops';
export type { GraphShower } from './shown';
