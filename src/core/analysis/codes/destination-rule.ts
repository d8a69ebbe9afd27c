import type { CodeInfo } from '../types';

/** destination-rule codes: being written. */
export const destinationRuleCodes: CodeInfo[] = [];
