export { createGraphMemo, deriveGraph } from './derive';
export type { GraphMemo } from './derive';
export { layoutGraph } from './layout';
export type * from './types';
export { OTHER_HOSTS_ID } from './types';
export { NODE_ROLES, roleAndLabel } from './roles';
