import type { ResourceRule, RuleContext } from '../types';
import { list, num, record, records, str } from '../../istio/read';
import { goQuote, ROUTE_SECTIONS, type Path, type RouteSection } from './virtual-service-shared';

/**
 * Shadowed rules (VS-22, IST0130) and matches (VS-22-MATCH, IST0131), exactly as the webhook's
 * unreachable-rule analysis warns about them (kubectl prints these warnings on apply).
 */
export const virtualServiceUnreachableRules: ResourceRule[] = [
  { kinds: ['VirtualService'], check: checkUnreachable },
];

type Report = RuleContext['report'];

/** Map-typed match fields: Go's JSON encoding drops them when empty. */
const MAP_FIELDS = new Set(['headers', 'withoutHeaders', 'queryParams', 'sourceLabels']);
const STRING_MATCH_TYPES = new Set(['exact', 'prefix', 'regex']);

/**
 * A canonical form of a match block, equal for two blocks exactly when Go's `asJSON` is: zero
 * values are dropped, except the chosen StringMatch type and non-map objects such as `uri: {}`.
 */
function canonical(value: unknown, key = ''): unknown {
  if (Array.isArray(value))
    return value.length === 0 ? undefined : value.map((item) => canonical(item) ?? null);
  const object = record(value);
  if (object) {
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(object).sort()) {
      const item =
        STRING_MATCH_TYPES.has(name) && typeof object[name] === 'string'
          ? object[name]
          : canonical(object[name], name);
      if (item !== undefined) out[name] = item;
    }
    return MAP_FIELDS.has(key) && Object.keys(out).length === 0 ? undefined : out;
  }
  if (value === null || value === false || value === 0 || value === '') return undefined;
  return value;
}

function matchKey(match: unknown, section: RouteSection): string {
  const block = record(match);
  if (!block) return 'null';
  // Istio drops an HTTP match's name so that renamed copies still count as duplicates.
  const { name: _name, ...rest } = block;
  return JSON.stringify(canonical(section === 'http' ? rest : block) ?? {});
}

function ruleName(rule: Record<string, unknown> | undefined, index: number, section: RouteSection): string {
  const name = section === 'http' ? str(rule?.['name']) : undefined;
  return name ? goQuote(name) : `#${index}`;
}

function matchName(match: unknown, index: number, section: RouteSection): string {
  const name = section === 'http' ? str(record(match)?.['name']) : undefined;
  return name ? goQuote(name) : `#${index}`;
}

/**
 * What Istio's webhook compares to find a uri prefix match shadowed by another
 * (`genMatchHTTPRoutes` in pkg/config/validation/validation.go): the prefix, the port, and the
 * method, authority, headers, query parameters and withoutHeaders, each as `exact:<v>` or
 * `prefix:<v>` (any other kind of match as empty). A match without a method counts as `exact:GET`.
 * Everything else (sourceLabels, gateways, ignoreUriCase, ...) is not looked at.
 */
interface PrefixMatch {
  prefix: string;
  port: number;
  method: string;
  authority: string;
  headers: Map<string, string>;
  queryParams: Map<string, string>;
  withoutHeaders: Map<string, string>;
  rule: string;
  match: string;
}

function exactOrPrefix(value: unknown): string {
  const match = record(value);
  const exact = str(match?.['exact']);
  if (exact) return `exact:${exact}`;
  const prefix = str(match?.['prefix']);
  return prefix ? `prefix:${prefix}` : '';
}

function exactOrPrefixMap(value: unknown): Map<string, string> {
  return new Map(Object.entries(record(value) ?? {}).map(([k, v]) => [k, exactOrPrefix(v)]));
}

function prefixMatch(match: Record<string, unknown>, rule: string, name: string): PrefixMatch | undefined {
  const prefix = str(record(match['uri'])?.['prefix']);
  if (!prefix) return undefined;
  return {
    prefix,
    port: num(match['port']) ?? 0,
    method: exactOrPrefix(match['method']) || 'exact:GET',
    authority: exactOrPrefix(match['authority']),
    headers: exactOrPrefixMap(match['headers']),
    queryParams: exactOrPrefixMap(match['queryParams']),
    withoutHeaders: exactOrPrefixMap(match['withoutHeaders']),
    rule,
    match: name,
  };
}

/** Istio's test: equal, or the earlier value starts with the later one (as its source compares them). */
const within = (earlier: string, later: string) => earlier === later || earlier.startsWith(later);

function mapsWithin(earlier: Map<string, string>, later: Map<string, string>): boolean {
  if (earlier.size !== later.size) return false;
  return [...earlier].every(([key, value]) => later.has(key) && within(value, later.get(key)!));
}

/** Whether Istio deems `later` shadowed by `earlier` (`coveredValidation`). */
function covers(earlier: PrefixMatch, later: PrefixMatch): boolean {
  return (
    later.prefix.startsWith(earlier.prefix) &&
    later.port === earlier.port &&
    within(earlier.method, later.method) &&
    within(earlier.authority, later.authority) &&
    mapsWithin(earlier.headers, later.headers) &&
    mapsWithin(earlier.queryParams, later.queryParams) &&
    mapsWithin(earlier.withoutHeaders, later.withoutHeaders)
  );
}

/**
 * Istio's unreachable-rule analysis (`analyzeUnreachableHTTPRules` and its tcp/tls twins): rules
 * after a rule without match, rules whose matches all repeat earlier ones, repeated matches, and
 * (http) uri prefix matches that an earlier prefix match, in any rule, already catches.
 */
function checkSection(spec: Record<string, unknown>, section: RouteSection, report: Report): void {
  const seen = new Map<string, number>();
  const prefixes: { entry: PrefixMatch; path: Path }[] = [];
  const rules = list(spec[section]);
  let matchless = -1;
  const unreachable = (index: number, reason: string, effect: string) =>
    report(
      'VS-22',
      ['spec', section, index],
      `virtualService rule ${ruleName(record(rules[index]), index, section)} not used (${reason}): ${effect}`,
    );
  const ineffective = (path: Path, ruleText: string, matchText: string, other: string, effect: string) =>
    report(
      'VS-22-MATCH',
      path,
      `virtualService rule ${ruleText} match ${matchText} is not used (duplicate/overlapping match in rule ${other}): ${effect}`,
    );

  for (const [rule, i] of records(spec[section])) {
    const matches = list(rule['match']);
    if (matches.length === 0) {
      if (matchless >= 0)
        unreachable(
          i,
          'only the last rule can have no matches',
          'the earlier rule without match takes every request, so this one never runs; keep one rule without match, last',
        );
      matchless = i;
      continue;
    }
    if (matchless >= 0) {
      unreachable(
        i,
        'route without matches defined before',
        'that rule takes every request, so this one never runs; move the rule without match to the end',
      );
      continue;
    }
    const name = ruleName(rule, i, section);
    let duplicates = 0;
    matches.forEach((match, j) => {
      const path = ['spec', section, i, 'match', j];
      const key = matchKey(match, section);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        ineffective(
          path,
          name,
          matchName(match, j, section),
          ruleName(record(rules[earlier]), earlier, section),
          'the same match comes first there, so requests it catches never reach this one; remove it',
        );
        duplicates++;
        return;
      }
      seen.set(key, i);
      const block = record(match);
      const entry = section === 'http' && block && prefixMatch(block, name, matchName(match, j, section));
      if (entry) prefixes.push({ entry, path });
    });
    if (duplicates === matches.length)
      unreachable(
        i,
        'all matches used by prior rules',
        'earlier rules catch every request it matches, so it never runs; remove it or change its matches',
      );
  }
  prefixes.forEach(({ entry: earlier }, a) => {
    for (const { entry: later, path } of prefixes.slice(a + 1)) {
      if (later.prefix === earlier.prefix || !covers(earlier, later)) continue;
      ineffective(
        path,
        later.rule,
        `${later.match} of prefix ${later.prefix}`,
        `${earlier.match} of prefix ${earlier.prefix} on ${earlier.rule}`,
        `the earlier match catches the requests under ${later.prefix} first; put the longer prefix first`,
      );
    }
  });
}
function checkUnreachable({ resource, report }: RuleContext): void {
  for (const section of ROUTE_SECTIONS) checkSection(resource.spec, section, report);
}
