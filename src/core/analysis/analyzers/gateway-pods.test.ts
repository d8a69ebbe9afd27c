import { bundle, deployment, doc, markedCase, pod, service } from '../../../../test/support/fixtures';
import { ruleTable } from '../../../../test/support/rule-table';

const at = (name: string, yaml: string, message?: string) => markedCase('warning', name, yaml, message);

/** A TLS pass-through Gateway; `#!` after the selector or a port marks that line. */
const gateway = (ref: string, selector: string, ...ports: string[]) =>
  doc(
    'Gateway',
    ref,
    `selector: ${selector}`,
    'servers:',
    ...(ports.length ? ports : ['443']).flatMap((port, i) => [
      `- port: {number: ${port.replace(' #!', '')}, name: tls-${i}, protocol: TLS} ${port.includes('#!') ? '#!' : ''}`,
      `  hosts: [api${i}.example.com]`,
      '  tls: {mode: PASSTHROUGH}',
    ]),
  );

ruleTable('SELECTOR-NO-PODS', [
  at(
    'the design holds the pods of the gateway namespace and none matches',
    bundle(
      deployment('egress/egress-gw', 'app=egress-gw'),
      gateway('egress/egress-gw', '{app: egres-gw} #!'),
    ),
    'no pod has the labels app=egres-gw',
  ),
  at('a design without pods says nothing about them', gateway('egress/egress-gw', '{app: egres-gw}')),
  at(
    'pods shown only where the gateway does not run',
    bundle(deployment('app/curl', 'app=curl'), gateway('egress/egress-gw', '{app: egres-gw}')),
  ),
  at(
    "Istio's egress gateway counts as installed",
    bundle(deployment('app/curl', 'app=curl'), gateway('app/egress', '{istio: egressgateway}')),
  ),
  at(
    "istio-system's workloads shown without the egress gateway",
    bundle(
      deployment('istio-system/istiod', 'app=istiod'),
      gateway('istio-system/egress', '{istio: egressgateway} #!'),
    ),
  ),
  at(
    'a matching pod in another namespace than the Gateway resource',
    bundle(
      deployment('gateways/egress-gw', 'app=egress-gw'),
      deployment('app/curl', 'app=curl'),
      gateway('app/egress-gw', '{app: egress-gw}'),
    ),
  ),
  at(
    'a bare Pod matches as a Deployment does',
    bundle(pod('egress/gw-0', 'app=egress-gw'), gateway('egress/egress-gw', '{app: egress-gw}')),
  ),
  at(
    'several labels: the selector map is pointed at',
    bundle(
      deployment('egress/egress-gw', 'app=egress-gw,tier=egress'),
      gateway('egress/egress-gw', '{app: egress-gw, tier: egres} #!'),
    ),
    'app=egress-gw,tier=egres',
  ),
]);

const gwDeployment = deployment('egress/egress-gw', 'app=egress-gw');
const gwService = (...ports: string[]) => service('egress/egress-gw', 'app=egress-gw', ...ports);
const defaultPorts = [
  '{name: http2, port: 80, targetPort: 8080}',
  '{name: https, port: 443, targetPort: 8443}',
];

ruleTable('GATEWAY-PORT-NOT-ON-SERVICE', [
  at(
    'a server port the Service does not expose',
    bundle(
      gwDeployment,
      gwService(...defaultPorts),
      gateway('egress/egress-gw', '{app: egress-gw}', '8443', '9443 #!'),
    ),
    'Service/egress/egress-gw exposes 80→8080, 443→8443, and 9443 is neither a port nor a targetPort there',
  ),
  at(
    'the Service port itself counts, as istioctl lets it',
    bundle(gwDeployment, gwService(...defaultPorts), gateway('egress/egress-gw', '{app: egress-gw}', '443')),
  ),
  at(
    'a named targetPort: the Service port stands for it',
    bundle(
      gwDeployment,
      gwService('{name: https, port: 443, targetPort: https}'),
      gateway('egress/egress-gw', '{app: egress-gw}', '443', '8443 #!'),
    ),
  ),
  at(
    'a numeric string targetPort counts as the number',
    bundle(
      gwDeployment,
      gwService('{name: https, port: 443, targetPort: "8443"}'),
      gateway('egress/egress-gw', '{app: egress-gw}', '8443'),
    ),
  ),
  at(
    'UDP ports expose nothing to a gateway server',
    bundle(
      gwDeployment,
      gwService('{name: udp-dns, port: 5353, protocol: UDP}', '{name: https, port: 443}'),
      gateway('egress/egress-gw', '{app: egress-gw}', '5353 #!'),
    ),
  ),
  at(
    'the design holds no Service of the gateway namespace',
    bundle(gwDeployment, gateway('egress/egress-gw', '{app: egress-gw}', '9443')),
  ),
  at(
    'no Service of the namespace selects the gateway pods',
    bundle(
      gwDeployment,
      service('egress/other', 'app=other', '{name: https, port: 443}'),
      gateway('egress/egress-gw', '{app: egress-gw}', '443 #!'),
    ),
    'no Service in the design selects the gateway pods (app=egress-gw)',
  ),
  at(
    "the Service of Istio's installed egress gateway, without its pods",
    bundle(
      service(
        'istio-system/istio-egressgateway',
        'app=istio-egressgateway,istio=egressgateway',
        ...defaultPorts,
      ),
      gateway('istio-system/egress', '{istio: egressgateway}', '443', '9443 #!'),
    ),
    'Service/istio-system/istio-egressgateway exposes',
  ),
  at(
    'a Gateway that selects no pod gets that finding instead',
    bundle(gwDeployment, gwService(...defaultPorts), gateway('egress/egress-gw', '{app: egres-gw}', '9443')),
  ),
]);
