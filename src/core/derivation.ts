import { parseBundle, type Bundle, type ParsedDocument, type Resource, type TextChange } from './bundle';
import { analyzeBundle, createAnalysisCache, type AnalysisCache } from './analysis/analyze';
import type { Diagnostic } from './analysis/types';
import { createGraphMemo, deriveGraph, type GraphMemo } from './graph/derive';
import type { EgressGraph } from './graph/types';
import { buildModel } from './istio/model';
import { LATEST_ISTIO_VERSION, type IstioVersion } from './istio/releases';

/** Everything the views show for one bundle text and target release. */
export interface Derivation {
  bundle: Bundle;
  /** The Istio release the diagnostics and the graph are for. */
  istioVersion: IstioVersion;
  diagnostics: Diagnostic[];
  graph: EgressGraph;
  /** Resources of kinds the product does not model: kept as written, and to be listed as such. */
  unmodelled: Resource[];
  /** How much was computed afresh rather than reused: the cost of an edit, in units of work. */
  work: DerivationWork;
}

/** Counts of what one derivation computed afresh. */
export interface DerivationWork {
  documentsParsed: number;
  documentsChecked: number;
  /** Resources whose cross-resource findings were computed again. */
  resourcesRechecked: number;
  /** External hosts and egress gateways whose part of the graph was drawn again. */
  graphPartsDrawn: number;
}

/** A document cache that counts what it is given: each entry is one document parsed. */
class CountingCache extends Map<string, ParsedDocument> {
  added = 0;

  override set(text: string, parsed: ParsedDocument): this {
    this.added++;
    return super.set(text, parsed);
  }
}

/**
 * Derives a bundle text into its views for a target Istio release (default the newest), re-using
 * the previous derivation's work. An editor that knows where the text changed since the previous
 * call passes `change` (exact, or omitted).
 */
export type Deriver = (text: string, change?: TextChange, istioVersion?: IstioVersion) => Derivation;

/**
 * A deriver for a bundle being edited: each call parses, analyses and draws `text`, re-doing only
 * the documents that changed since the previous call and the cross-resource findings and graph
 * parts they can affect. A call for another release than the previous one keeps the parsed
 * documents but checks and draws everything again. The result equals a fresh derivation.
 */
export function createDeriver(): Deriver {
  const documents = new CountingCache();
  const analysis: AnalysisCache = createAnalysisCache();
  const graph: GraphMemo = createGraphMemo();
  let previous: Bundle | undefined;
  return (text, change, istioVersion = LATEST_ISTIO_VERSION) => {
    const parsedBefore = documents.added;
    const bundle = parseBundle(text, documents, previous, change);
    previous = bundle;
    const diagnostics = analyzeBundle(bundle, analysis, istioVersion);
    const drawn = deriveGraph(bundle, graph, istioVersion);
    const work: DerivationWork = {
      documentsParsed: documents.added - parsedBefore,
      documentsChecked: analysis.documentsChecked,
      resourcesRechecked: analysis.analyzers.recomputed,
      graphPartsDrawn: graph.hosts.recomputed + graph.gateways.recomputed,
    };
    return {
      bundle,
      istioVersion,
      diagnostics,
      graph: drawn,
      unmodelled: buildModel(bundle).unmodelled,
      work,
    };
  };
}
