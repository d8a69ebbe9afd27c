import { blockDoc, bundle, deployment, markedCase, namespace, pod } from '../../../../test/support/fixtures';
import { ruleTable } from '../../../../test/support/rule-table';

const at = (name: string, yaml: string, message?: string) => markedCase('warning', name, yaml, message);

/** A Sidecar selecting `labels` (flow map; a trailing ` #!` marks the label line), or none. */
const sidecar = (ref: string, labels?: string) =>
  blockDoc(
    'Sidecar',
    ref,
    ...(labels
      ? ['workloadSelector:', '  labels:', ...labels.split(', ').map((l) => `    ${l.replace('=', ': ')}`)]
      : []),
    'egress: [{hosts: ["./*", "istio-system/*"]}]',
  );

ruleTable('SELECTOR-NO-PODS', [
  at(
    'no pod of the namespace has the labels',
    bundle(deployment('app/curl', 'app=curl'), sidecar('app/curl', 'app=crul #!')),
    'no pod in namespace app has the labels app=crul (the design holds Deployment/app/curl)',
  ),
  at('a design without pods says nothing about them', sidecar('app/curl', 'app=crul')),
  at(
    'the design shows pods of other namespaces only',
    bundle(deployment('other/curl', 'app=curl'), sidecar('app/curl', 'app=crul')),
  ),
  at(
    'a matching pod in another namespace does not count',
    bundle(
      deployment('other/curl', 'app=curl'),
      deployment('app/api', 'app=api'),
      sidecar('app/curl', 'app=curl #!'),
    ),
  ),
  at(
    'every label must match: the label map is pointed at',
    bundle(
      deployment('app/curl', 'app=curl,version=v1'),
      sidecar('app/curl', 'app=curl, version=v2').replace('  labels:', '  labels: #!'),
    ),
    'app=curl,version=v2',
  ),
  at('a matching pod', bundle(pod('app/curl-0', 'app=curl'), sidecar('app/curl', 'app=curl'))),
  at(
    'a Sidecar without selector selects its namespace',
    bundle(deployment('app/api', 'app=api'), sidecar('app/default')),
  ),
]);

ruleTable('CONFLICT-SIDECAR-SELECTOR', [
  at(
    'two Sidecars select the same pod: both are reported',
    bundle(
      deployment('app/curl', 'app=curl,version=v1'),
      sidecar('app/by-app', 'app=curl #!'),
      sidecar('app/by-version', 'version=v1 #!'),
    ),
    'is also selected by',
  ),
  at(
    'disjoint selectors',
    bundle(
      deployment('app/curl', 'app=curl'),
      deployment('app/api', 'app=api'),
      sidecar('app/curl', 'app=curl'),
      sidecar('app/api', 'app=api'),
    ),
  ),
  at(
    'a selector-less Sidecar does not conflict with a selecting one',
    bundle(deployment('app/curl', 'app=curl'), sidecar('app/default'), sidecar('app/curl', 'app=curl')),
  ),
  at(
    'same labels in two namespaces',
    bundle(
      deployment('app/curl', 'app=curl'),
      deployment('other/curl', 'app=curl'),
      sidecar('app/curl', 'app=curl'),
      sidecar('other/curl', 'app=curl'),
    ),
  ),
]);

ruleTable('SIDECAR-IN-AMBIENT', [
  at(
    'a namespace-wide Sidecar in an ambient namespace',
    bundle(
      namespace('shop', 'istio.io/dataplane-mode: ambient'),
      sidecar('shop/default').replace('  namespace: shop', '  namespace: shop #!'),
    ),
    'namespace shop is in ambient mode',
  ),
  at(
    'sidecar injection wins over the ambient label',
    bundle(
      namespace('shop', 'istio.io/dataplane-mode: ambient, istio-injection: enabled'),
      sidecar('shop/default'),
    ),
  ),
  at(
    'a revision label wins too',
    bundle(
      namespace('shop', 'istio.io/dataplane-mode: ambient, istio.io/rev: canary'),
      sidecar('shop/default'),
    ),
  ),
  at(
    'a Sidecar selecting pods of an ambient namespace',
    bundle(
      namespace('shop', 'istio.io/dataplane-mode: ambient'),
      deployment('shop/cart', 'app=cart'),
      sidecar('shop/cart', 'app=cart #!'),
    ),
    'Deployment/shop/cart runs in ambient mode',
  ),
  at(
    'a pod that asks for a sidecar in an ambient namespace',
    bundle(
      namespace('shop', 'istio.io/dataplane-mode: ambient'),
      deployment('shop/cart', 'app=cart,sidecar.istio.io/inject="true"'),
      sidecar('shop/cart', 'app=cart'),
    ),
  ),
  at(
    'a pod that opts out of ambient',
    bundle(
      namespace('shop', 'istio.io/dataplane-mode: ambient'),
      deployment('shop/cart', 'app=cart,istio.io/dataplane-mode=none'),
      sidecar('shop/cart', 'app=cart'),
    ),
  ),
  at('a namespace without labels', bundle(namespace('shop', 'team: a'), sidecar('shop/default'))),
]);
