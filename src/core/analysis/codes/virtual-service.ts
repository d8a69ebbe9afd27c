import type { CodeInfo } from '../types';

/** virtual-service codes: being written. */
export const virtualServiceCodes: CodeInfo[] = [];
