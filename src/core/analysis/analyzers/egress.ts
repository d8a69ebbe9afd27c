import type { Analyzer } from '.';

export const egressAnalyzers: Analyzer[] = [];
