/**
 * istioctl analyze's own cases for the analyzers that read Kubernetes objects (Pods, Services,
 * Secrets, Namespaces, Nodes): gateway/gateway.go, gateway/secret.go, sidecar/selector.go,
 * destinationrule/subset.go, service/portname.go and virtualservice/destinationhosts.go, at istio/istio
 * tag 1.30.3 (unchanged on master 86c9f01). Each case names the engine codes of that analyzer and
 * the messages Istio's test expects. Where the engine answers otherwise on purpose, `engine` says
 * what it gives and `why`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { analyzeBundle } from '../src/core/analysis/analyze';
import { parseBundle, splitDocuments } from '../src/core/bundle';
import { engineMessages, istioMessage, type IstioMessage } from './support/istio-cases';

interface KubeCase {
  /** The test case's name in analyzers_test.go. */
  name: string;
  files: string[];
  codes: string[];
  istio: IstioMessage[];
  /** What the engine gives instead, when it differs from Istio on purpose. */
  engine?: IstioMessage[];
  why?: string;
}

const GATEWAY = ['SELECTOR-NO-PODS', 'GATEWAY-PORT-NOT-ON-SERVICE'];
const SECRETS = ['SELECTOR-NO-PODS', 'REF-CREDENTIAL', 'CREDENTIAL-INVALID'];
const SIDECAR = ['SELECTOR-NO-PODS', 'CONFLICT-SIDECAR-SELECTOR', 'SIDECAR-IN-AMBIENT'];
const SUBSETS = ['SUBSET-NO-PODS', 'DR-HOST-UNKNOWN'];
const PORT_NAMES = ['SERVICE-PORT-NAME', 'EXTERNALNAME-PORT-NAME'];
const NO_PODS = 'a design without pods says nothing about pods';

const cases: KubeCase[] = [
  {
    name: 'gatewayNoWorkload',
    files: ['gateway-no-workload.yaml'],
    codes: GATEWAY,
    istio: [['IST0101', 'Gateway httpbin-gateway']],
    engine: [],
    why: `${NO_PODS}; istioctl sees the dummy ingress gateway pod it adds when reading files`,
  },
  {
    name: 'gatewayBadPort',
    files: ['gateway-no-port.yaml'],
    codes: GATEWAY,
    istio: [['IST0162', 'Gateway httpbin-gateway']],
    engine: [],
    why: "the ports come from the dummy ingress Service istioctl adds for files; an installed gateway's Service ports are not assumed (installs customise them)",
  },
  { name: 'gatewayCorrectPort', files: ['gateway-correct-port.yaml'], codes: GATEWAY, istio: [] },
  {
    name: 'gatewayCustomIngressGateway',
    files: ['gateway-custom-ingressgateway.yaml'],
    codes: GATEWAY,
    istio: [],
  },
  {
    name: 'gatewayCustomIngressGatewayBadPort',
    files: ['gateway-custom-ingressgateway-badport.yaml'],
    codes: GATEWAY,
    istio: [['IST0162', 'Gateway httpbin-gateway']],
  },
  {
    name: 'gatewayCustomIngressGatewayBadPortWithoutTarget',
    files: ['gateway-custom-ingressgateway-badport-notarget.yaml'],
    codes: GATEWAY,
    istio: [['IST0162', 'Gateway httpbin-gateway']],
  },
  {
    name: 'gatewayCustomIngressGatewayTranslation',
    files: ['gateway-custom-ingressgateway-translation.yaml'],
    codes: GATEWAY,
    istio: [],
  },
  {
    name: 'gatewayServiceMatchPod',
    files: ['gateway-custom-ingressgateway-svcselector.yaml'],
    codes: GATEWAY,
    istio: [['IST0162', 'Gateway httpbin8002-gateway']],
  },
  {
    name: 'gatewaySecret',
    files: ['gateway-secrets.yaml'],
    codes: SECRETS,
    istio: [
      ['IST0101', 'Gateway defaultgateway-bogusCredentialName'],
      ['IST0101', 'Gateway customgateway-wrongnamespace'],
      ['IST0101', 'Gateway bogusgateway'],
    ],
  },
  {
    name: 'gatewaySecretValidations',
    files: ['gateway-secrets-validation.yaml'],
    codes: SECRETS,
    istio: [
      ['IST0161', 'Gateway defaultgateway-invalid-keys'],
      ['IST0161', 'Gateway defaultgateway-missing-keys'],
      ['IST0161', 'Gateway defaultgateway-invalid-cert'],
      ['IST0161', 'Gateway defaultgateway-expired'],
    ],
  },
  {
    name: 'sidecarSelector',
    files: ['sidecar-selector.yaml'],
    codes: SIDECAR,
    istio: [
      ['IST0101', 'Sidecar default/maps-to-nonexistent'],
      ['IST0101', 'Sidecar other/maps-to-different-ns'],
      ['IST0110', 'Sidecar default/dupe-1'],
      ['IST0110', 'Sidecar default/dupe-2'],
      ['IST0110', 'Sidecar default/overlap-1'],
      ['IST0110', 'Sidecar default/overlap-2'],
    ],
  },
  {
    // The case also expects IST0111 (selector-less Sidecars, which need no pods), checked elsewhere.
    name: 'sidecarDefaultSelector',
    files: ['sidecar-default-selector.yaml'],
    codes: SIDECAR,
    istio: [
      ['IST0167', 'Sidecar ns-ambient/namespace-scoped'],
      ['IST0167', 'Sidecar ns-ambient/pod-scoped'],
    ],
  },
  {
    name: 'DestinationRuleWithFakeHost',
    files: ['destinationrule-with-fake-host.yaml'],
    codes: SUBSETS,
    istio: [['IST0174', 'DestinationRule default/fake-host']],
    engine: [],
    why: 'a design that holds no Service of the namespace says nothing about its Services',
  },
  {
    name: 'DestinationRuleSubsetsNotSelectPods',
    files: ['destinationrule-subsets-not-select-pods.yaml'],
    codes: SUBSETS,
    istio: [['IST0173', 'DestinationRule default/subsets-not-select-pods']],
    engine: [],
    why: `${NO_PODS} (the file holds the Service, not its pods)`,
  },
  {
    name: 'DestinationRuleSubsetsWithTopologyLabels',
    files: ['destinationrule-subsets-with-topology-labels.yaml'],
    codes: SUBSETS,
    istio: [],
  },
  {
    name: 'DestinationRuleEmptyTopologyLabels',
    files: ['destinationrule-empty-topology-labels.yaml'],
    codes: SUBSETS,
    istio: [['IST0173', 'DestinationRule default/empty-topology-labels']],
  },
  {
    name: 'portNameNotFollowConvention',
    files: ['service-no-port-name.yaml'],
    codes: PORT_NAMES,
    istio: [
      ['IST0118', 'Service my-namespace1/my-service1'],
      ['IST0118', 'Service my-namespace1/my-service1'],
      ['IST0118', 'Service my-namespace2/my-service2'],
    ],
  },
  { name: 'namedPort', files: ['service-port-name.yaml'], codes: PORT_NAMES, istio: [] },
  {
    name: 'unnamedPortInSystemNamespace',
    files: ['service-no-port-name-system-namespace.yaml'],
    codes: PORT_NAMES,
    istio: [],
  },
  {
    name: 'ExternalNameServiceTypeInvalidPortName',
    files: ['incorrect-port-name-external-name-service-type.yaml'],
    codes: PORT_NAMES,
    istio: [
      ['IST0150', 'Service nginx-ns/nginx'],
      ['IST0150', 'Service nginx-ns2/nginx-svc2'],
      ['IST0150', 'Service nginx-ns3/nginx-svc3'],
    ],
  },
  {
    name: 'ExternalNameServiceTypeValidPortName',
    files: ['correct-port-name-external-name-service-type.yaml'],
    codes: PORT_NAMES,
    istio: [],
  },
  {
    name: 'virtualServiceDestinationHosts',
    files: ['virtualservice_destinationhosts.yaml'],
    codes: ['REF-HOST', 'REF-HOST-PORT', 'PORT-REQUIRED'],
    istio: [
      ['IST0101', 'VirtualService default/reviews-bogushost'],
      ['IST0101', 'VirtualService default/reviews-bogushost'],
      ['IST0101', 'VirtualService default/reviews-bookinfo-other'],
      ['IST0101', 'VirtualService default/reviews-mirror-bogushost'],
      ['IST0101', 'VirtualService default/reviews-bogusport'],
      ['IST0112', 'VirtualService default/reviews-2port-missing'],
      ['IST0101', 'VirtualService istio-system/cross-namespace-details'],
      ['IST0101', 'VirtualService hello/hello-export-to-bogus'],
    ],
  },
];

describe("istioctl analyze's own cases for the analyzers that read Kubernetes objects", () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const expected = [...new Set((testCase.engine ?? testCase.istio).map(istioMessage))].sort();
    expect(engineMessages(testCase.files, testCase.codes)).toEqual(expected);
  });

  it('gives a reason for every case where it answers otherwise than Istio', () => {
    const differing = cases.filter((c) => c.engine !== undefined);
    expect(differing.map((c) => [c.name, Boolean(c.why)])).toEqual(differing.map((c) => [c.name, true]));
    // The differences are only silences: where Istio reports, the engine never reports something else.
    for (const c of differing) expect(c.engine).toEqual([]);
  });
});

/** Every bundle of the corpus, the scenarios and Istio's test data, by name. */
function allBundles(): [string, string][] {
  const dirs = [
    'corpus/valid',
    'corpus/warnings',
    'corpus/analysis',
    'istio-analyzers',
    '../src/templates/scenarios',
  ];
  return dirs.flatMap((dir) =>
    readdirSync(join(import.meta.dirname, dir))
      .filter((file) => file.endsWith('.yaml'))
      .map(
        (file) =>
          [`${dir}/${file}`, readFileSync(join(import.meta.dirname, dir, file), 'utf8')] as [string, string],
      ),
  );
}

/** The bundle without the documents that hold an object of one of `kinds`. */
function without(text: string, kinds: readonly string[]): string {
  return splitDocuments(text)
    .filter((chunk) => !parseBundle(chunk.text).resources.some((r) => kinds.includes(r.kind)))
    .map((chunk) => chunk.text)
    .join('');
}

const WORKLOADS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];
/** Findings that speak of objects of some kinds: each must stay quiet when the design holds none. */
const SPEAKS_OF: { objects: string; kinds: string[]; speaks: (code: string, message: string) => boolean }[] =
  [
    {
      objects: 'pods',
      kinds: WORKLOADS,
      speaks: (code, message) =>
        ['SELECTOR-NO-PODS', 'CONFLICT-SIDECAR-SELECTOR'].includes(code) ||
        (code === 'SUBSET-NO-PODS' && message.includes('no pod')),
    },
    {
      objects: 'Secrets',
      kinds: ['Secret'],
      speaks: (code) => ['REF-CREDENTIAL', 'CREDENTIAL-INVALID', 'DR-CREDENTIAL-MISSING'].includes(code),
    },
    {
      objects: 'Services',
      kinds: ['Service'],
      speaks: (code, message) =>
        ['GATEWAY-PORT-NOT-ON-SERVICE', 'SERVICE-PORT-NAME', 'EXTERNALNAME-PORT-NAME'].includes(code) ||
        (['REF-HOST', 'REF-HOST-PORT', 'PORT-REQUIRED', 'DR-HOST-UNKNOWN'].includes(code) &&
          /\bService\b/.test(message)),
    },
    {
      objects: 'Namespaces or pods',
      kinds: ['Namespace', ...WORKLOADS],
      speaks: (code) => code === 'SIDECAR-IN-AMBIENT',
    },
  ];

describe('a design without the Kubernetes objects a finding needs stays quiet about them', () => {
  const bundles = allBundles();

  it.each(SPEAKS_OF.map((s) => [s.objects, s] as const))('without %s', (_objects, { kinds, speaks }) => {
    const loud = bundles.flatMap(([name, text]) =>
      analyzeBundle(parseBundle(without(text, kinds)))
        .filter((d) => speaks(d.code, d.message))
        .map((d) => `${name}: ${d.code} ${d.resource ?? ''} ${d.message}`),
    );
    expect(loud).toEqual([]);
  });

  it('speaks when the objects are there (the check above can fail)', () => {
    const heard = new Set(
      bundles.flatMap(([, text]) =>
        analyzeBundle(parseBundle(text)).flatMap((d) => SPEAKS_OF.filter((s) => s.speaks(d.code, d.message))),
      ),
    );
    expect([...heard].map((s) => s.objects).sort()).toEqual(SPEAKS_OF.map((s) => s.objects).sort());
  });
});
