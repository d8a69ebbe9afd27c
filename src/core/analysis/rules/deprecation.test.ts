import { doc, markedCase } from '../../../../test/support/fixtures';
import { ruleTable } from '../../../../test/support/rule-table';

const at = (name: string, yaml: string, message?: string) => markedCase('warning', name, yaml, message);
const delayed = (delay: string) =>
  doc(
    'VirtualService',
    'app/api',
    'hosts: [api.example.com]',
    'http:',
    '- route: [{destination: {host: api.example.com}}]',
    '  fault:',
    `    delay: ${delay}`,
  );

ruleTable('DEPRECATED', [
  at('no proxy', doc('Sidecar', 'app/default', 'outboundTrafficPolicy: {mode: ALLOW_ANY}')),
  at(
    'egressProxy set',
    doc(
      'Sidecar',
      'app/default',
      'outboundTrafficPolicy:',
      '  mode: ALLOW_ANY',
      '  egressProxy: {host: squid.proxy.svc.cluster.local, port: {number: 3128}} #!',
    ),
    'egressProxy is deprecated and istioctl analyze reports it as ignored',
  ),
  at('delay percentage', delayed('{fixedDelay: 5s, percentage: {value: 50}}')),
  at(
    'delay percent',
    delayed('{fixedDelay: 5s, percent: 50} #!'),
    'Istio still applies it while percentage is unset; write percentage: {value: 50}',
  ),
  at(
    'delay percent beside percentage',
    delayed('{fixedDelay: 5s, percent: 50, percentage: {value: 10}} #!'),
    'Istio ignores it',
  ),
  at('delay percent 0', delayed('{fixedDelay: 5s, percent: 0}')),
]);
