import { formatPath, rangeOfPath, type PathSegment, type Resource } from '../bundle';
import type { IstioVersion } from '../istio/releases';
import { codeSeverity } from './codes/severities';
import type { Diagnostic, ReportOptions, RuleContext, RuleResource } from './types';

/** The plain view of a resource that rules read. */
export function ruleResourceOf(resource: Resource): RuleResource {
  const spec = resource.value['spec'];
  return {
    ref: resource.ref,
    id: resource.id,
    kind: resource.kind,
    apiVersion: resource.apiVersion,
    name: resource.name,
    namespace: resource.effectiveNamespace,
    value: resource.value,
    spec:
      typeof spec === 'object' && spec !== null && !Array.isArray(spec)
        ? (spec as Record<string, unknown>)
        : {},
  };
}

/**
 * Builds a diagnostic for a field of a resource. `offset` shifts the document-relative range:
 * 0 for findings cached with their document, the document start for bundle-wide findings.
 */
export function diagnosticAt(
  resource: Resource,
  code: string,
  path: readonly PathSegment[],
  message: string,
  options: ReportOptions = {},
  offset = 0,
): Diagnostic {
  const severity = codeSeverity(code); // throws for a code missing from the catalogue
  const { parsed } = resource.document;
  const range = rangeOfPath(parsed.root, [...resource.pathInDocument, ...path], options.target, parsed.text);
  const diagnostic: Diagnostic = {
    code,
    severity: options.severity ?? severity,
    message,
    range: { start: range.start + offset, end: range.end + offset },
    resource: resource.ref,
    path: formatPath(path),
  };
  if (options.fix) diagnostic.fix = options.fix;
  return diagnostic;
}

/** A rule context that collects document-relative diagnostics for one resource, for a target release. */
export function createRuleContext(resource: Resource, sink: Diagnostic[], target: IstioVersion): RuleContext {
  return {
    resource: ruleResourceOf(resource),
    target,
    report(code, path, message, options) {
      sink.push(diagnosticAt(resource, code, path, message, options));
    },
  };
}
