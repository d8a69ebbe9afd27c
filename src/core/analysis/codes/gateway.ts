import type { CodeInfo } from '../types';

/** gateway codes: being written. */
export const gatewayCodes: CodeInfo[] = [];
