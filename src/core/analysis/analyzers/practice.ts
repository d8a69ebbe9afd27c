import type { Analyzer } from '.';

export const practiceAnalyzers: Analyzer[] = [];
