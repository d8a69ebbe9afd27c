import type { BundleModel, ModelEntry } from '../istio/model';
import { isMeshBound, isVisibleTo, rulesOf, virtualServicesForHost } from '../istio/visibility';

/** One destination a routing rule sends traffic to, with the rule's timeout and retries. */
export interface RouteTarget {
  host: string;
  port: number | undefined;
  subset: string | undefined;
  /** The rule list it came from: `http`, `tls` or `tcp`. */
  protocol: 'http' | 'tls' | 'tcp';
  timeout: string | undefined;
  retries: number | undefined;
}

/**
 * The mesh-bound VirtualService a sidecar in `namespace` applies for `host`: visible through
 * exportTo and, since sidecars do not merge VirtualServices, the first one, own namespace first.
 */
export function meshVirtualServiceFor(
  model: BundleModel,
  host: string,
  namespace: string,
): ModelEntry | undefined {
  const candidates = virtualServicesForHost(model, host, namespace).filter(
    (vs) => isMeshBound(vs) && isVisibleTo(vs, namespace),
  );
  return candidates.find((vs) => vs.namespace === namespace) ?? candidates[0];
}

/** Where the rules of `vs` that apply at `gateway` (`mesh` for sidecars, or `ns/name`) send traffic (mirrors excluded). */
export function routesAt(vs: ModelEntry, gateway: string): RouteTarget[] {
  return rulesOf(vs)
    .filter((rule) => rule.gateways.has(gateway))
    .flatMap((rule) => {
      const timeout =
        rule.kind === 'http' && typeof rule.rule['timeout'] === 'string' ? rule.rule['timeout'] : undefined;
      const retries = rule.rule['retries'] as { attempts?: unknown } | undefined;
      return rule.destinations
        .filter((d) => !d.mirror)
        .map((d) => ({
          host: d.host,
          port: d.port,
          subset: d.subset,
          protocol: rule.kind,
          timeout,
          retries: typeof retries?.attempts === 'number' ? retries.attempts : undefined,
        }));
    });
}
