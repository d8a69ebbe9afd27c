import type { ResourceRule } from '../types';

/** destination-rule admission rules: being written. */
export const destinationRuleRules: ResourceRule[] = [];
