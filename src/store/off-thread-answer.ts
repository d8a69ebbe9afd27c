/**
 * What the derivation worker does with one request, as a plain function (the worker is a thin
 * shell around it, see derive-worker.ts; tests call it directly): derives the text incrementally,
 * shows its graph for the open groups, and answers with what the views need, in a form that
 * crosses to the main thread as plain data.
 */
import {
  createDeriver,
  createGraphShower,
  type Derivation,
  type DerivationWork,
  type Diagnostic,
  type EgressGraph,
  type InternalError,
  type IstioVersion,
  type TextChange,
} from '../core';

/** One text to derive off the main thread. */
export interface DeriveRequest {
  text: string;
  istioVersion: IstioVersion;
  /** The graph's groups the user opened. */
  expanded: readonly string[];
  /** The text it was edited from and where, when known: lets the worker re-derive only that. */
  change?: { base: string; range: TextChange } | undefined;
}

/** A derivation, as the worker sends it back. */
export interface DeriveAnswer {
  diagnostics: Diagnostic[];
  /** The graph as shown (grouped when large, see core's aggregate.ts), laid out. */
  graph: EgressGraph;
  /** Positions in the bundle's resources of those of kinds the product does not model. */
  unmodelled: number[];
  work: DerivationWork;
  internalError?: InternalError;
}

/** A function answering requests one after another, keeping the deriver's caches between them. */
export function createAnswerer(): (request: DeriveRequest) => DeriveAnswer {
  const derive = createDeriver();
  const show = createGraphShower();
  let last: { text: string; istioVersion: IstioVersion; derivation: Derivation } | undefined;
  return ({ text, istioVersion, expanded, change }) => {
    // Opening a group asks again for the same text: only the graph is shown again.
    const derivation =
      last?.text === text && last.istioVersion === istioVersion
        ? last.derivation
        : derive(text, last && change?.base === last.text ? change.range : undefined, istioVersion);
    last = { text, istioVersion, derivation };
    const position = new Map(derivation.bundle.resources.map((resource, i) => [resource, i]));
    const answer: DeriveAnswer = {
      diagnostics: derivation.diagnostics,
      graph: show(derivation.graph, expanded),
      unmodelled: derivation.unmodelled.flatMap((r) => position.get(r) ?? []),
      work: derivation.work,
    };
    if (derivation.internalError) answer.internalError = derivation.internalError;
    return answer;
  };
}
