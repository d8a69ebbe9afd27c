import { bundle, doc, markedCase, service } from '../../../../test/support/fixtures';
import { ruleTable } from '../../../../test/support/rule-table';

const at = (name: string, yaml: string, message?: string) => markedCase('warning', name, yaml, message);

/** A mesh VirtualService in `ref` with one route to `destination` (a trailing ` #!` marks the route line). */
const routeTo = (ref: string, destination: string, ...extra: string[]) => {
  const [value, mark] = destination.split(' #!');
  return doc(
    'VirtualService',
    ref,
    'hosts: [api]',
    ...extra,
    'http:',
    `- route: [{destination: ${value}}]${mark === undefined ? '' : ' #!'}`,
  );
};
const api = service('app/api', 'app=api', '{name: http, port: 8080}');
const twoPorts = service('app/api', 'app=api', '{name: http, port: 8080}', '{name: grpc, port: 9090}');
const hidden = (exportTo: string) =>
  api.replace(
    'namespace: app}',
    `namespace: app, annotations: {networking.istio.io/exportTo: "${exportTo}"}}`,
  );

ruleTable('REF-HOST', [
  at('a Service of the design', bundle(api, routeTo('app/api', '{host: api}'))),
  at(
    "the design holds the namespace's Services, not this one",
    bundle(api, routeTo('app/api', '{host: orders} #!')),
    'the design holds the Services of app (api), but not orders',
  ),
  at(
    'no Service of that namespace in the design',
    bundle(api, routeTo('app/api', '{host: orders.shop.svc.cluster.local}')),
  ),
  at(
    'an exportTo annotation hides it',
    bundle(hidden('.'), routeTo('web/api', '{host: api.app.svc.cluster.local} #!')),
    'its networking.istio.io/exportTo annotation hides Service/app/api from web',
  ),
  at(
    'exported to the namespace',
    bundle(hidden('web'), routeTo('web/api', '{host: api.app.svc.cluster.local}')),
  ),
  at(
    "the VirtualService's exportTo names where its routes apply",
    bundle(hidden('.'), routeTo('app/api', '{host: api} #!', 'exportTo: [web]')),
    'visible to namespace web',
  ),
  at(
    'an in-cluster ServiceEntry registers the name',
    bundle(
      api,
      doc(
        'ServiceEntry',
        'app/orders',
        'hosts: [orders.app.svc.cluster.local]',
        'location: MESH_INTERNAL',
        'ports: [{number: 80, name: http, protocol: HTTP}]',
        'resolution: DNS',
      ),
      routeTo('app/api', '{host: orders}'),
    ),
  ),
]);

ruleTable('REF-HOST-PORT', [
  at('a port of the Service', bundle(api, routeTo('app/api', '{host: api, port: {number: 8080}}'))),
  at(
    'a port the Service does not expose',
    bundle(api, routeTo('app/api', '{host: api, port: {number: 80}} #!')),
    'Service/app/api declares api on port 8080, not 80',
  ),
]);

ruleTable('PORT-REQUIRED', [
  at(
    'a Service with several ports',
    bundle(twoPorts, routeTo('app/api', '{host: api} #!')),
    '(8080, 9090) in Service/app/api',
  ),
  at('one port', bundle(api, routeTo('app/api', '{host: api}'))),
]);

ruleTable('DR-HOST-UNKNOWN', [
  at('a Service of the design', bundle(api, doc('DestinationRule', 'app/api', 'host: api'))),
  at(
    'a Service the design lacks',
    bundle(api, doc('DestinationRule', 'app/orders', 'host: orders.app.svc.cluster.local #!')),
    'the design holds the Services of app, but not orders',
  ),
  at(
    'no Service of that namespace in the design',
    bundle(api, doc('DestinationRule', 'app/x', 'host: x.other.svc.cluster.local')),
  ),
  at(
    'hidden by its exportTo annotation',
    bundle(hidden('.'), doc('DestinationRule', 'web/api', 'host: api.app.svc.cluster.local #!')),
    'hides Service/app/api from web',
  ),
]);
