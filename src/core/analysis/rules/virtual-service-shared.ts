/** Helpers shared by the VirtualService rule files. */
import type { PathSegment } from '../../bundle';
import { list, record, records, strings } from '../../istio/read';

/** A field path relative to the resource. */
export type Path = PathSegment[];

/** The three route sections of a VirtualService, in the order Istio validates them. */
export const ROUTE_SECTIONS = ['http', 'tls', 'tcp'] as const;

/** One of {@link ROUTE_SECTIONS}. */
export type RouteSection = (typeof ROUTE_SECTIONS)[number];

/** Go's `%q` for the plain strings these messages quote. */
export function goQuote(value: string): string {
  return JSON.stringify(value);
}

/** Go's `%v` for a string slice: `[a b]`. */
export function goList(values: readonly string[]): string {
  return `[${values.join(' ')}]`;
}

/** Istio's `ValidatePort` message, or undefined for 1..65535. */
export function portProblem(port: number): string | undefined {
  return port >= 1 && port <= 65535 ? undefined : `port number ${port} must be in the range 1..65535`;
}

/** The string entries of `spec.gateways`. */
export function gatewaysOf(spec: Record<string, unknown>): string[] {
  return strings(spec['gateways']).map(([g]) => g);
}

/**
 * True when the VirtualService binds only to Gateways: `gateways` is non-empty and lacks `mesh`
 * (Istio's `isGateway` after its empty-list check).
 */
export function appliesToGatewayOnly(spec: Record<string, unknown>): boolean {
  const gateways = list(spec['gateways']);
  return gateways.length > 0 && !gateways.includes('mesh');
}

/** A VirtualService without hosts is a delegate. */
export function isDelegate(spec: Record<string, unknown>): boolean {
  return list(spec['hosts']).length === 0;
}

/** Rules of a route section, each with its path. */
export function rulesOf(
  spec: Record<string, unknown>,
  section: RouteSection,
): [Record<string, unknown>, Path][] {
  return records(spec[section]).map(([rule, i]) => [rule, ['spec', section, i]]);
}

/** Match blocks of a rule, each with its path. */
export function matchesOf(rule: Record<string, unknown>, rulePath: Path): [Record<string, unknown>, Path][] {
  return records(rule['match']).map(([match, i]) => [match, [...rulePath, 'match', i]]);
}

/** Where a destination sits: a weighted route entry or a mirror. */
export type DestinationRole = 'route' | 'mirror';

/**
 * Every destination of the VirtualService with its path: the `route[]` entries of every section,
 * `http[].mirror` and `http[].mirrors[].destination`.
 */
export function destinationsOf(
  spec: Record<string, unknown>,
): [Record<string, unknown>, Path, DestinationRole][] {
  const out: [Record<string, unknown>, Path, DestinationRole][] = [];
  for (const section of ROUTE_SECTIONS) {
    for (const [rule, rulePath] of rulesOf(spec, section)) {
      for (const [entry, i] of records(rule['route'])) {
        const destination = record(entry['destination']);
        if (destination) out.push([destination, [...rulePath, 'route', i, 'destination'], 'route']);
      }
      if (section !== 'http') continue;
      const mirror = record(rule['mirror']);
      if (mirror) out.push([mirror, [...rulePath, 'mirror'], 'mirror']);
      for (const [entry, i] of records(rule['mirrors'])) {
        const destination = record(entry['destination']);
        if (destination) out.push([destination, [...rulePath, 'mirrors', i, 'destination'], 'mirror']);
      }
    }
  }
  return out;
}

/** Istio's `jwt.ToRoutingClaim(name).Match`: `@request.auth.claims.<c>` or `@request.auth.claims[<c>]`. */
export function isJwtClaimHeader(name: string): boolean {
  const prefix = '@request.auth.claims';
  if (!name.toLowerCase().startsWith(prefix)) return false;
  const rest = name.slice(prefix.length);
  return (
    (rest.startsWith('.') && rest.length > 1) ||
    (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2)
  );
}

/** Istio's `host.Name.SubsetOf`: every name `host` matches is also matched by `other` (case-sensitive). */
export function hostSubsetOf(host: string, other: string): boolean {
  const wildcard = host.startsWith('*');
  if (other.startsWith('*')) {
    if (wildcard) return host.length >= other.length && host.slice(1).endsWith(other.slice(1));
    return host.endsWith(other.slice(1));
  }
  return !wildcard && host === other;
}

/** Istio's `host.Name.Matches`: the two hosts (either may be a wildcard) share a name (case-sensitive). */
export function hostsMatch(a: string, b: string): boolean {
  const aWildcard = a.startsWith('*');
  const bWildcard = b.startsWith('*');
  if (aWildcard && bWildcard) {
    return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  }
  if (aWildcard) return b.endsWith(a.slice(1));
  if (bWildcard) return a.endsWith(b.slice(1));
  return a === b;
}

/** UTF-8 byte length, which is what Go's `len` measures on a string. */
export function byteLength(value: string): number {
  return new TextEncoder().encode(value).length;
}
