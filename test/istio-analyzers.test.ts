/**
 * Cases of istioctl analyze's own analyzer tests (istio/istio
 * pkg/config/analysis/analyzers/analyzers_test.go, tag 1.30.3 and master 86c9f01), run on their
 * testdata (copied into test/istio-analyzers/, each file naming its source and commit). Each case
 * lists the messages Istio's test expects, as `[IST code, "Kind namespace/name"]` (namespace
 * `default` when the test leaves it out); the engine must give exactly those, through the codes
 * whose catalogue entry names the IST code, for the analyzer the case exercises.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { analyzeBundle } from '../src/core/analysis/analyze';
import { codeCatalogue } from '../src/core/analysis/codes';
import { parseBundle } from '../src/core/bundle';

interface IstioCase {
  /** The test case's name in analyzers_test.go. */
  name: string;
  files: string[];
  /** The IST codes of the analyzer under test. */
  codes: string[];
  expected: [string, string][];
}

const cases: IstioCase[] = [
  {
    name: 'deprecation',
    files: ['deprecation.yaml'],
    codes: ['IST0002'],
    expected: [
      ['IST0002', 'VirtualService foo/productpage'],
      ['IST0002', 'Sidecar default/no-selector'],
    ],
  },
  {
    name: 'virtualServiceConflictingMeshGatewayHosts',
    files: ['virtualservice_conflictingmeshgatewayhosts.yaml'],
    codes: ['IST0109'],
    expected: [
      ['IST0109', 'VirtualService team3/ratings'],
      ['IST0109', 'VirtualService team4/ratings'],
      ['IST0109', 'VirtualService foo/ratings'],
      ['IST0109', 'VirtualService bar/ratings'],
      ['IST0109', 'VirtualService foo/productpage'],
      ['IST0109', 'VirtualService foo/bogus-productpage'],
      ['IST0109', 'VirtualService team2/ratings'],
    ],
  },
  {
    name: 'virtualServiceConflictingMeshGatewayHostsWithExportTo',
    files: ['virtualservice_conflictingmeshgatewayhosts_with_exportto.yaml'],
    codes: ['IST0109'],
    expected: [
      ['IST0109', 'VirtualService foo/productpage'],
      ['IST0109', 'VirtualService bar/productpage'],
      ['IST0109', 'VirtualService foo/productpage-c'],
      ['IST0109', 'VirtualService bar/productpage-c'],
      ['IST0109', 'VirtualService foo/productpage-d'],
      ['IST0109', 'VirtualService bar/productpage-d'],
    ],
  },
  {
    name: 'conflicting gateways detect',
    files: ['conflicting-gateways.yaml'],
    codes: ['IST0145'],
    expected: [
      ['IST0145', 'Gateway alpha'],
      ['IST0145', 'Gateway beta'],
    ],
  },
  {
    name: 'gateways with different port are non-conflicting',
    files: ['gateway-different-port.yaml'],
    codes: ['IST0145'],
    expected: [],
  },
  {
    name: 'conflicting gateways with multiple port declarations',
    files: ['conflicting-gateways-multiple-ports.yaml'],
    codes: ['IST0145'],
    expected: [
      ['IST0145', 'Gateway alpha'],
      ['IST0145', 'Gateway beta'],
    ],
  },
  {
    name: 'conflicting gateways detect: no port',
    files: ['conflicting-gateways-invalid-port.yaml'],
    codes: ['IST0145'],
    expected: [],
  },
  {
    name: 'Analyze conflicting gateway with list type',
    files: ['analyze-list-type.yaml'],
    codes: ['IST0145'],
    expected: [
      ['IST0145', 'Gateway alpha'],
      ['IST0145', 'Gateway alpha-l'],
      ['IST0145', 'Gateway beta-l'],
    ],
  },
  {
    // The case also expects IST0167 for Sidecars in an ambient namespace (Kubernetes objects).
    name: 'sidecarDefaultSelector',
    files: ['sidecar-default-selector.yaml'],
    codes: ['IST0111'],
    expected: [
      ['IST0111', 'Sidecar ns2/has-conflict-2'],
      ['IST0111', 'Sidecar ns2/has-conflict-1'],
    ],
  },
  {
    name: 'certificate duplication in Gateway',
    files: ['gateway-duplicate-certificate.yaml'],
    codes: ['IST0138'],
    expected: [
      ['IST0138', 'Gateway istio-system/gateway-01-test-01'],
      ['IST0138', 'Gateway istio-system/gateway-02-test-01'],
      ['IST0138', 'Gateway istio-system/gateway-01-test-02'],
      ['IST0138', 'Gateway default/gateway-01-test-03'],
    ],
  },
  {
    name: 'ServiceEntry conflicting protocols on same host and port',
    files: ['serviceentry-conflicting-protocol.yaml'],
    codes: ['IST0177'],
    expected: [
      ['IST0177', 'ServiceEntry default/se-http'],
      ['IST0177', 'ServiceEntry default/se-https'],
    ],
  },
  {
    name: 'ServiceEntry no conflict same protocol',
    files: ['serviceentry-no-conflict-protocol.yaml'],
    codes: ['IST0177'],
    expected: [],
  },
  {
    name: 'ServiceEntry no conflict non-overlapping exportTo scopes',
    files: ['serviceentry-conflicting-exportto.yaml'],
    codes: ['IST0177'],
    expected: [],
  },
  {
    // Run through the webhook's validation (schema.ValidationAnalyzer) in Istio's test.
    name: 'dupmatches',
    files: ['virtualservice_dupmatches.yaml', 'virtualservice_overlappingmatches.yaml'],
    codes: ['IST0130', 'IST0131'],
    expected: [
      ['IST0130', 'VirtualService duplicate-match'],
      ['IST0130', 'VirtualService foo/sample-foo-cluster01'],
      ['IST0131', 'VirtualService almost-duplicate-match'],
      ['IST0131', 'VirtualService duplicate-match'],
      ['IST0130', 'VirtualService duplicate-tcp-match'],
      ['IST0130', 'VirtualService duplicate-empty-tcp'],
      ['IST0131', 'VirtualService almost-duplicate-tcp-match'],
      ['IST0131', 'VirtualService duplicate-tcp-match'],
      ['IST0130', 'VirtualService none/tls-routing'],
      ['IST0131', 'VirtualService none/tls-routing-almostmatch'],
      ['IST0131', 'VirtualService none/tls-routing'],
      ['IST0131', 'VirtualService non-method-get'],
      ['IST0131', 'VirtualService overlapping-in-single-match'],
      ['IST0131', 'VirtualService overlapping-in-two-matches'],
      ['IST0131', 'VirtualService overlapping-mathes-with-different-methods'],
    ],
  },
  {
    name: 'missing Addresses and Protocol in Service Entry',
    files: ['serviceentry-missing-addresses-protocol.yaml'],
    codes: ['IST0134'],
    expected: [
      ['IST0134', 'ServiceEntry default/service-entry-test-03'],
      ['IST0134', 'ServiceEntry default/service-entry-test-04'],
      ['IST0134', 'ServiceEntry default/service-entry-test-07'],
    ],
  },
  {
    // The test passes the second file as the mesh config (a bare MeshConfig document).
    name: 'missing Addresses and Protocol in Service Entry with ISTIO_META_DNS_AUTO_ALLOCATE enabled',
    files: [
      'serviceentry-missing-addresses-protocol.yaml',
      'serviceentry-missing-addresses-protocol-mesh-cfg.yaml',
    ],
    codes: ['IST0134'],
    expected: [],
  },
  {
    name: 'ServiceEntry Addresses Required Lowercase Protocol',
    files: ['serviceentry-address-required-lowercase.yaml'],
    codes: ['IST0134'],
    expected: [['IST0134', 'ServiceEntry address-missing-lowercase']],
  },
  {
    name: 'ServiceEntry Addresses Required Uppercase Protocol',
    files: ['serviceentry-address-required-uppercase.yaml'],
    codes: ['IST0134'],
    expected: [['IST0134', 'ServiceEntry address-missing-uppercase']],
  },
  {
    name: 'ServiceEntry Addresses Allocated',
    files: ['serviceentry-address-allocated.yaml', 'serviceentry-address-allocated-mesh-cfg.yaml'],
    codes: ['IST0134'],
    expected: [],
  },
  {
    name: 'Route Rule no effect on Ingress',
    files: ['virtualservice_route_rule_no_effects_ingress.yaml'],
    codes: ['IST0140'],
    expected: [['IST0140', 'VirtualService default/testing-service-01-test-01']],
  },
  {
    name: 'virtualServiceGateways',
    files: ['virtualservice_gateways.yaml'],
    codes: ['IST0101', 'IST0132'],
    expected: [
      ['IST0101', 'VirtualService httpbin-bogus'],
      ['IST0132', 'VirtualService default/cross-test'],
      ['IST0132', 'VirtualService httpbin-bogus'],
      ['IST0132', 'VirtualService httpbin'],
    ],
  },
  {
    name: 'destinationrule with no cacert, simple at destinationlevel',
    files: ['destinationrule-simple-destination.yaml'],
    codes: ['IST0128', 'IST0129'],
    expected: [['IST0128', 'DestinationRule db-tls']],
  },
  {
    name: 'destinationrule with no cacert, mutual at destinationlevel',
    files: ['destinationrule-mutual-destination.yaml'],
    codes: ['IST0128', 'IST0129'],
    expected: [['IST0128', 'DestinationRule db-mtls']],
  },
  {
    name: 'destinationrule with no cacert, simple at portlevel',
    files: ['destinationrule-simple-port.yaml'],
    codes: ['IST0128', 'IST0129'],
    expected: [['IST0129', 'DestinationRule db-tls']],
  },
  {
    name: 'destinationrule with credentialname, simple at destinationlevel, no workloadSelector',
    files: ['destinationrule-simple-destination-credentialname.yaml'],
    codes: ['IST0128', 'IST0129'],
    expected: [['IST0128', 'DestinationRule db-tls']],
  },
  {
    name: 'destinationrule with credentialname, simple at destinationlevel, workloadSelector',
    files: ['destinationrule-simple-destination-credentialname-selector.yaml'],
    codes: ['IST0128', 'IST0129'],
    expected: [],
  },
  {
    name: 'destinationrule with credentialname, simple at portlevel, no workloadSelector',
    files: ['destinationrule-simple-port-credentialname.yaml'],
    codes: ['IST0128', 'IST0129'],
    expected: [['IST0129', 'DestinationRule db-tls']],
  },
  {
    name: 'destinationrule with credentialname, simple at portlevel, workloadSelector',
    files: ['destinationrule-simple-port-credentialname-selector.yaml'],
    codes: ['IST0128', 'IST0129'],
    expected: [],
  },
  {
    name: 'destinationrule with no cacert, mutual at portlevel',
    files: ['destinationrule-mutual-port.yaml'],
    codes: ['IST0128', 'IST0129'],
    expected: [['IST0129', 'DestinationRule db-mtls']],
  },
  {
    name: 'destinationrule with no cacert, mutual at destinationlevel and simple at port level',
    files: ['destinationrule-compound-simple-mutual.yaml'],
    codes: ['IST0128', 'IST0129'],
    expected: [
      ['IST0128', 'DestinationRule db-mtls'],
      ['IST0129', 'DestinationRule db-mtls'],
    ],
  },
  {
    name: 'destinationrule with no cacert, simple at destinationlevel and mutual at port level',
    files: ['destinationrule-compound-mutual-simple.yaml'],
    codes: ['IST0128', 'IST0129'],
    expected: [
      ['IST0129', 'DestinationRule db-mtls'],
      ['IST0128', 'DestinationRule db-mtls'],
    ],
  },
  {
    name: 'destinationrule with both cacerts',
    files: ['destinationrule-with-ca.yaml'],
    codes: ['IST0128', 'IST0129'],
    expected: [],
  },
  {
    name: 'host defined in virtualservice not found in the gateway',
    files: ['virtualservice_host_not_found_gateway.yaml'],
    codes: ['IST0132'],
    expected: [
      ['IST0132', 'VirtualService default/testing-service-02-test-01'],
      ['IST0132', 'VirtualService default/testing-service-02-test-02'],
      ['IST0132', 'VirtualService default/testing-service-02-test-03'],
      ['IST0132', 'VirtualService default/testing-service-03-test-04'],
    ],
  },
  {
    name: 'host defined in virtualservice not found in the gateway(beta version)',
    files: ['virtualservice_host_not_found_gateway_beta.yaml'],
    codes: ['IST0132'],
    expected: [
      ['IST0132', 'VirtualService default/testing-service-02-test-01'],
      ['IST0132', 'VirtualService default/testing-service-02-test-02'],
      ['IST0132', 'VirtualService default/testing-service-02-test-03'],
      ['IST0132', 'VirtualService default/testing-service-03-test-04'],
    ],
  },
  {
    name: 'host defined in virtualservice not found in the gateway with ns',
    files: ['virtualservice_host_not_found_gateway_with_ns_prefix.yaml'],
    codes: ['IST0132'],
    expected: [['IST0132', 'VirtualService default/testing-service-01-test-01']],
  },
  {
    name: 'host defined in virtualservice not found in the gateway with ns(beta version)',
    files: ['virtualservice_host_not_found_gateway_with_ns_prefix_beta.yaml'],
    codes: ['IST0132'],
    expected: [['IST0132', 'VirtualService default/testing-service-01-test-01']],
  },
  {
    name: 'virtualServiceDestinationRules',
    files: ['virtualservice_destinationrules.yaml'],
    codes: ['IST0101'],
    expected: [
      ['IST0101', 'VirtualService default/reviews-bogussubset'],
      ['IST0101', 'VirtualService default/reviews-mirror-bogussubset'],
    ],
  },
];

/** `Kind namespace/name` (or `Kind name`) as the engine writes it: `Kind/namespace/name`. */
function resourceRef(expected: string): string {
  const [kind, name] = expected.split(' ') as [string, string];
  return `${kind}/${name.includes('/') ? name : `default/${name}`}`;
}

function istioMessages(testCase: IstioCase): string[] {
  const text = testCase.files
    .map((file) => readFileSync(join(import.meta.dirname, 'istio-analyzers', file), 'utf8'))
    .join('\n---\n');
  const found = new Set<string>();
  for (const d of analyzeBundle(parseBundle(text))) {
    for (const code of codeCatalogue.get(d.code)?.related ?? []) {
      if (testCase.codes.includes(code)) found.add(`${code} ${d.resource ?? ''}`);
    }
  }
  return [...found].sort();
}

describe("istioctl analyze's own test cases", () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const expected = [...new Set(testCase.expected.map(([code, ref]) => `${code} ${resourceRef(ref)}`))];
    expect(istioMessages(testCase)).toEqual(expected.sort());
  });
});
