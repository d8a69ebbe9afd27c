/**
 * Deprecated fields that istioctl analyze reports (IST0002), as its deprecation analyzer lists
 * them for our kinds (pkg/config/analysis/analyzers/deprecation/deprecation.go): a VirtualService
 * fault delay given as an integer `percent`, and a Sidecar `egressProxy`. Istio lists nothing for
 * the mesh config there.
 */
import { has, num, record, records } from '../../istio/read';
import type { ResourceRule, RuleContext } from '../types';

function checkFaultPercent({ resource, report }: RuleContext): void {
  for (const [rule, i] of records(resource.spec['http'])) {
    const delay = record(record(rule['fault'])?.['delay']);
    const percent = num(delay?.['percent']);
    if (percent === undefined || percent <= 0) continue;
    const effect = has(delay, 'percentage')
      ? 'Istio ignores it, since percentage is set; remove it'
      : `Istio still applies it while percentage is unset; write percentage: {value: ${percent}} instead`;
    report(
      'DEPRECATED',
      ['spec', 'http', i, 'fault', 'delay', 'percent'],
      `fault.delay.percent is deprecated (istioctl: use HTTPRoute.fault.delay.percentage): ${effect}`,
      { target: 'key' },
    );
  }
}

function checkEgressProxy({ resource, report }: RuleContext): void {
  if (!has(record(resource.spec['outboundTrafficPolicy']), 'egressProxy')) return;
  report(
    'DEPRECATED',
    ['spec', 'outboundTrafficPolicy', 'egressProxy'],
    'egressProxy is deprecated and istioctl analyze reports it as ignored; Istio 1.30 still sends the ALLOW_ANY catch-all to it, with no routing, policy or TLS. Register the proxy with a ServiceEntry instead',
    { target: 'key' },
  );
}

/** Deprecated fields of VirtualService and Sidecar. */
export const deprecationRules: ResourceRule[] = [
  { kinds: ['VirtualService'], check: checkFaultPercent },
  { kinds: ['Sidecar'], check: checkEgressProxy },
];
