import type { ResourceRule, RuleContext } from '../types';
import { list, record, records, str } from '../../istio/read';
import { goQuote, ROUTE_SECTIONS, type Path, type RouteSection } from './virtual-service-shared';

/**
 * Shadowed rules and matches (VS-22, IST0130/IST0131), as the webhook's unreachable-rule analysis
 * warns about them. Kept conservative: exact duplicate matches, rules after a match-less rule,
 * and uri prefixes covered by an earlier rule's plain prefix match.
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

/** An earlier match that only tests a uri prefix, so it catches every longer prefix. */
interface PrefixCatcher {
  prefix: string;
  ignoreUriCase: boolean;
  rule: number;
  ruleName: string;
  matchName: string;
}

/** Fields that neither narrow nor widen what a match catches. */
const NEUTRAL_FIELDS = new Set(['name', 'statPrefix', 'ignoreUriCase', 'uri']);

function uriPrefix(match: Record<string, unknown>): string | undefined {
  const uri = record(match['uri']);
  if (!uri || Object.keys(uri).length !== 1) return undefined;
  const prefix = str(uri['prefix']);
  return prefix ? prefix : undefined;
}

function asCatcher(
  match: Record<string, unknown>,
  rule: number,
  names: [string, string],
): PrefixCatcher | undefined {
  const prefix = uriPrefix(match);
  if (prefix === undefined) return undefined;
  if (Object.keys(match).some((key) => !NEUTRAL_FIELDS.has(key) && canonical(match[key], key) !== undefined))
    return undefined;
  return {
    prefix,
    ignoreUriCase: match['ignoreUriCase'] === true,
    rule,
    ruleName: names[0],
    matchName: names[1],
  };
}

/** Fields Istio compares when it looks for a covering prefix; a later match must not set them. */
const COMPARED_FIELDS = ['port', 'method', 'authority', 'headers', 'queryParams', 'withoutHeaders'];

function coveredBy(
  match: Record<string, unknown>,
  rule: number,
  catchers: PrefixCatcher[],
): PrefixCatcher | undefined {
  const prefix = str(record(match['uri'])?.['prefix']);
  if (!prefix) return undefined;
  if (COMPARED_FIELDS.some((key) => canonical(match[key], key) !== undefined)) return undefined;
  const ignoreCase = match['ignoreUriCase'] === true;
  return catchers.find(
    (c) =>
      c.rule < rule && prefix !== c.prefix && prefix.startsWith(c.prefix) && (c.ignoreUriCase || !ignoreCase),
  );
}

function checkSection(spec: Record<string, unknown>, section: RouteSection, report: Report): void {
  const seen = new Map<string, number>();
  const catchers: PrefixCatcher[] = [];
  const rules = list(spec[section]);
  let matchless = -1;
  const unreachable = (index: number, reason: string) =>
    report(
      'VS-22',
      ['spec', section, index],
      `virtualService rule ${ruleName(record(rules[index]), index, section)} not used (${reason})`,
    );
  const ineffective = (path: Path, ruleText: string, matchText: string, other: string) =>
    report(
      'VS-22',
      path,
      `virtualService rule ${ruleText} match ${matchText} is not used (duplicate/overlapping match in rule ${other})`,
      {
        severity: 'info',
      },
    );

  for (const [rule, i] of records(spec[section])) {
    const matches = list(rule['match']);
    if (matches.length === 0) {
      if (matchless >= 0) unreachable(i, 'only the last rule can have no matches');
      matchless = i;
      continue;
    }
    if (matchless >= 0) {
      unreachable(i, 'route without matches defined before');
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
        );
        duplicates++;
        return;
      }
      seen.set(key, i);
      const block = record(match);
      if (section !== 'http' || !block) return;
      const catcher = coveredBy(block, i, catchers);
      if (catcher) {
        const prefix = str(record(block['uri'])?.['prefix']);
        ineffective(
          path,
          name,
          `${matchName(match, j, section)} of prefix ${prefix}`,
          `${catcher.matchName} of prefix ${catcher.prefix} on ${catcher.ruleName}`,
        );
      }
      const own = asCatcher(block, i, [name, matchName(match, j, section)]);
      if (own) catchers.push(own);
    });
    if (duplicates === matches.length) unreachable(i, 'all matches used by prior rules');
  }
}

function checkUnreachable({ resource, report }: RuleContext): void {
  for (const section of ROUTE_SECTIONS) checkSection(resource.spec, section, report);
}
