import type { PathSegment } from '../../bundle';
import type { RuleContext } from '../types';
import { list, num, record, records, str, strings } from '../../istio/read';

/** Topology labels that `failover` already implies, so `failoverPriority` may not repeat them. */
const TOPOLOGY_LABELS = [
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.istio.io/subzone',
];

/** A locality string and where it is written. */
type Placed = [locality: string, path: PathSegment[]];

/**
 * Istio's `ValidateLocalityLbSetting` (DR-19) for `loadBalancer.localityLbSetting` at `path`.
 * `hasOutlier` tells whether the same policy level sets `outlierDetection`. Like Istio, it stops
 * at the first structural problem of `distribute`.
 */
export function checkLocalityLb(
  report: RuleContext['report'],
  setting: Record<string, unknown> | undefined,
  path: PathSegment[],
  hasOutlier: boolean,
): void {
  if (!setting) return;
  const distribute = records(setting['distribute']);
  const failover = list(setting['failover']);
  const priority = strings(setting['failoverPriority']);
  if (list(setting['distribute']).length > 0 && failover.length > 0) {
    report('DR-19', [...path, 'failover'], "can not simultaneously specify 'distribute' and 'failover'", {
      target: 'key',
    });
    return;
  }
  if (failover.length > 0) {
    const clash = priority.find(([label]) => TOPOLOGY_LABELS.includes(label));
    if (clash) {
      report(
        'DR-19',
        [...path, 'failoverPriority', clash[1]],
        `can not simultaneously set 'failover' and topology label '${clash[0]}' in 'failover_priority'`,
      );
      return;
    }
  }

  const sources: Placed[] = [];
  for (const [entry, i] of distribute) {
    const entryPath = [...path, 'distribute', i];
    sources.push([str(entry['from']) ?? '', [...entryPath, 'from']]);
    const targets: Placed[] = [];
    let total = 0;
    for (const [locality, value] of Object.entries(record(entry['to']) ?? {})) {
      const targetPath = [...entryPath, 'to', locality];
      targets.push([locality, targetPath]);
      const weight = num(value);
      if (weight === undefined) continue;
      if (weight <= 0 || weight > 100) {
        report('DR-19', targetPath, 'locality weight must be in range [1, 100]');
        return;
      }
      total += weight;
    }
    if (total !== 100) {
      report('DR-19', [...entryPath, 'to'], `total locality weight ${total} != 100`, { target: 'key' });
      return;
    }
    reportLocalityProblem(report, targets);
  }
  reportLocalityProblem(report, sources);

  checkFailover(report, 'DR-19', setting, path, hasOutlier, LOCALITY_FAILOVER);
}

/** How Istio words the problems of a `failover` entry, per setting. */
interface FailoverWords {
  sameRegion: string;
  notRegion: string;
  wildcard: string;
}

const LOCALITY_FAILOVER: FailoverWords = {
  sameRegion: 'locality lb failover settings must specify different regions',
  notRegion: 'locality lb failover only specify region',
  wildcard: "locality lb failover region should not contain '*' wildcard",
};

const ZONE_AWARE_FAILOVER: FailoverWords = {
  sameRegion: 'zone aware lb failover settings must specify different regions',
  notRegion:
    'zone aware lb failover only specifies region; zone and subzone failover are handled automatically',
  wildcard: "zone aware lb failover region should not contain '*' wildcard",
};

/**
 * Failover needs outlier detection at the same policy level to act (a warning), and each
 * `failover` entry must name two different regions: no zone part, no wildcard.
 */
function checkFailover(
  report: RuleContext['report'],
  code: string,
  setting: Record<string, unknown>,
  path: PathSegment[],
  hasOutlier: boolean,
  words: FailoverWords,
): void {
  const failover = list(setting['failover']);
  if ((failover.length > 0 || list(setting['failoverPriority']).length > 0) && !hasOutlier) {
    report(
      code,
      [...path, failover.length > 0 ? 'failover' : 'failoverPriority'],
      'outlier detection policy must be provided for failover',
      { severity: 'warning', target: 'key' },
    );
  }
  for (const [entry, i] of records(setting['failover'])) {
    const entryPath = [...path, 'failover', i];
    const from = str(entry['from']) ?? '';
    const to = str(entry['to']) ?? '';
    if (from === to) report(code, entryPath, words.sameRegion);
    if (from.includes('/') || to.includes('/')) {
      report(code, [...entryPath, from.includes('/') ? 'from' : 'to'], words.notRegion);
    }
    if (from.includes('*') || to.includes('*')) {
      report(code, [...entryPath, from.includes('*') ? 'from' : 'to'], words.wildcard);
    }
  }
}

/**
 * Istio 1.31's `ValidateZoneAwareLbSetting` (DR-21) for `loadBalancer.zoneAwareLbSetting` at
 * `path`: Envoy partitions by region, zone and subzone itself, so `failoverPriority` may not name
 * those topology labels and `failover` orders regions only.
 */
export function checkZoneAwareLb(
  report: RuleContext['report'],
  setting: Record<string, unknown> | undefined,
  path: PathSegment[],
  hasOutlier: boolean,
): void {
  if (!setting) return;
  for (const [label, i] of strings(setting['failoverPriority'])) {
    if (TOPOLOGY_LABELS.includes(label)) {
      report(
        'DR-21',
        [...path, 'failoverPriority', i],
        `'failover_priority' for zone aware lb must not use topology label '${label}'; region- and zone-level routing are handled automatically`,
      );
    }
  }
  checkFailover(report, 'DR-21', setting, path, hasOutlier, ZONE_AWARE_FAILOVER);
}

/** Istio's `validateLocalities`: reports the first malformed or overlapping locality of a list. */
function reportLocalityProblem(report: RuleContext['report'], localities: Placed[]): void {
  // region -> zone -> subzones; '*' marks "everything below".
  const regions = new Map<string, Map<string, Set<string>>>();
  for (const [locality, path] of localities) {
    const fail = (message: string) => report('DR-19', path, `locality ${locality} ${message}`);
    const overlap = () => fail('overlap with previous specified ones');
    const stars = locality.split('*').length - 1;
    if (stars > 1 || (stars === 1 && !locality.endsWith('*'))) {
      return fail("wildcard '*' number can not exceed 1 and must be in the end");
    }
    if (regions.has('*')) return overlap();
    const items = splitN(locality, '/', 3);
    if (items.some((item) => item === '')) {
      return fail('must not contain empty region/zone/subzone info');
    }
    const [region, zone = '', subZone = ''] = items as [string, string?, string?];
    const zones = regions.get(region);
    if (items.length === 1) {
      if (zones) return overlap();
      regions.set(region, new Map([['*', new Set(['*'])]]));
    } else if (items.length === 2) {
      if (!zones) {
        regions.set(region, new Map([[zone, new Set(['*'])]]));
        continue;
      }
      if (zones.has('*') || zones.has(zone)) return overlap();
      zones.set(zone, new Set(['*']));
    } else {
      if (!zones) {
        regions.set(region, new Map([[zone, new Set([subZone])]]));
        continue;
      }
      if (zones.has('*')) return overlap();
      const subZones = zones.get(zone);
      if (!subZones) {
        zones.set(zone, new Set([subZone]));
        continue;
      }
      if (subZones.has('*') || subZones.has(subZone)) return overlap();
      subZones.add(subZone);
    }
  }
}

/** Go's `strings.SplitN`: at most `n` parts, the last one keeping the rest. */
function splitN(text: string, separator: string, n: number): string[] {
  const parts = text.split(separator);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}
