import type { CodeInfo } from '../types';

export const analyzerCodes: CodeInfo[] = [];
