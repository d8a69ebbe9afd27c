/**
 * Which VirtualService rules apply to traffic, as Envoy sees it (ISTIO.md §4.5, §4.7): a sidecar
 * takes the first visible mesh VirtualService for a host, and on each port only the rules of the
 * port's kind (http rules where Envoy reads HTTP, tls rules where it reads the SNI, tcp rules for
 * bytes) whose matches allow that port. The graph draws these routes and the simulator walks them.
 */
import type { BundleModel, ModelEntry } from './model';
import type { IstioVersion } from './releases';
import { sidecarImportsVirtualService } from './sidecar-scope';
import { isMeshBound, rulesOf, type RouteRule } from './routes';
import type { ProtocolFamily } from './values';
import { exportIndexOf } from './export-index';
import { virtualServicesForHost } from './visibility';

/** One destination a routing rule sends traffic to, with the rule's timeout and retries. */
export interface RouteTarget {
  host: string;
  /** The destination port the rule names, if any. */
  port: number | undefined;
  subset: string | undefined;
  /** The rule list it came from: `http`, `tls` or `tcp`. */
  protocol: 'http' | 'tls' | 'tcp';
  timeout: string | undefined;
  retries: number | undefined;
  /** The rule it came from. */
  rule: RouteRule;
  /** The VirtualService it came from, as `Kind/namespace/name`. */
  route: string;
}

/**
 * The mesh-bound VirtualService a sidecar in `namespace` applies for `host`: visible through
 * exportTo and imported by the namespace's Sidecar, and, since sidecars do not merge
 * VirtualServices, the first one, own namespace first.
 */
export function meshVirtualServiceFor(
  model: BundleModel,
  host: string,
  namespace: string,
  release: IstioVersion,
): ModelEntry | undefined {
  // Those exported to the namespace, picked from an index rather than asked one by one: every
  // namespace asks about a popular host.
  const visible = exportIndexOf(virtualServicesForHost(model, host, namespace), (vs) => vs).visibleTo(
    namespace,
  );
  const candidates = visible.filter(
    (vs) => isMeshBound(vs) && sidecarImportsVirtualService(model, namespace, vs, release),
  );
  return candidates.find((vs) => vs.namespace === namespace) ?? candidates[0];
}

// The rule lists Envoy consults for a port of each family: http where it reads HTTP, tls then tcp
// where it reads the SNI, tcp for bytes; a port whose protocol is sniffed may be either.
const RULE_KINDS: Record<ProtocolFamily, readonly RouteRule['kind'][]> = {
  http: ['http'],
  tls: ['tls', 'tcp'],
  tcp: ['tcp'],
  udp: [],
  unknown: ['http', 'tcp'],
};

/**
 * Where the rules of `vs` that apply at `gateway` (`mesh` for sidecars, or `ns/name`) send
 * traffic (mirrors excluded). With a `port` and its `family`, only the rules Envoy would consult
 * for traffic on that port.
 */
export function routesAt(
  vs: ModelEntry,
  gateway: string,
  port?: number,
  family?: ProtocolFamily,
): RouteTarget[] {
  const kinds = family ? RULE_KINDS[family] : undefined;
  return rulesOf(vs)
    .filter(
      (rule) =>
        (!kinds || kinds.includes(rule.kind)) &&
        rule.matches.some(
          (m) =>
            m.gateways.includes(gateway) && (port === undefined || m.port === undefined || m.port === port),
        ),
    )
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
          rule,
          route: vs.ref,
        }));
    });
}
