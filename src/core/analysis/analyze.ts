import type { Bundle, BundleDocument, Resource } from '../bundle';
import { runAnalyzers } from './analyzers';
import { createRuleContext } from './context';
import { resourceRules } from './rules';
import { checkSchema } from './schema';
import type { Diagnostic } from './types';

/** Per-document findings cached by document text; share one across analyses of an edited bundle. */
export type AnalysisCache = Map<string, Diagnostic[]>;

/**
 * Every diagnostic for a bundle, ordered by position: YAML syntax, the Kubernetes schema, Istio's
 * admission rules (per resource, cached by document text) and the cross-resource analyzers
 * (re-run over a small index each time). Never throws.
 */
export function analyzeBundle(bundle: Bundle, cache?: AnalysisCache): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byDocument = new Map<BundleDocument, Resource[]>();
  for (const resource of bundle.resources) {
    const list = byDocument.get(resource.document);
    if (list) list.push(resource);
    else byDocument.set(resource.document, [resource]);
  }
  for (const document of bundle.documents) {
    let findings = cache?.get(document.parsed.text);
    if (!findings) {
      findings = analyzeDocument(document, byDocument.get(document) ?? []);
      cache?.set(document.parsed.text, findings);
    }
    for (const d of findings) {
      out.push({ ...d, range: { start: d.range.start + document.start, end: d.range.end + document.start } });
    }
  }
  if (cache && cache.size > bundle.documents.length * 2 + 64) pruneCache(cache, bundle);
  out.push(...runAnalyzers(bundle));
  return out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** Findings that depend on one document's text only, with ranges relative to that document. */
function analyzeDocument(document: BundleDocument, resources: Resource[]): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const problem of document.parsed.problems) {
    findings.push({
      code: problem.code === 'NOT_AN_OBJECT' ? 'YAML-NOT-OBJECT' : 'YAML-SYNTAX',
      severity: problem.severity,
      message: problem.code === 'NOT_AN_OBJECT' ? problem.message : `${problem.message} (${problem.code})`,
      range: problem.range,
      resource: undefined,
      path: '',
    });
  }
  for (const resource of resources) {
    checkSchema(resource, findings);
    const context = createRuleContext(resource, findings);
    for (const rule of resourceRules) {
      if (rule.kinds.includes(resource.kind)) rule.check(context);
    }
  }
  return findings;
}

function pruneCache(cache: AnalysisCache, bundle: Bundle): void {
  const live = new Set(bundle.documents.map((d) => d.parsed.text));
  for (const key of cache.keys()) if (!live.has(key)) cache.delete(key);
}
