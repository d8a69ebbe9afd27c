import { ruleTable, source } from '../../../../test/support/rule-table';

const withExport = (kind: string, exportTo: string, extra = 'hosts: [api.example.com]') => source`
  apiVersion: networking.istio.io/v1
  kind: ${kind}
  metadata: {name: ext, namespace: app}
  spec:
    ${extra}
    exportTo: ${exportTo}
`;
const dr = (exportTo: string) => withExport('DestinationRule', exportTo, 'host: api.example.com');

ruleTable('EX-01', [
  { name: 'namespace name', yaml: withExport('ServiceEntry', '["team-a"]'), expect: [] },
  { name: 'underscore', yaml: withExport('ServiceEntry', '["team_a"]'), expect: [{ line: 6 }] },
]);
ruleTable('EX-02', [
  { name: '~ on a ServiceEntry', yaml: withExport('ServiceEntry', '["~"]'), expect: [] },
  {
    name: '~ on a DestinationRule',
    yaml: dr('["~"]'),
    expect: [{ line: 6, message: 'not allowed for Istio configuration objects' }],
  },
]);
ruleTable('EX-03', [
  { name: '* alone', yaml: withExport('ServiceEntry', '["*"]'), expect: [] },
  { name: '* and .', yaml: withExport('ServiceEntry', '["*", "."]'), expect: [{ line: 6 }] },
]);
ruleTable('EX-04', [
  { name: '~ and a namespace', yaml: withExport('ServiceEntry', '["~", "app"]'), expect: [{ line: 6 }] },
]);
ruleTable('EX-05', [
  { name: 'distinct', yaml: withExport('ServiceEntry', '[".", "orders"]'), expect: [] },
  {
    name: '. and own namespace',
    yaml: withExport('ServiceEntry', '[".", "app"]'),
    expect: [{ line: 6, message: '. and current namespace app' }],
  },
  {
    name: 'repeated name',
    yaml: withExport('ServiceEntry', '["orders", "orders"]'),
    expect: [{ line: 6, message: 'for entry orders' }],
  },
]);
ruleTable('EX-06', [
  {
    name: 'selector with own namespace',
    yaml: dr('["."]').replace(
      'host: api.example.com',
      'host: api.example.com\n  workloadSelector: {matchLabels: {app: client}}',
    ),
    expect: [],
  },
  {
    name: 'selector exported everywhere',
    yaml: dr('["*"]').replace(
      'host: api.example.com',
      'host: api.example.com\n  workloadSelector: {matchLabels: {app: client}}',
    ),
    expect: [{ line: 7, message: 'beyond current namespace' }],
  },
  {
    name: 'selector with two entries',
    yaml: dr('[".", "orders"]').replace(
      'host: api.example.com',
      'host: api.example.com\n  workloadSelector: {matchLabels: {app: client}}',
    ),
    expect: [{ line: 7, message: 'multiple entries' }],
  },
]);
