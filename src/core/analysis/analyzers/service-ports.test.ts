import { kube, markedCase } from '../../../../test/support/fixtures';
import { ruleTable } from '../../../../test/support/rule-table';

/** A Service with one port given as flow-map contents (a trailing ` #!` marks it), and extra spec lines. */
const svc = (ref: string, port: string, ...spec: string[]) => {
  const mark = port.endsWith(' #!') ? ' #!' : '';
  return kube(
    'v1',
    'Service',
    ref,
    'spec:',
    ...spec.map((l) => `  ${l}`),
    `  ports: [{${port.replace(' #!', '')}}]${mark}`,
  );
};
const info = (name: string, yaml: string, message?: string) => markedCase('info', name, yaml, message);
const warn = (name: string, yaml: string, message?: string) => markedCase('warning', name, yaml, message);

ruleTable('SERVICE-PORT-NAME', [
  info(
    'a name that gives no protocol',
    svc('app/web', 'name: web, port: 8080 #!'),
    'port name web (port 8080)',
  ),
  info('an unnamed port', svc('app/web', 'port: 8080 #!'), 'an unnamed port'),
  info('a protocol prefix', svc('app/web', 'name: http-web, port: 8080')),
  info('a protocol in any case', svc('app/web', 'name: GRPC, port: 8080')),
  info('grpc-web before the dash rule', svc('app/web', 'name: grpc-web-ui, port: 8080')),
  info('appProtocol wins over the name', svc('app/web', 'name: web, appProtocol: http, port: 8080')),
  info('an appProtocol that gives none', svc('app/web', 'name: http, appProtocol: custom, port: 8080 #!')),
  info(
    "Kubernetes' own appProtocol names",
    svc('app/web', 'name: web, appProtocol: kubernetes.io/h2c, port: 8080'),
  ),
  info('UDP ports are not sniffed', svc('app/dns', 'name: dns, port: 5353, protocol: UDP')),
  info('a well-known port is TCP', svc('app/db', 'name: db, port: 3306')),
  info(
    "Istio's own Services",
    svc('istio-system/gw', 'name: web, port: 80').replace(
      'namespace: istio-system}',
      'namespace: istio-system, labels: {istio: egressgateway}}',
    ),
  ),
  info('Kubernetes system namespaces are ignored', svc('kube-system/dns', 'name: web, port: 80')),
]);

ruleTable('EXTERNALNAME-PORT-NAME', [
  warn(
    'plain tcp',
    svc('app/db', 'name: tcp, port: 5432 #!', 'type: ExternalName', 'externalName: db.example.com'),
    'gives plain tcp',
  ),
  warn(
    'no protocol',
    svc('app/db', 'name: db, port: 5432 #!', 'type: ExternalName', 'externalName: db.example.com'),
    'gives no protocol',
  ),
  warn(
    'tcp with a suffix',
    svc('app/db', 'name: tcp-db, port: 5432', 'type: ExternalName', 'externalName: db.example.com'),
  ),
  warn('plain tcp on a ClusterIP Service is fine', svc('app/db', 'name: tcp, port: 5432')),
]);
