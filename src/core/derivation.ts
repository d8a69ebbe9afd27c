import {
  LineIndex,
  parseBundle,
  type Bundle,
  type ParsedDocument,
  type Resource,
  type TextChange,
} from './bundle';
import { analyzeBundle, createAnalysisCache, type AnalysisCache } from './analysis/analyze';
import type { Diagnostic } from './analysis/types';
import { createGraphMemo, deriveGraph, type GraphMemo } from './graph/derive';
import type { EgressGraph } from './graph/types';
import { createGuard, internalErrorDiagnostic, type InternalError } from './guard';
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
  /**
   * Set when a step of the derivation threw (a bug in the engine, never a problem of the text):
   * the exception, so the app can show a banner and the CLI exit with its internal-failure
   * status. The derivation is then as complete as the other steps made it: the step that threw
   * gave an empty result (no documents, no findings or an empty graph), and `diagnostics` starts
   * with one INTERNAL-ERROR error on the first line, which carries the message too.
   */
  internalError?: InternalError;
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

/** What a derivation has once the text is parsed and its graph drawn, before the analyzers run. */
export interface DrawnStage {
  bundle: Bundle;
  graph: EgressGraph;
  unmodelled: Resource[];
  /** Documents parsed afresh for it: the analyzers' work to come grows with them. */
  documentsParsed: number;
}

/**
 * Derives a bundle text into its views for a target Istio release (default the newest), re-using
 * the previous derivation's work. An editor that knows where the text changed since the previous
 * call passes `change` (exact, or omitted). `onDrawn`, when given, gets the parse and the graph as
 * soon as they are made, before the analyzers run (the larger part of a new text's derivation).
 */
export type Deriver = (
  text: string,
  change?: TextChange,
  istioVersion?: IstioVersion,
  onDrawn?: (drawn: DrawnStage) => void,
) => Derivation;

/** What a deriver keeps between calls. */
interface DeriverState {
  documents: CountingCache;
  analysis: AnalysisCache;
  graph: GraphMemo;
  previous: Bundle | undefined;
}

function createState(): DeriverState {
  return {
    documents: new CountingCache(),
    analysis: createAnalysisCache(),
    graph: createGraphMemo(),
    previous: undefined,
  };
}

/**
 * A deriver for a bundle being edited: each call parses, analyses and draws `text`, re-doing only
 * the documents that changed since the previous call and the cross-resource findings and graph
 * parts they can affect. A call for another release than the previous one keeps the parsed
 * documents but checks and draws everything again. The result equals a fresh derivation.
 *
 * Never throws: a step that throws is reported in the result (see {@link Derivation.internalError})
 * and the deriver starts afresh on the next call, so no half-updated cache outlives the failure.
 */
export function createDeriver(): Deriver {
  let state = createState();
  return (text, change, istioVersion = LATEST_ISTIO_VERSION, onDrawn) => {
    const derivation = deriveGuarded(text, change, istioVersion, state, true, onDrawn);
    if (derivation.internalError) state = createState();
    return derivation;
  };
}

/**
 * One derivation of `text` from nothing (no caches kept), guarded as a deriver's are: what the CLI
 * runs. Equal to the first call of a new {@link createDeriver}. Never throws. A caller that needs
 * only the findings passes `{ graph: false }` and gets an empty graph, sparing the cost of drawing.
 */
export function deriveOnce(
  text: string,
  istioVersion: IstioVersion = LATEST_ISTIO_VERSION,
  options: { graph?: boolean } = {},
): Derivation {
  return deriveGuarded(text, undefined, istioVersion, createState(), options.graph ?? true);
}

function deriveGuarded(
  text: string,
  change: TextChange | undefined,
  istioVersion: IstioVersion,
  state: DeriverState,
  draw = true,
  onDrawn?: (drawn: DrawnStage) => void,
): Derivation {
  const guard = createGuard();
  const parsedBefore = state.documents.added;
  const bundle = guard.run(
    () => parseBundle(text, state.documents, state.previous, change),
    () => emptyBundle(text),
  );
  state.previous = bundle;
  const noGraph = (): EgressGraph => ({ nodes: [], edges: [] });
  const graph = draw ? guard.run(() => deriveGraph(bundle, state.graph, istioVersion), noGraph) : noGraph();
  const unmodelled = guard.run(
    () => buildModel(bundle).unmodelled,
    (): Resource[] => [],
  );
  // Not when a step failed: the failure is reported with the whole derivation.
  if (onDrawn && !guard.error)
    onDrawn({ bundle, graph, unmodelled, documentsParsed: state.documents.added - parsedBefore });
  const diagnostics = guard.run(
    () => analyzeBundle(bundle, state.analysis, istioVersion),
    (): Diagnostic[] => [],
  );
  const work: DerivationWork = {
    documentsParsed: state.documents.added - parsedBefore,
    documentsChecked: state.analysis.documentsChecked,
    resourcesRechecked: state.analysis.analyzers.recomputed,
    graphPartsDrawn: state.graph.hosts.recomputed + state.graph.gateways.recomputed,
  };
  const derivation: Derivation = { bundle, istioVersion, diagnostics, graph, unmodelled, work };
  const internalError = guard.error;
  if (internalError) {
    derivation.internalError = internalError;
    derivation.diagnostics = [internalErrorDiagnostic(internalError, text), ...diagnostics];
  }
  return derivation;
}

/** A bundle of `text` holding nothing: what a derivation keeps when parsing itself threw. */
function emptyBundle(text: string): Bundle {
  let lines: LineIndex | undefined;
  return {
    text,
    documents: [],
    resources: [],
    get lines() {
      return (lines ??= new LineIndex(text));
    },
  };
}
