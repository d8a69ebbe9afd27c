import {
  networkingKindOf,
  type Bundle,
  type BundleDocument,
  type ParsedDocument,
  type Resource,
} from '../bundle';
import { LATEST_ISTIO_VERSION, type IstioVersion } from '../istio/releases';
import { createAnalyzerMemo, runAnalyzers, type AnalyzerMemo } from './analyzers';
import { createRuleContext } from './context';
import { findDuplicates } from './duplicates';
import { resourceRules } from './rules';
import { checkSchema } from './schema';
import type { Diagnostic } from './types';

/**
 * What one analysis keeps for the next: findings per document text and per resource, for one
 * target release (an analysis for another release starts afresh).
 */
export interface AnalysisCache {
  /** The Istio release the kept findings are for. */
  target: IstioVersion;
  /** Per-document findings by parsed document (one per distinct text), ranges relative to it. */
  documents: WeakMap<ParsedDocument, Diagnostic[]>;
  /** Cross-resource findings per resource, with the lookups that produced them. */
  analyzers: AnalyzerMemo;
  /** How many documents the last analysis checked afresh. */
  documentsChecked: number;
}

/** An empty cache; pass the same one to every analysis of an edited bundle. */
export function createAnalysisCache(): AnalysisCache {
  return {
    target: LATEST_ISTIO_VERSION,
    documents: new WeakMap(),
    analyzers: createAnalyzerMemo(),
    documentsChecked: 0,
  };
}

/**
 * Every diagnostic for a bundle, ordered by position, as a cluster on the `target` Istio release
 * (default: the newest supported) would see it: YAML syntax, the Kubernetes schema, Istio's
 * admission rules (per resource, cached by document text), the cross-resource analyzers (per
 * resource, re-run only where an edit can change the outcome) and objects defined twice. Never throws.
 */
export function analyzeBundle(
  bundle: Bundle,
  cache?: AnalysisCache,
  target: IstioVersion = LATEST_ISTIO_VERSION,
): Diagnostic[] {
  if (cache && cache.target !== target) {
    // Everything kept was found for another release.
    Object.assign(cache, createAnalysisCache(), { target });
  }
  const out: Diagnostic[] = [];
  const { resources } = bundle;
  let checked = 0;
  let next = 0; // resources are in document order: walk both lists together
  for (const document of bundle.documents) {
    const first = next;
    while (next < resources.length && resources[next]!.document === document) next++;
    let findings = cache?.documents.get(document.parsed);
    if (!findings) {
      findings = analyzeDocument(document, resources.slice(first, next), target);
      cache?.documents.set(document.parsed, findings);
      checked++;
    }
    for (const d of findings) {
      out.push({ ...d, range: { start: d.range.start + document.start, end: d.range.end + document.start } });
    }
  }
  if (cache) cache.documentsChecked = checked;
  out.push(...runAnalyzers(bundle, cache?.analyzers, target));
  out.push(...findDuplicates(bundle));
  return out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/**
 * Findings that depend on one document's text only (YAML, schema, Istio's admission rules), with
 * ranges relative to that document; `resources` are the bundle's resources in it.
 */
export function analyzeDocument(
  document: BundleDocument,
  resources: Resource[],
  target: IstioVersion,
): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const problem of document.parsed.problems) {
    findings.push({
      code: problem.code === 'NOT_AN_OBJECT' ? 'YAML-NOT-OBJECT' : 'YAML-SYNTAX',
      severity: problem.severity,
      message: problem.message,
      range: problem.range,
      resource: undefined,
      path: '',
    });
  }
  for (const resource of resources) {
    checkSchema(resource, findings, target);
    // Admission rules are Istio's: they apply to its networking kinds, by group and kind.
    const kind = networkingKindOf(resource);
    if (!kind) continue;
    const context = createRuleContext(resource, findings, target);
    for (const rule of resourceRules) {
      if (rule.kinds.includes(kind)) rule.check(context);
    }
  }
  return findings;
}
