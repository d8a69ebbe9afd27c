import { isIP, validateWildcardDomain } from '../../istio/values';

/** A `namespace/dnsName` host split at its first slash; `namespace` is undefined when there is none. */
export interface NamespacedHost {
  namespace: string | undefined;
  dnsName: string;
}

/** Splits a Gateway or Sidecar host at the first `/`, as Istio does. */
export function splitNamespacedHost(host: string): NamespacedHost {
  const slash = host.indexOf('/');
  return slash === -1
    ? { namespace: undefined, dnsName: host }
    : { namespace: host.slice(0, slash), dnsName: host.slice(slash + 1) };
}

/**
 * Istio's check of the dnsName part of a Gateway or Sidecar host: `*`, a dotted FQDN or `*.suffix`
 * (Gateways also take IPs). Returns every message the webhook would print, in its order.
 */
export function dnsNameProblems(dnsName: string, isGateway: boolean): string[] {
  const problems: string[] = [];
  if (dnsName !== '*' && !dnsName.includes('.')) problems.push('short names (non FQDN) are not allowed');
  const domain = validateWildcardDomain(dnsName);
  if (domain && !(isGateway && isIP(dnsName))) problems.push(domain);
  if (dnsName.includes('*') && dnsName.length !== 1 && !dnsName.startsWith('*.')) {
    problems.push(`partial wildcard "${dnsName}" not allowed`);
  }
  return problems;
}
