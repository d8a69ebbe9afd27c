import {
  analyzeBundle,
  codeCatalogue,
  deriveGraph,
  parseBundle,
  parsePath,
  type Bundle,
  type Diagnostic,
  type PathSegment,
} from '../../../src/core';
import { ENGINE_REFERENCE_TYPES, GO_ANALYZERS } from './analyzers';
import { caseText } from './bundle-text';
import type {
  AcceptCase,
  AnalyzerCase,
  Case,
  EgressPathCase,
  ExpectedMessage,
  FieldExpectation,
  RefuseCase,
} from './manifest';

/** How the engine did on one case. */
export interface Outcome {
  agrees: boolean;
  /** One line: what the engine did that Istio does not (empty when it agrees). */
  summary: string;
  /** Analyzer cases: findings for the case's analyzer that Istio's expectation does not list. */
  falsePositives: string[];
}

/** Runs one case through the engine's public API and compares with Istio's expectation. */
export function scoreCase(testCase: Case): Outcome {
  const text = caseText(testCase);
  const bundle = parseBundle(text);
  switch (testCase.category) {
    case 'accept':
      return scoreAccept(testCase, bundle, analyzeBundle(bundle));
    case 'refuse':
      return scoreRefuse(testCase, bundle, analyzeBundle(bundle));
    case 'analyzer':
      return scoreAnalyzer(testCase, analyzeBundle(bundle));
    case 'egress-path':
      return scoreEgressPath(testCase, bundle);
  }
}

const agreed: Outcome = { agrees: true, summary: '', falsePositives: [] };
const disagree = (summary: string, falsePositives: string[] = []): Outcome => ({
  agrees: false,
  summary,
  falsePositives,
});

/** `CODE path (Kind/ns/name)`, the way the summaries name a finding. */
export function describe(d: Diagnostic): string {
  const where = [d.path, d.resource && `(${d.resource})`].filter(Boolean).join(' ');
  return where ? `${d.code} ${where}` : `${d.code} ${d.message}`;
}

const list = (ds: Diagnostic[], max = 3): string =>
  ds.length === 0
    ? 'none'
    : ds.slice(0, max).map(describe).join('; ') + (ds.length > max ? `; +${ds.length - max} more` : '');

function scoreAccept(testCase: AcceptCase, bundle: Bundle, diagnostics: Diagnostic[]): Outcome {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return disagree(`errors on what Istio accepts: ${list(errors)}`);
  for (const warning of testCase.warnings ?? []) {
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    if (!warnings.some((d) => atField(d, warning, bundle))) {
      return disagree(`no warning at ${warning.path} (${warning.istio}); warnings: ${list(warnings)}`);
    }
  }
  return agreed;
}

function scoreRefuse(testCase: RefuseCase, bundle: Bundle, diagnostics: Diagnostic[]): Outcome {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const onResource = testCase.resource ? errors.filter((d) => d.resource === testCase.resource) : errors;
  if (onResource.length === 0) {
    const where = testCase.resource ? ` on ${testCase.resource}` : '';
    return disagree(`no error${where} (Istio: ${testCase.istio}); errors: ${list(errors)}`);
  }
  if (
    (testCase.path !== undefined || testCase.line !== undefined) &&
    !onResource.some((d) => atField(d, testCase, bundle))
  ) {
    const at = testCase.path ?? `line ${testCase.line}`;
    return disagree(`refused, but not at ${at} (Istio: ${testCase.istio}); errors: ${list(onResource)}`);
  }
  return agreed;
}

/** True when a finding is on the expected resource and at (or under) the expected field. */
function atField(d: Diagnostic, expected: FieldExpectation, bundle: Bundle): boolean {
  if (expected.resource && d.resource !== expected.resource) return false;
  if (expected.line !== undefined && bundle.lines.positionAt(d.range.start).line !== expected.line)
    return false;
  if (expected.path === undefined) return true;
  const want = parsePath(expected.path);
  const got = parsePath(d.path);
  return startsWith(got, want) || (expected.missing === true && samePath(got, want.slice(0, -1)));
}

const startsWith = (path: PathSegment[], prefix: PathSegment[]): boolean =>
  prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
const samePath = (a: PathSegment[], b: PathSegment[]): boolean => a.length === b.length && startsWith(a, b);

/** `Kind ns/name` or `Kind name` (Istio's friendly name) as the engine's `Kind/ns/name`. */
export function resourceOf(origin: string): string {
  const [kind, rest = ''] = origin.split(' ');
  const [namespace, name] = rest.includes('/') ? rest.split('/') : ['default', rest];
  return `${kind}/${namespace}/${name}`;
}

/** The Istio messages (IST0101 with its reference types) an engine finding stands for. */
function messagesOf(code: string): string[] {
  const related = (codeCatalogue.get(code)?.related ?? []).filter((r) => r.startsWith('IST'));
  return related.flatMap((ist) => {
    if (ist !== 'IST0101') return [ist];
    const types = ENGINE_REFERENCE_TYPES[code];
    return types ? types.map((t) => `IST0101:${t}`) : ['IST0101:*'];
  });
}

/** The messages of the analyzer's own that a finding stands for. */
function analyzerMessages(code: string, reports: string[]): string[] {
  return messagesOf(code).filter(
    (m) => reports.includes(m) || (m === 'IST0101:*' && reports.some((r) => r.startsWith('IST0101:'))),
  );
}

function scoreAnalyzer(testCase: AnalyzerCase, diagnostics: Diagnostic[]): Outcome {
  const analyzer = GO_ANALYZERS[testCase.analyzer];
  if (!analyzer) throw new Error(`${testCase.id}: unknown analyzer ${testCase.analyzer}`);
  // Our findings that speak for this analyzer: on a kind it reports on, for a message it reports.
  const ours = diagnostics
    .map((d) => ({ d, messages: analyzerMessages(d.code, analyzer.reports) }))
    .filter(
      ({ d, messages }) => messages.length > 0 && analyzer.kinds.includes(d.resource?.split('/')[0] ?? ''),
    );
  // A finding stands for each IST message its catalogue entry lists (REF-GATEWAY for both IST0101
  // and IST0132, which istioctl reports together), once per message.
  const usedFor = new Set<string>();
  const used = new Set<number>();
  const missed: ExpectedMessage[] = [];
  for (const message of testCase.expected) {
    const resource = resourceOf(message.origin);
    const index = ours.findIndex(
      ({ d, messages }, i) =>
        !usedFor.has(`${i}|${message.code}`) &&
        d.resource === resource &&
        messages.some((m) => m.split(':')[0] === message.code),
    );
    if (index < 0) missed.push(message);
    else {
      usedFor.add(`${index}|${message.code}`);
      used.add(index);
    }
  }
  // The engine marks each offending field (every conflicting host, say) where istioctl reports a
  // message once per resource: more findings of a matched code on the same resource are that message.
  const matched = new Set([...used].map((i) => `${ours[i]!.d.code}|${ours[i]!.d.resource}`));
  const extra = ours
    .filter(({ d }, i) => !used.has(i) && !matched.has(`${d.code}|${d.resource}`))
    .map(({ d }) => describe(d));
  if (missed.length === 0 && extra.length === 0) return agreed;
  const parts = [];
  if (missed.length > 0) parts.push(`missed ${missed.map((m) => `${m.code} ${m.origin}`).join(', ')}`);
  if (extra.length > 0)
    parts.push(`not expected: ${extra.slice(0, 3).join('; ')}${extra.length > 3 ? '; ...' : ''}`);
  return disagree(parts.join('; '), extra);
}

function scoreEgressPath(testCase: EgressPathCase, bundle: Bundle): Outcome {
  const graph = deriveGraph(bundle);
  const gateways = new Set(graph.nodes.filter((n) => n.kind === 'egress-gateway').map((n) => n.id));
  const sidecar = `sidecar:${testCase.client}`;
  const external = `external:${testCase.host}`;
  const toGateway = graph.edges.filter(
    (e) => e.source === sidecar && e.kind === 'to-gateway' && gateways.has(e.target),
  );
  const drawn = toGateway.some((hop) =>
    graph.edges.some((e) => e.source === hop.target && e.target === external && e.kind === 'via-gateway'),
  );
  if (drawn) return agreed;
  const edges = graph.edges
    .filter((e) => e.kind !== 'workload' && e.kind !== 'policy')
    .map((e) => `${e.source} -${e.kind}-> ${e.target}`);
  return disagree(
    `no ${sidecar} -to-gateway-> egress gateway -via-gateway-> ${external}; edges: ${edges.join(', ') || 'none'}`,
  );
}
