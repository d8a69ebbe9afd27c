import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { doc } from '../../../test/support/fixtures';
import { createDeriver } from '../derivation';
import { gatewayProxies } from './gateway-proxies';
import { buildModel } from './model';

const scenario = readFileSync(
  join(import.meta.dirname, '../../templates/scenarios/egress-gateway-http.yaml'),
  'utf8',
);
const other = `---\n${doc('ServiceEntry', 'news/other', 'hosts: [other.example.com]', 'ports: [{number: 443, name: tls, protocol: TLS}]')}`;

/** The gateway deployments a deriver's model of `text` finds, after the edits before it. */
function proxiesAfter(derive: ReturnType<typeof createDeriver>, text: string) {
  return gatewayProxies(buildModel(derive(text).bundle));
}

describe('values derived from the indexes, across edits', () => {
  it('are kept when an edit touches nothing they read', () => {
    const derive = createDeriver();
    const before = proxiesAfter(derive, scenario + other);
    expect(before.map((p) => p.id)).toEqual(['egress-gateway:istio-egressgateway']);
    // The other host's port: nothing the gateway deployments are found from.
    const after = proxiesAfter(derive, scenario + other.replace('443', '8443'));
    expect(after).toBe(before);
  });

  it('are worked out again when an edit touches what they read', () => {
    const derive = createDeriver();
    const before = proxiesAfter(derive, scenario + other);
    // The Gateway (and the routes through it) gone: no deployment is configured any more.
    const withoutGateway = (scenario + other).replace(/kind: Gateway\n[\s\S]*?---\n/, '');
    expect(withoutGateway).not.toContain('kind: Gateway\n');
    const after = proxiesAfter(derive, withoutGateway);
    expect(after).not.toBe(before);
    expect(after).toEqual(gatewayProxies(buildModel(createDeriver()(withoutGateway).bundle)));
  });
});
