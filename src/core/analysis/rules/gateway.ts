import type { ResourceRule } from '../types';

/** gateway admission rules: being written. */
export const gatewayRules: ResourceRule[] = [];
