import { parseBundle, type Bundle, type DocumentCache, type TextChange } from './bundle';
import { analyzeBundle, createAnalysisCache, type AnalysisCache } from './analysis/analyze';
import type { Diagnostic } from './analysis/types';
import { createGraphMemo, deriveGraph, type GraphMemo } from './graph/derive';
import type { EgressGraph } from './graph/types';

/** Everything the views show for one bundle text. */
export interface Derivation {
  bundle: Bundle;
  diagnostics: Diagnostic[];
  graph: EgressGraph;
}

/**
 * Derives a bundle text into its views, re-using the previous derivation's work. An editor that
 * knows where the text changed since the previous call passes `change` (exact, or omitted).
 */
export type Deriver = (text: string, change?: TextChange) => Derivation;

/**
 * A deriver for a bundle being edited: each call parses, analyses and draws `text`, re-doing only
 * the documents that changed since the previous call and the cross-resource findings and graph
 * parts they can affect. The result equals a fresh derivation of the same text.
 */
export function createDeriver(): Deriver {
  const documents: DocumentCache = new Map();
  const analysis: AnalysisCache = createAnalysisCache();
  const graph: GraphMemo = createGraphMemo();
  let previous: Bundle | undefined;
  return (text, change) => {
    const bundle = parseBundle(text, documents, previous, change);
    previous = bundle;
    return { bundle, diagnostics: analyzeBundle(bundle, analysis), graph: deriveGraph(bundle, graph) };
  };
}
