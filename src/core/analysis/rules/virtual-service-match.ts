import { isDns1123Label } from '../../istio/values';
import type { ResourceRule, RuleContext } from '../types';
import { has, list, record, str } from '../../istio/read';
import { regexProblem } from './virtual-service-regex';
import { isJwtClaimHeader, matchesOf, rulesOf, type Path } from './virtual-service-shared';

/** HTTP request matches: string matches, header names and source namespaces (VS-18). */
export const virtualServiceMatchRules: ResourceRule[] = [{ kinds: ['VirtualService'], check: checkMatches }];

type Report = RuleContext['report'];

const MATCH_TYPES = ['exact', 'prefix', 'regex'] as const;

/** Header token characters (RFC 7230 tchar). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;
const PSEUDO_HEADERS = new Set([':method', ':scheme', ':authority', ':path', ':status']);

/** How strict a field is about its StringMatch, following Istio's two validators. */
type Strictness = 'regex-only' | 'full';

/**
 * Checks one StringMatch. The CRD's oneOf refuses two match types before the webhook runs, so
 * the value checks only look at a well-formed match.
 */
function checkStringMatch(
  value: unknown,
  path: Path,
  where: string,
  strictness: Strictness,
  report: Report,
): void {
  const match = record(value);
  if (!match) return;
  const set = MATCH_TYPES.filter((type) => has(match, type));
  if (set.length > 1) {
    report('VS-18', path, 'StringMatch may set only one of exact, prefix or regex');
    return;
  }
  const [type] = set;
  const quoted = JSON.stringify(where);
  if (type === 'prefix' && strictness === 'full' && str(match['prefix']) === '') {
    report('VS-18', [...path, 'prefix'], `${quoted}: prefix string match should not be empty`);
  }
  if (type !== 'regex') return;
  const regex = str(match['regex']);
  if (regex === undefined) return;
  const problem =
    regex === '' ? `${quoted}: regex string match should not be empty` : regexProblem(regex, where);
  if (problem) report('VS-18', [...path, 'regex'], problem);
}

/** Istio's `ValidateHTTPHeaderNameOrJwtClaimRoute`. */
function headerNameProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (isJwtClaimHeader(name) || PSEUDO_HEADERS.has(name)) return undefined;
  return HEADER_NAME.test(name) ? undefined : `header name ${name} is not a valid header name`;
}

function checkHeaderMatches(match: Record<string, unknown>, matchPath: Path, report: Report): void {
  for (const field of ['headers', 'withoutHeaders'] as const) {
    for (const [name, value] of Object.entries(record(match[field]) ?? {})) {
      const path = [...matchPath, field, name];
      const nameProblem = headerNameProblem(name);
      if (nameProblem) report('VS-18', path, nameProblem, { target: 'key' });
      if (value === null || value === undefined) {
        if (field === 'headers')
          report('VS-18', path, `header match ${name} cannot be null`, { target: 'key' });
        continue;
      }
      // withoutHeaders treats regex "*" as "header present", not as a regex.
      if (field === 'withoutHeaders' && str(record(value)?.['regex']) === '*') continue;
      checkStringMatch(value, path, field, 'full', report);
    }
  }
}

function checkMatch(match: Record<string, unknown>, matchPath: Path, report: Report): void {
  checkHeaderMatches(match, matchPath, report);
  // uri allows an empty prefix (Envoy's path prefix); the other fields do not.
  checkStringMatch(match['uri'], [...matchPath, 'uri'], 'uri', 'regex-only', report);
  for (const field of ['scheme', 'method', 'authority'] as const) {
    checkStringMatch(match[field], [...matchPath, field], field, 'full', report);
  }
  for (const [name, value] of Object.entries(record(match['queryParams']) ?? {})) {
    checkStringMatch(value, [...matchPath, 'queryParams', name], 'queryParams', 'full', report);
  }
  const sourceNamespace = str(match['sourceNamespace']);
  if (sourceNamespace && !isDns1123Label(sourceNamespace)) {
    report('VS-18', [...matchPath, 'sourceNamespace'], `sourceNamespace match ${sourceNamespace} is invalid`);
  }
}

/** Istio's `validateAllowOrigins`: a non-empty value and, for regex, a valid RE2 pattern. */
function checkAllowOrigins(rule: Record<string, unknown>, rulePath: Path, report: Report): void {
  const origins = list(record(rule['corsPolicy'])?.['allowOrigins']);
  origins.forEach((origin, i) => {
    const path = [...rulePath, 'corsPolicy', 'allowOrigins', i];
    const match = record(origin);
    if (!match) return;
    const set = MATCH_TYPES.filter((type) => has(match, type));
    if (set.length > 1) {
      report('VS-18', path, 'StringMatch may set only one of exact, prefix or regex');
      return;
    }
    const value = set[0] ? (str(match[set[0]]) ?? '') : '';
    if (value === '') {
      report('VS-18', path, `'${value}' is not a valid match type for CORS allow origins`);
      return;
    }
    if (set[0] !== 'regex') return;
    const problem = regexProblem(value, 'corsPolicy.allowOrigins');
    if (problem) report('VS-18', [...path, 'regex'], problem);
  });
}

function checkMatches({ resource, report }: RuleContext): void {
  for (const [rule, rulePath] of rulesOf(resource.spec, 'http')) {
    for (const [match, matchPath] of matchesOf(rule, rulePath)) checkMatch(match, matchPath, report);
    checkAllowOrigins(rule, rulePath, report);
  }
}
