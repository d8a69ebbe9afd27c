/** How a VirtualService binds gateways and what its http, tls and tcp rules route where. */
import type { PathSegment } from '../bundle';
import type { ModelEntry } from './model';
import { num, record, records, str, strings } from './read';

/** The namespace and spec of a resource: all that routing needs. */
export type Scoped = Pick<ModelEntry, 'namespace' | 'spec'>;

/**
 * A VS `gateways` entry as `ns/name`, or `mesh`. Short names resolve to the VS namespace; the legacy
 * `name.ns.svc.cluster.local` form names `ns/name`.
 */
export function resolveGatewayRef(ref: string, namespace: string): string {
  if (ref === 'mesh' || ref.includes('/')) return ref;
  const [name, ns] = ref.split('.');
  return ns ? `${ns}/${name!}` : `${namespace}/${ref}`;
}

/** The gateways a VirtualService binds to, resolved; an empty list means `mesh` alone (a shared list). */
export function gatewaysOf(vs: Scoped): readonly string[] {
  return bindingOf(vs).gateways;
}

/** True when sidecars apply the VirtualService (no gateways, or `mesh` among them). */
export function isMeshBound(vs: Scoped): boolean {
  return bindingOf(vs).mesh;
}

// Read once per spec object: every lookup of a host asks each of its VirtualServices again.
const bindings = new WeakMap<object, { namespace: string; gateways: string[]; mesh: boolean }>();

function bindingOf(vs: Scoped): { gateways: string[]; mesh: boolean } {
  const cached = bindings.get(vs.spec);
  if (cached?.namespace === vs.namespace) return cached;
  const refs = strings(vs.spec['gateways']).map(([ref]) => resolveGatewayRef(ref, vs.namespace));
  const gateways = refs.length > 0 ? refs : ['mesh'];
  const binding = { namespace: vs.namespace, gateways, mesh: gateways.includes('mesh') };
  bindings.set(vs.spec, binding);
  return binding;
}

/** One `destination` of a route or mirror, with its path from the resource root. */
export interface RouteDestination {
  host: string;
  port: number | undefined;
  subset: string | undefined;
  path: PathSegment[];
  mirror: boolean;
}

/** One http, tls or tcp rule of a VirtualService and where it applies. */
export interface RouteRule {
  kind: 'http' | 'tls' | 'tcp';
  path: PathSegment[];
  rule: Record<string, unknown>;
  /** Per match (one entry with no port when the rule has none): the gateways it applies at, and its port. */
  matches: { gateways: string[]; port: number | undefined }[];
  /** Every gateway (or `mesh`) where some match of the rule applies. */
  gateways: Set<string>;
  destinations: RouteDestination[];
}

function destinationOf(value: unknown, path: PathSegment[], mirror: boolean): RouteDestination[] {
  const destination = record(value);
  const host = str(destination?.['host']);
  if (!destination || !host) return [];
  const port = num(record(destination['port'])?.['number']);
  return [{ host, port, subset: str(destination['subset']), path, mirror }];
}

/**
 * The rules of a VirtualService. A match's `gateways` narrows the VS gateways; a match without
 * them applies wherever the VS is bound. A match naming a gateway the VS is not bound to applies nowhere.
 * The result is cached per spec object and shared between callers: do not mutate it.
 */
export function rulesOf(vs: Scoped): RouteRule[] {
  const cached = rulesCache.get(vs.spec);
  if (cached?.namespace === vs.namespace) return cached.rules;
  const rules = readRules(vs);
  rulesCache.set(vs.spec, { namespace: vs.namespace, rules });
  return rules;
}

// Several analyzers walk the same rules; the spec object is stable while its document text is.
const rulesCache = new WeakMap<object, { namespace: string; rules: RouteRule[] }>();

function readRules(vs: Scoped): RouteRule[] {
  const bound = gatewaysOf(vs);
  const out: RouteRule[] = [];
  for (const kind of ['http', 'tls', 'tcp'] as const) {
    for (const [rule, i] of records(vs.spec[kind])) {
      const path: PathSegment[] = ['spec', kind, i];
      const matchList = records(rule['match']);
      const matches = (matchList.length > 0 ? matchList.map(([m]) => m) : [{}]).map((m) => {
        const named = strings(m['gateways']).map(([g]) => resolveGatewayRef(g, vs.namespace));
        return {
          gateways: named.length > 0 ? named.filter((g) => bound.includes(g)) : [...bound],
          port: num(m['port']),
        };
      });
      const destinations: RouteDestination[] = [];
      for (const [route, r] of records(rule['route'])) {
        destinations.push(
          ...destinationOf(route['destination'], [...path, 'route', r, 'destination'], false),
        );
      }
      destinations.push(...destinationOf(rule['mirror'], [...path, 'mirror'], true));
      for (const [mirror, m] of records(rule['mirrors'])) {
        destinations.push(
          ...destinationOf(mirror['destination'], [...path, 'mirrors', m, 'destination'], true),
        );
      }
      out.push({
        kind,
        path,
        rule,
        matches,
        gateways: new Set(matches.flatMap((m) => m.gateways)),
        destinations,
      });
    }
  }
  return out;
}
