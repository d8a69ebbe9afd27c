import type { ResourceRule } from '../types';

/** virtual-service admission rules: being written. */
export const virtualServiceRules: ResourceRule[] = [];
