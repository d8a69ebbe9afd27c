import type { BundleModel, ModelEntry } from '../istio/model';
import { hostCovers } from '../istio/values';
import { isExportedTo } from '../istio/visibility';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** One destination a routing rule sends traffic to. */
export interface RouteTarget {
  host: string;
  port: number | undefined;
  subset: string | undefined;
  /** The rule list it came from: `http`, `tls` or `tcp`. */
  protocol: 'http' | 'tls' | 'tcp';
  timeout: string | undefined;
  retries: number | undefined;
  /** The VirtualService that routes it. */
  via: ModelEntry;
}

/** The `ns/name` references (and `mesh`) a VirtualService is bound to; none listed means `mesh`. */
export function boundGateways(vs: ModelEntry): string[] {
  const listed = arr(vs.spec['gateways']).flatMap((g) => (typeof g === 'string' ? [g] : []));
  if (listed.length === 0) return ['mesh'];
  return listed.map((g) => qualifyGateway(g, vs.namespace));
}

/** Resolves a gateway reference the way Istio does: short names live in the referring namespace. */
export function qualifyGateway(reference: string, namespace: string): string {
  if (reference === 'mesh' || reference.includes('/')) return reference;
  const legacy = /^([^.]+)\.([^.]+)\.svc\.cluster\.local$/.exec(reference);
  return legacy ? `${legacy[2]}/${legacy[1]}` : `${namespace}/${reference}`;
}

/**
 * The mesh-bound VirtualService a sidecar in `namespace` applies for `host`: visible through
 * exportTo, and (sidecars do not merge) the first one, preferring the caller's own namespace.
 */
export function meshVirtualServiceFor(
  model: BundleModel,
  host: string,
  namespace: string,
): ModelEntry | undefined {
  const candidates = model.virtualServices.filter(
    (vs) =>
      boundGateways(vs).includes('mesh') &&
      isExportedTo(vs.spec['exportTo'], vs.namespace, namespace) &&
      arr(vs.spec['hosts']).some((h) => typeof h === 'string' && hostCovers(h, host)),
  );
  return candidates.find((vs) => vs.namespace === namespace) ?? candidates[0];
}

/**
 * Destinations of the rules of `vs` that apply at `gateway` (`mesh` for sidecars, or `ns/name`):
 * a rule applies when none of its matches names gateways, or one names this gateway.
 */
export function routesAt(vs: ModelEntry, gateway: string): RouteTarget[] {
  const bound = boundGateways(vs);
  if (!bound.includes(gateway)) return [];
  const out: RouteTarget[] = [];
  for (const protocol of ['http', 'tls', 'tcp'] as const) {
    for (const rule of arr(vs.spec[protocol]).map(obj)) {
      if (!rule || !ruleAppliesAt(rule, gateway, vs.namespace)) continue;
      const retries = obj(rule['retries']);
      for (const route of arr(rule['route']).map(obj)) {
        const destination = obj(route?.['destination']);
        const host = str(destination?.['host']);
        if (!host) continue;
        const number = obj(destination?.['port'])?.['number'];
        out.push({
          host,
          port: typeof number === 'number' ? number : undefined,
          subset: str(destination?.['subset']),
          protocol,
          timeout: protocol === 'http' ? str(rule['timeout']) : undefined,
          retries: typeof retries?.['attempts'] === 'number' ? retries['attempts'] : undefined,
          via: vs,
        });
      }
    }
  }
  return out;
}

function ruleAppliesAt(rule: Obj, gateway: string, namespace: string): boolean {
  const matches = arr(rule['match']).map(obj);
  if (matches.length === 0) return true;
  return matches.some((m) => {
    const gateways = arr(m?.['gateways']).flatMap((g) =>
      typeof g === 'string' ? [qualifyGateway(g, namespace)] : [],
    );
    return gateways.length === 0 || gateways.includes(gateway);
  });
}
