import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { analyzeBundle } from '../analysis/analyze';
import { appendObject, editResource, parseBundle, removeResource } from '../bundle';
import { deriveGraph } from '../graph';
import { planDirectRoute, planEgressGatewayRoute, type DesignChange } from './gateway-route';

const sample = readFileSync(join(import.meta.dirname, '../../templates/sample-payments.yaml'), 'utf8');

function apply(text: string, change: DesignChange): string {
  for (const { resourceId, edit } of change.edits) {
    const result = editResource(parseBundle(text), resourceId, edit);
    if (!result.ok) throw new Error(result.error);
    text = result.text;
  }
  for (const id of change.removals ?? []) {
    const result = removeResource(parseBundle(text), id);
    if (!result.ok) throw new Error(result.error);
    text = result.text;
  }
  return change.objects.reduce<string>((all, o) => appendObject(all, o), text);
}

const edgesInto = (text: string, host: string) =>
  deriveGraph(parseBundle(text))
    .edges.filter((e) => e.target === `external:${host}` || e.target.startsWith('egress-gateway:'))
    .map((e) => `${e.source} -> ${e.target} ${e.kind}`);

describe('routing an external service through the egress gateway', () => {
  it('works on a design that already routes and scopes the host: the gateway sees it, the clients go there', () => {
    const target = { host: 'api.payment-gateway.com', protocol: 'HTTP' as const, port: 80 };
    const before = edgesInto(sample, target.host);
    expect(before).toContain('sidecar:orders -> external:api.payment-gateway.com direct');
    const change = planEgressGatewayRoute(parseBundle(sample), target);
    // The ServiceEntry is exported to the gateway's namespace; the clients' VirtualService goes there.
    expect(change.edits.map((e) => [e.resourceId, e.edit.path.join('.')])).toEqual([
      ['ServiceEntry/payments/payment-gateway', 'spec.exportTo'],
      ['VirtualService/payments/payment-gateway', 'spec.http.0.route.0.destination'],
      ['VirtualService/payments/payment-gateway', 'spec.http.1.route.0.destination'],
    ]);
    const after = apply(sample, change);
    const edges = edgesInto(after, target.host);
    expect(edges).toContain('sidecar:orders -> egress-gateway:istio-egressgateway to-gateway');
    expect(edges).toContain('sidecar:payments -> egress-gateway:istio-egressgateway to-gateway');
    expect(edges).toContain(
      'egress-gateway:istio-egressgateway -> external:api.payment-gateway.com via-gateway',
    );
    expect(edges.filter((e) => e.endsWith(' direct') || e.endsWith(' blocked'))).toEqual([]);
    expect(analyzeBundle(parseBundle(after)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('adds only the new resources when nothing in the design stands in the way', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: cnn, namespace: news}
spec:
  hosts: [edition.cnn.com]
  ports: [{number: 80, name: http, protocol: HTTP}]
  resolution: DNS
`;
    const change = planEgressGatewayRoute(parseBundle(text), {
      host: 'edition.cnn.com',
      protocol: 'HTTP',
      port: 80,
    });
    expect(change.edits).toEqual([]);
    expect(change.objects.map((o) => o.kind)).toEqual(['Gateway', 'DestinationRule', 'VirtualService']);
    expect(edgesInto(apply(text, change), 'edition.cnn.com')).toEqual([
      'sidecar:news -> egress-gateway:istio-egressgateway to-gateway',
      'egress-gateway:istio-egressgateway -> external:edition.cnn.com via-gateway',
    ]);
  });

  it('is undone by the direct route: what it added goes, the clients call the host again', () => {
    const target = { host: 'api.payment-gateway.com', protocol: 'HTTP' as const, port: 80 };
    expect(planDirectRoute(parseBundle(sample), target)).toEqual({ edits: [], objects: [] });
    const routed = apply(sample, planEgressGatewayRoute(parseBundle(sample), target));
    const back = planDirectRoute(parseBundle(routed), target);
    expect(back.removals).toEqual([
      'Gateway/istio-system/egress-api-payment-gateway-com',
      'DestinationRule/istio-system/egressgateway-for-api-payment-gateway-com',
      'VirtualService/istio-system/api-payment-gateway-com-via-egress',
    ]);
    expect(apply(routed, back)).toBe(sample);
  });

  it('takes a TLS service back to direct, where only the new resources were added', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: github
  namespace: dev
spec:
  hosts:
    - api.github.com
  ports:
    - number: 443
      name: tls
      protocol: TLS
  resolution: DNS
`;
    const target = { host: 'api.github.com', protocol: 'TLS' as const, port: 443 };
    const routed = apply(text, planEgressGatewayRoute(parseBundle(text), target));
    expect(edgesInto(routed, target.host)).toContain(
      'sidecar:dev -> egress-gateway:istio-egressgateway to-gateway',
    );
    const back = apply(routed, planDirectRoute(parseBundle(routed), target));
    expect(back).toBe(text);
    expect(edgesInto(back, target.host)).toEqual(['sidecar:dev -> external:api.github.com direct']);
  });
});
