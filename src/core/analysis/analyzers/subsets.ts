/**
 * DestinationRule subsets against the pods the design holds (istioctl's destinationrule/subset.go,
 * IST0173): a subset whose labels, merged with the ServiceEntry's workloadSelector, match no pod
 * has no endpoints. Hosts nothing registers are DR-HOST-UNKNOWN's (IST0174) and not checked here.
 */
import { labelMap, labelsPath, selectorMatches, selectorText } from '../../istio/kube';
import { derivedPer } from '../../istio/indexes';
import type { BundleModel } from '../../istio/model';
import { record, records, str } from '../../istio/read';
import {
  allEndpointLabels,
  hasWorkloads,
  isClusterLocalHost,
  mostSpecificServiceEntries,
  namespaceOfClusterHost,
  qualifyHost,
  workloadsIn,
} from '../../istio/visibility';
import type { Analyzer } from '.';

/** What backs a host's endpoints, as far as subsets are concerned. */
interface Backing {
  /** The ServiceEntry's workloadSelector labels, which every subset adds to its own. */
  selector: Record<string, string>;
  /** Labels of the ServiceEntry's own endpoints (they are endpoints a subset may select too). */
  endpoints: Record<string, string>[];
  /** Where the host's pods run, so where the design must hold workloads; undefined for anywhere. */
  podNamespace: string | undefined;
  /** What registers the host, for messages. */
  source: string;
}

function backingOf(model: BundleModel, host: string, namespace: string): Backing | undefined {
  const match = mostSpecificServiceEntries(model, host, namespace)[0];
  if (match) {
    const selector = labelMap(record(match.entry.spec['workloadSelector'])?.['labels']);
    return {
      selector,
      endpoints: records(match.entry.spec['endpoints']).map(([e]) => labelMap(e['labels'])),
      podNamespace: Object.keys(selector).length > 0 ? match.entry.namespace : undefined,
      source: match.entry.ref,
    };
  }
  if (!isClusterLocalHost(host) || host.startsWith('*')) return undefined;
  const qualified = qualifyHost(host, namespace);
  return {
    selector: {},
    endpoints: [],
    podNamespace: namespaceOfClusterHost(qualified, namespace),
    source: qualified,
  };
}

/**
 * Whether some pod of the design, in any namespace and with its node's labels (as istioctl counts
 * them), has the labels of `selector`: once per selector, which the subsets of copies share.
 */
function selectsSomePod(model: BundleModel, selector: Record<string, string>): boolean {
  return derivedPer(model, 'selects-pod', Object.entries(selector).flat(), () =>
    allEndpointLabels(model).some((labels) => selectorMatches(selector, labels)),
  );
}

const checkSubsetPods: Analyzer = (model, report) => {
  for (const dr of model.destinationRules) {
    const host = str(dr.spec['host']);
    const subsets = records(dr.spec['subsets']);
    if (!host || subsets.length === 0) continue;
    const backing = backingOf(model, host, dr.namespace);
    if (!backing) continue;
    const showsPods = backing.podNamespace
      ? workloadsIn(model, backing.podNamespace).length > 0
      : hasWorkloads(model);
    if (!showsPods && backing.endpoints.length === 0) continue;
    for (const [subset, i] of subsets) {
      const labels = labelMap(subset['labels']);
      const selector = { ...backing.selector, ...labels };
      const matches = (l: Record<string, string>) => selectorMatches(selector, l);
      if ((showsPods && selectsSomePod(model, selector)) || backing.endpoints.some(matches)) continue;
      const name = str(subset['name']) ?? `#${i}`;
      const selecting =
        Object.keys(selector).length > 0 ? `has the labels ${selectorText(selector)}` : 'exists';
      const candidates = [
        ...(showsPods ? ['no pod in the design'] : []),
        ...(backing.endpoints.length > 0 ? [`no endpoint of ${backing.source}`] : []),
      ].join(' and ');
      report(
        dr,
        'SUBSET-NO-PODS',
        Object.keys(labels).length > 0
          ? labelsPath(['spec', 'subsets', i, 'labels'], labels)
          : ['spec', 'subsets', i, 'name'],
        `subset ${name} of ${host} selects nothing: ${candidates} ${selecting}, so requests routed to it fail with 503 (no healthy upstream)`,
      );
    }
  }
};

/** Subsets against the design's pods. */
export const subsetAnalyzers: Analyzer[] = [checkSubsetPods];
