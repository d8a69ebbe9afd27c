/** Kubernetes service names among Istio hosts: cluster-local names, their full form and the egress gateway. */
import { isWildcardHost } from './values';

/** True for hosts that name in-cluster Kubernetes services rather than external ones. */
export function isClusterLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h.endsWith('.svc.cluster.local') || h.endsWith('.svc') || !h.includes('.');
}

/**
 * A Kubernetes service name in its full form (`svc` and `svc.ns.svc` → `svc.ns.svc.cluster.local`),
 * with short names taken relative to `namespace`; other hosts unchanged.
 */
export function qualifyHost(host: string, namespace: string): string {
  if (!isClusterLocalHost(host) || isWildcardHost(host)) return host;
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h.includes('.')) return `${h}.${namespace}.svc.cluster.local`;
  return h.endsWith('.svc') ? `${h}.cluster.local` : h;
}

/**
 * Whether `host` names another service from each namespace: a short Kubernetes name, qualified by
 * the namespace of whoever asks.
 */
export function isNamespaceRelative(host: string): boolean {
  return qualifyHost(host, 'a') !== qualifyHost(host, 'b');
}

/** The namespace a Kubernetes service name lives in: `svc.ns.svc...` → ns; a short name → `fallback`. */
export function namespaceOfClusterHost(host: string, fallback: string): string {
  const labels = host.split('.');
  return labels.length >= 2 ? labels[1]! : fallback;
}

/** True for the egress gateway's Kubernetes Service (`istio-egressgateway.istio-system.svc...`). */
export function isEgressGatewayHost(host: string): boolean {
  const h = host.toLowerCase();
  return isClusterLocalHost(h) && /egress-?gateway/.test(h.split('.')[0]!);
}
