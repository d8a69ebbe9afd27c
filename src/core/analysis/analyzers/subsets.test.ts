import { bundle, deployment, doc, markedCase, node, pod, service } from '../../../../test/support/fixtures';
import { ruleTable } from '../../../../test/support/rule-table';

const at = (name: string, yaml: string, message?: string) => markedCase('warning', name, yaml, message);

/** A DestinationRule with one subset per `name=labels` item (`v1=version: v1`; a trailing ` #!` marks it). */
const rule = (ref: string, host: string, ...subsets: string[]) =>
  doc(
    'DestinationRule',
    ref,
    `host: ${host}`,
    'subsets:',
    ...subsets.map((s) => {
      const [name, labels] = s.split('=');
      const mark = labels?.endsWith(' #!') ? ' #!' : '';
      const body = labels ? `, labels: {${labels.replace(' #!', '')}}` : '';
      return `- {name: ${name!.replace(' #!', '')}${body}}${mark || (name!.endsWith(' #!') ? ' #!' : '')}`;
    }),
  );

const apiService = service('app/api', 'app=api', '{name: http, port: 8080}');
const externalEntry = (...extra: string[]) =>
  doc(
    'ServiceEntry',
    'app/partner',
    'hosts: [partner.example.com]',
    'ports: [{number: 443, name: tls, protocol: TLS}]',
    ...extra,
  );

ruleTable('SUBSET-NO-PODS', [
  at(
    'a subset no pod of the Service carries',
    bundle(
      deployment('app/api-v1', 'app=api,version=v1'),
      apiService,
      rule('app/api', 'api.app.svc.cluster.local', 'v1=version: v1', 'v2=version: v2 #!'),
    ),
    'subset v2 of api.app.svc.cluster.local selects nothing: no pod in the design has the labels version=v2',
  ),
  at(
    'a design without pods says nothing about them',
    bundle(apiService, rule('app/api', 'api.app.svc.cluster.local', 'v2=version: v2')),
  ),
  at(
    "pods shown only outside the Service's namespace",
    bundle(deployment('other/x', 'app=x'), rule('app/api', 'api', 'v2=version: v2')),
  ),
  at(
    'a short host is the Service of the rule namespace',
    bundle(
      deployment('app/api-v1', 'app=api,version=v1'),
      rule('app/api', 'api', 'v1=version: v1', 'v3=version: v3 #!'),
    ),
  ),
  at(
    "a pod's node gives its topology labels",
    bundle(
      pod('app/api-0', 'app=api', 'spec: {nodeName: node-a}'),
      node('node-a', 'topology.kubernetes.io/region: eu-west-1, topology.kubernetes.io/zone: eu-west-1a'),
      rule(
        'app/api',
        'api',
        'west=topology.kubernetes.io/region: eu-west-1',
        'zone=topology.kubernetes.io/zone: eu-west-1a',
        'node=kubernetes.io/hostname: node-a',
        'east=topology.kubernetes.io/region: us-east-1 #!',
      ),
    ),
  ),
  at(
    'a zone without a region still counts, as pilot composes the locality',
    bundle(
      pod('app/api-0', 'app=api', 'spec: {nodeName: node-a}'),
      node('node-a', 'topology.kubernetes.io/zone: z1, topology.istio.io/subzone: s1'),
      rule('app/api', 'api', 'zone=topology.kubernetes.io/zone: z1', 'sub=topology.istio.io/subzone: s1'),
    ),
  ),
  at(
    'a subset without labels selects every pod',
    bundle(deployment('app/api-v1', 'app=api'), rule('app/api', 'api', 'all')),
  ),
  at(
    'labels on an external ServiceEntry: no pod carries them (as istioctl finds)',
    bundle(
      deployment('app/curl', 'app=curl'),
      externalEntry(),
      rule('app/partner', 'partner.example.com', 'v2=version: v2 #!'),
    ),
  ),
  at(
    'endpoints of the ServiceEntry that carry the labels count',
    bundle(
      deployment('app/curl', 'app=curl'),
      externalEntry('resolution: STATIC', 'endpoints: [{address: 10.0.0.1, labels: {version: v2}}]'),
      rule('app/partner', 'partner.example.com', 'v2=version: v2', 'v3=version: v3 #!'),
    ),
    'no pod in the design and no endpoint of ServiceEntry/app/partner has the labels version=v3',
  ),
  at(
    "endpoints are checked without pods: they are the ServiceEntry's own",
    bundle(
      externalEntry('resolution: STATIC', 'endpoints: [{address: 10.0.0.1, labels: {version: v2}}]'),
      rule('app/partner', 'partner.example.com', 'v3=version: v3 #!'),
    ),
    'no endpoint of ServiceEntry/app/partner has the labels version=v3',
  ),
  at(
    "a workloadSelector's labels join the subset's, in the entry's namespace",
    bundle(
      deployment('app/db-v1', 'app=db,version=v1'),
      doc(
        'ServiceEntry',
        'app/db',
        'hosts: [db.internal.example]',
        'location: MESH_INTERNAL',
        'ports: [{number: 5432, name: tcp, protocol: TCP}]',
        'resolution: STATIC',
        'workloadSelector: {labels: {app: db}}',
      ),
      rule('app/db', 'db.internal.example', 'v1=version: v1', 'v2=version: v2 #!'),
    ),
    'app=db,version=v2',
  ),
  at(
    'an unregistered host is left to DR-HOST-UNKNOWN',
    bundle(deployment('app/curl', 'app=curl'), rule('app/x', 'x.example.com', 'v2=version: v2')),
  ),
]);
