import type { CodeInfo } from '../types';

export const practiceCodes: CodeInfo[] = [];
