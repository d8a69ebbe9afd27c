import type { CodeInfo } from '../types';

/** sidecar codes: being written. */
export const sidecarCodes: CodeInfo[] = [];
