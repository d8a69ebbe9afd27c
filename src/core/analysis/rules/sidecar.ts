import type { ResourceRule } from '../types';

/** sidecar admission rules: being written. */
export const sidecarRules: ResourceRule[] = [];
