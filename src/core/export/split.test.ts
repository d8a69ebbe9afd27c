import { describe, expect, it } from 'vitest';

import sample from '../../templates/sample-payments.yaml?raw';
import { source } from '../analysis/testing';
import { parseBundle, type Bundle } from '../bundle';
import { joinFiles, KUSTOMIZATION_PATH } from './files';
import { splitBundle } from './split';

/** A kubectl-style List, comments, a Namespace, an object with no namespace and two non-objects. */
const mixed = source`
  # The team's namespace, with injection on.
  apiVersion: v1
  kind: Namespace
  metadata:
    name: payments # owned by the payments team
    labels:
      istio-injection: enabled
  ---
  apiVersion: v1
  kind: List
  items:
    # The payment API, registered in the mesh.
    - apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata:
        name: api
        namespace: payments
      spec:
        hosts: [api.example.com] # one host
        ports:
          - number: 443
            name: https
            protocol: TLS
        resolution: DNS
    - apiVersion: networking.istio.io/v1beta1
      kind: DestinationRule
      metadata:
        name: api
        namespace: payments
      spec:
        host: api.example.com
        trafficPolicy:
          tls:
            mode: SIMPLE
            sni: |
              api.example.com
  ---
  just a string
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: [broken
  ---
  apiVersion: networking.istio.io/v1
  kind: Sidecar
  metadata:
    name: default
  spec:
    egress:
      - hosts: ["./*"]
`;

/** What an object is, for comparing bundles: everything but where it sits. */
function objects(bundle: Bundle) {
  return bundle.resources.map((r) => ({
    apiVersion: r.apiVersion,
    kind: r.kind,
    name: r.name,
    namespace: r.namespace,
    value: r.value,
  }));
}

const withoutMarker = (text: string) => text.replace(/^---[ \t]*\n/, '');

describe('splitBundle', () => {
  it('writes each single-object document exactly as written, under <namespace>/<kind>-<name>.yaml', () => {
    const bundle = parseBundle(sample);
    const files = splitBundle(bundle);
    expect(files.map((f) => f.path)).toEqual([
      'istio-system/istio-operator-mesh-egress-policy.yaml',
      'payments/service-entry-payment-gateway.yaml',
      'payments/destination-rule-payment-gateway.yaml',
      'payments/virtual-service-payment-gateway.yaml',
      'istio-system/service-entry-github.yaml',
      'istio-system/gateway-egress-github.yaml',
      'istio-system/destination-rule-egressgateway-for-github.yaml',
      'istio-system/virtual-service-github-via-egress.yaml',
      KUSTOMIZATION_PATH,
    ]);
    bundle.documents.forEach((document, index) => {
      expect(files[index]!.text).toBe(withoutMarker(document.parsed.text));
    });
    // The sample's comments are all still there.
    const comments = (text: string) => text.split('\n').filter((line) => line.includes('#')).length;
    expect(files.reduce((sum, f) => sum + comments(f.text), 0)).toBe(comments(sample));
  });

  it('splits a List into its items, keeping their comments, and puts cluster-scoped kinds under cluster/', () => {
    const files = splitBundle(parseBundle(mixed));
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    expect([...byPath.keys()]).toEqual([
      'cluster/namespace-payments.yaml',
      'payments/service-entry-api.yaml',
      'payments/destination-rule-api.yaml',
      'unparsed/document-3.yaml',
      'unparsed/document-4.yaml',
      'default/sidecar-default.yaml',
      KUSTOMIZATION_PATH,
    ]);
    expect(byPath.get('cluster/namespace-payments.yaml')).toBe(mixed.slice(0, mixed.indexOf('---\n')));
    expect(byPath.get('payments/service-entry-api.yaml')).toBe(source`
      # The payment API, registered in the mesh.
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata:
        name: api
        namespace: payments
      spec:
        hosts: [api.example.com] # one host
        ports:
          - number: 443
            name: https
            protocol: TLS
        resolution: DNS
    `);
    expect(byPath.get('payments/destination-rule-api.yaml')).toMatch(
      /\n {6}sni: \|\n {8}api\.example\.com\n$/,
    );
  });

  it('keeps documents that are not objects or do not parse, under unparsed/', () => {
    const files = splitBundle(parseBundle(mixed));
    expect(files.find((f) => f.path === 'unparsed/document-3.yaml')?.text).toBe('just a string\n');
    expect(files.find((f) => f.path === 'unparsed/document-4.yaml')?.text).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [broken\n',
    );
    // An object without a name is no object either; blank documents are left out.
    const nameless = splitBundle(parseBundle('---\n---\napiVersion: v1\nkind: ConfigMap\ndata: {}\n---\n'));
    expect(nameless.map((f) => f.path)).toEqual(['unparsed/document-2.yaml', KUSTOMIZATION_PATH]);
  });

  it('makes safe, unique paths from hostile or repeated names', () => {
    const hostile = (namespace: string, name: string, kind = 'ConfigMap') =>
      `apiVersion: v1\nkind: ${JSON.stringify(kind)}\nmetadata:\n  name: ${JSON.stringify(name)}\n  namespace: ${JSON.stringify(namespace)}\n`;
    const text = [
      hostile('../..', '../../etc/passwd'),
      hostile('/abs', '/root/.ssh/id_rsa'),
      hostile('A B/C', 'Weird Name!$`'),
      hostile('ns', 'same'),
      hostile('ns', 'same'),
      hostile('ns', 'SAME'),
      hostile('ns', '.'),
      hostile('ns', 'x', '../Kind'),
      hostile('..', '..'),
      hostile('nul', 'con'),
    ].join('---\n');
    const paths = splitBundle(parseBundle(text)).map((f) => f.path);
    for (const path of paths) {
      expect(path).toMatch(/^[a-z0-9._-]+(\/[a-z0-9._-]+)*$/);
      expect(path.split('/').every((segment) => !segment.startsWith('.'))).toBe(true);
    }
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual([
      'unnamed/config-map-etc-passwd.yaml',
      'abs/config-map-root-.ssh-id_rsa.yaml',
      'a-b-c/config-map-weird-name.yaml',
      'ns/config-map-same.yaml',
      'ns/config-map-same-2.yaml',
      'ns/config-map-same-3.yaml',
      'ns/config-map-unnamed.yaml',
      'ns/kind-x.yaml',
      'unnamed/config-map-unnamed.yaml',
      'nul_/config-map-con.yaml',
      KUSTOMIZATION_PATH,
    ]);
  });

  it('lists every file in a sorted kustomization.yaml', () => {
    const files = splitBundle(parseBundle(mixed));
    const kustomization = files.at(-1)!;
    expect(kustomization.path).toBe(KUSTOMIZATION_PATH);
    expect(kustomization.text).toBe(source`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
        - cluster/namespace-payments.yaml
        - default/sidecar-default.yaml
        - payments/destination-rule-api.yaml
        - payments/service-entry-api.yaml
        - unparsed/document-3.yaml
        - unparsed/document-4.yaml
    `);
    expect(splitBundle(parseBundle('')).at(-1)!.text).toContain('resources: []\n');
  });

  it('keeps a List item that is not an object under unparsed/, numbered by its place in the List', () => {
    const text = source`
      kind: List
      apiVersion: v1
      items:
        - apiVersion: v1
          kind: ConfigMap
          data: { nameless: "true" }
        - apiVersion: v1
          kind: Namespace
          metadata: { name: shop }
    `;
    const files = splitBundle(parseBundle(text));
    expect(files.map((f) => f.path)).toEqual([
      'unparsed/document-1-item-1.yaml',
      'cluster/namespace-shop.yaml',
      KUSTOMIZATION_PATH,
    ]);
    expect(files[0]!.text).toBe('apiVersion: v1\nkind: ConfigMap\ndata: { nameless: "true" }\n');
  });

  it('prints an item whose text cannot stand alone (an alias to another item) from its value', () => {
    const text = source`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: first
          data: &shared
            key: value
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: second
          data: *shared
    `;
    const files = splitBundle(parseBundle(text));
    expect(files[1]!.text).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second\ndata:\n  key: value\n',
    );
    expect(objects(parseBundle(joinFiles(files)))).toEqual(objects(parseBundle(text)));
  });

  it('splits JSON Lists (kubectl get -o json) into their items', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'x' }, data: { k: 'yes' } },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'x' } },
      ],
    };
    const text = JSON.stringify(list, null, 4);
    const files = splitBundle(parseBundle(text));
    expect(files.map((f) => f.path)).toEqual([
      'x/config-map-a.yaml',
      'x/config-map-b.yaml',
      KUSTOMIZATION_PATH,
    ]);
    expect(JSON.parse(files[0]!.text)).toEqual(list.items[0]);
    expect(objects(parseBundle(joinFiles(files)))).toEqual(objects(parseBundle(text)));
  });
});

describe('joinFiles', () => {
  it.each([
    ['the sample', sample],
    ['a bundle with a List, comments, a Namespace and unparsed documents', mixed],
  ])('gives back the same objects for %s', (_name, text) => {
    const bundle = parseBundle(text);
    const joined = joinFiles(splitBundle(bundle));
    expect(objects(parseBundle(joined))).toEqual(objects(bundle));
  });

  it('leaves the kustomization out and separates files with ---', () => {
    expect(
      joinFiles([
        { path: 'a/x.yaml', text: 'kind: A' },
        { path: KUSTOMIZATION_PATH, text: 'kind: Kustomization\n' },
        { path: 'b/y.yaml', text: '---\nkind: B\n' },
        { path: 'c/z.yaml', text: 'kind: C\n' },
      ]),
    ).toBe('kind: A\n---\nkind: B\n---\nkind: C\n');
  });
});
