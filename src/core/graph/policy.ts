import { derivedPer } from '../istio/indexes';
import { destinationRulesOnLookupPath } from '../istio/visibility';
import type { BundleModel, ModelEntry } from '../istio/model';
import { list, record } from '../istio/read';
import { ROOT_NAMESPACE } from '../istio/kinds';
import type { TlsBehaviour } from './types';

/**
 * The DestinationRule a proxy in `proxyNamespace` uses for `host` (ISTIO.md §4.7): its own
 * namespace first, then the service's namespace, then the root namespace; within a namespace the
 * most specific host wins.
 */
export function destinationRuleFor(
  model: BundleModel,
  host: string,
  proxyNamespace: string,
  serviceNamespace: string | undefined,
): ModelEntry | undefined {
  // Once per question: every route to a host through one proxy namespace asks the same one.
  return derivedPer(model, 'dr-for', [host, proxyNamespace, serviceNamespace], () => {
    // A DR with a workloadSelector applies to the pods it selects; the graph draws them as the namespace's.
    const candidates = destinationRulesOnLookupPath(model, host, proxyNamespace);
    for (const namespace of [proxyNamespace, serviceNamespace, ROOT_NAMESPACE]) {
      // The longest host in the namespace; the first of equals, in bundle order.
      let best: ModelEntry | undefined;
      for (const dr of candidates) {
        if (dr.namespace !== namespace) continue;
        if (!best || String(dr.spec['host']).length > String(best.spec['host']).length) best = dr;
      }
      if (best) return best;
    }
    return undefined;
  });
}

/** The traffic policy that applies to a port (and subset) of a DestinationRule, after port-level replacement. */
export function policyFor(
  dr: ModelEntry | undefined,
  port: number | undefined,
  subset?: string,
): Record<string, unknown> | undefined {
  if (!dr) return undefined;
  const top = record(dr.spec['trafficPolicy']);
  const subsetPolicy = subset
    ? record(
        list(dr.spec['subsets'])
          .map(record)
          .find((s) => s?.['name'] === subset)?.['trafficPolicy'],
      )
    : undefined;
  for (const policy of [subsetPolicy, top]) {
    const portLevel = list(policy?.['portLevelSettings'])
      .map(record)
      .find((p) => record(p?.['port'])?.['number'] === port);
    if (portLevel) return portLevel;
    if (policy === subsetPolicy && subsetPolicy?.['tls']) return subsetPolicy;
  }
  return top;
}

/**
 * How TLS is handled towards a destination, given the service port's protocol family and the
 * applicable DR policy. A Secret credentialName is ignored at sidecars unless the DR selects
 * workloads, so no origination happens there (ISTIO.md §4.4).
 */
export function tlsBehaviour(
  family: string,
  policy: Record<string, unknown> | undefined,
  dr: ModelEntry | undefined,
  atGateway: boolean,
): TlsBehaviour {
  const tls = record(policy?.['tls']);
  const mode = typeof tls?.['mode'] === 'string' ? tls['mode'] : 'DISABLE';
  const credential = typeof tls?.['credentialName'] === 'string' ? tls['credentialName'] : '';
  const ignoredCredential =
    !atGateway &&
    credential !== '' &&
    !credential.startsWith('configmap://') &&
    !dr?.spec['workloadSelector'];
  if (ignoredCredential) return family === 'tls' ? 'pass-through' : family === 'http' ? 'plaintext' : 'none';
  if (mode === 'ISTIO_MUTUAL') return 'istio-mutual';
  // On a TLS port the app already encrypts: originating again nests TLS in TLS (ISTIO.md §4.4).
  if (mode === 'SIMPLE' || mode === 'MUTUAL')
    return family === 'tls' ? 'double' : mode === 'SIMPLE' ? 'origination' : 'mutual';
  if (family === 'tls') return 'pass-through';
  return family === 'http' ? 'plaintext' : 'none';
}

/** True when the policy sets outlier detection (the circuit breaker). */
export function hasCircuitBreaker(policy: Record<string, unknown> | undefined): boolean {
  return record(policy?.['outlierDetection']) !== undefined;
}
