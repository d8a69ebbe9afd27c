import type { CodeInfo } from '../types';

function practice(code: string, title: string, explanation: string, fix: string): CodeInfo {
  return { code, title, severity: 'info', layer: 'practice', explanation, fix };
}

/** Best-practice advice from the seed document and the Istio egress tasks (never errors). */
export const practiceCodes: CodeInfo[] = [
  practice(
    'BP-NO-TIMEOUT',
    'External call without a timeout',
    'Istio sets no route timeout by default, so a slow external service holds callers for as long as it likes.',
    'Set timeout on the route (for example timeout: 10s), and consider retries.',
  ),
  practice(
    'BP-NO-OWNER',
    'ServiceEntry without an owner',
    'Every opening to the outside should have someone accountable for it; an owner or team annotation says who.',
    'Add an annotation such as owner: payments-team or example.com/team: payments.',
  ),
  practice(
    'BP-ALLOW-ANY',
    'Mesh lets unknown hosts out (ALLOW_ANY)',
    'With ALLOW_ANY, traffic to hosts no ServiceEntry registers leaves through PassthroughCluster with no routing, policy or TLS control.',
    'Set outboundTrafficPolicy.mode: REGISTRY_ONLY and register each external host with a ServiceEntry.',
  ),
  practice(
    'BP-DNS-NOT-NONE',
    'HTTP ServiceEntry with NONE resolution',
    'With NONE the sidecar forwards to whatever IP the client connected to and trusts the Host header, so a client can reach any server by sending an allowed Host.',
    'Use resolution: DNS for a concrete host name, so Envoy resolves the name itself.',
  ),
];
