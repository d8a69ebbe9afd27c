// What "incremental derivation equals a fresh one" compares, shared by the incremental tests and
// the fuzz suite: the bundle's documents and resources by position and identity, every
// diagnostic and the graph.
import { analyzeBundle } from '../../src/core/analysis/analyze';
import type { Diagnostic } from '../../src/core/analysis/types';
import { parseBundle, type Bundle } from '../../src/core/bundle';
import type { Derivation } from '../../src/core/derivation';
import { deriveGraph } from '../../src/core/graph';
import type { EgressGraph } from '../../src/core/graph/types';
import { LATEST_ISTIO_VERSION, type IstioVersion } from '../../src/core/istio/releases';

/** A derivation reduced to what must not depend on how it was computed. */
export interface Seen {
  bundle: ReturnType<typeof shape>;
  diagnostics: Diagnostic[];
  graph: EgressGraph;
}

/** The bundle's documents and resources: ids, places and texts (not the parsed trees). */
export function shape(bundle: Bundle) {
  return {
    documents: bundle.documents.map((d) => [d.id, d.index, d.start, d.end, d.parsed.text]),
    resources: bundle.resources.map((r) => [r.id, r.ref, r.document.index, r.effectiveNamespace]),
  };
}

/** `text` parsed, analysed and drawn from nothing: no caches, no previous bundle. */
export function fresh(text: string, target: IstioVersion = LATEST_ISTIO_VERSION): Seen {
  const bundle = parseBundle(text);
  return {
    bundle: shape(bundle),
    diagnostics: analyzeBundle(bundle, undefined, target),
    graph: deriveGraph(bundle, undefined, target),
  };
}

/** What a deriver returned, in the form {@link fresh} gives. */
export function seen(derived: Derivation): Seen {
  return { bundle: shape(derived.bundle), diagnostics: derived.diagnostics, graph: derived.graph };
}

/**
 * Where `a` and `b` first differ, as a path (`diagnostics[3].range.end: 41 ≠ 40`), or undefined
 * when they are equal the way vitest's `toEqual` sees it (properties holding undefined count as
 * absent). For runs outside vitest, which have no `expect`.
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  const describe = (value: unknown) => {
    const json = JSON.stringify(value) ?? String(value);
    return json.length > 120 ? `${json.slice(0, 119)}…` : json;
  };
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path || '(root)'}: ${describe(a)} ≠ ${describe(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path || '(root)'}: array ≠ object`;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) {
    return `${path}.length: ${a.length} ≠ ${b.length}`;
  }
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(recordA), ...Object.keys(recordB)]);
  for (const key of keys) {
    if (recordA[key] === undefined && recordB[key] === undefined) continue;
    const inner = Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const difference = firstDifference(recordA[key], recordB[key], inner);
    if (difference) return difference;
  }
  return undefined;
}
