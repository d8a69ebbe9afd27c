import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';

import { analyzeBundle } from '../analysis/analyze';
import { parseBundle } from '../bundle';
import { deriveGraph } from '../graph';
import {
  createDestinationRule,
  createEgressGatewayRoute,
  createMeshConfig,
  createNamespace,
  createServiceEntry,
  createSidecar,
  createVirtualService,
  defaultPort,
  type KubernetesObject,
} from './factories';
import { NETWORKING_VERSIONS } from './kinds';

const toBundle = (objects: KubernetesObject[]) => objects.map((o) => stringify(o)).join('---\n');
const findings = (objects: KubernetesObject[]) =>
  analyzeBundle(parseBundle(toBundle(objects))).map(
    (d) => `${d.severity} ${d.code} ${d.resource ?? ''} ${d.message}`,
  );

describe.each(NETWORKING_VERSIONS)('factories at %s', (version) => {
  it('create resources the cluster accepts, with no warnings', () => {
    const objects = [
      createNamespace('shop'),
      createMeshConfig('REGISTRY_ONLY'),
      createServiceEntry({
        name: 'github',
        namespace: 'shop',
        version,
        hosts: ['api.github.com'],
        ports: [defaultPort('HTTPS')],
        owner: 'platform',
      }),
      createDestinationRule({
        name: 'github',
        namespace: 'shop',
        version,
        host: 'api.github.com',
        trafficPolicy: { connectionPool: { tcp: { maxConnections: 100 } } },
      }),
      createVirtualService({
        name: 'github',
        namespace: 'shop',
        version,
        host: 'api.github.com',
        port: 443,
        protocol: 'TLS',
      }),
      createSidecar({ name: 'default', namespace: 'shop', version }),
    ];
    expect(findings(objects).filter((f) => !f.startsWith('info'))).toEqual([]);
  });

  it.each(['HTTP', 'TLS'] as const)(
    'create a %s egress gateway route that works as the two-hop pattern',
    (protocol) => {
      const port = protocol === 'HTTP' ? 80 : 443;
      const objects = [
        createServiceEntry({
          name: 'cnn',
          namespace: 'app',
          version,
          hosts: ['edition.cnn.com'],
          ports: [defaultPort(protocol === 'HTTP' ? 'HTTP' : 'TLS', port)],
          owner: 'news',
        }),
        ...createEgressGatewayRoute({ host: 'edition.cnn.com', protocol, port, version }),
      ];
      expect(findings(objects).filter((f) => !f.startsWith('info'))).toEqual([]);
      const graph = deriveGraph(parseBundle(toBundle(objects)));
      expect(graph.edges.filter((e) => e.target === 'external:edition.cnn.com').map((e) => e.kind)).toEqual([
        'via-gateway',
      ]);
      expect(graph.edges.some((e) => e.source === 'sidecar:app' && e.kind === 'to-gateway')).toBe(true);
    },
  );
});

it('leaves empty policy blocks out instead of writing {} (Istio refuses them)', () => {
  const dr = createDestinationRule({
    name: 'x',
    namespace: 'a',
    host: 'x.example.com',
    trafficPolicy: {},
    subsets: [],
  });
  expect(dr['spec']).toEqual({ host: 'x.example.com' });
});
