import type { Analyzer } from '.';

export const referenceAnalyzers: Analyzer[] = [];
