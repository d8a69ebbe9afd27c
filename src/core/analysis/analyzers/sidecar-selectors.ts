/**
 * Sidecars against the pods and Namespaces the design holds (istioctl's sidecar/selector.go): a
 * workloadSelector that matches no pod of its namespace (IST0101), pods selected by several
 * Sidecars (IST0110), and Sidecars for ambient-mode pods, which have no sidecar (IST0167). Several
 * selector-less Sidecars in one namespace (IST0111) need no pods and are checked elsewhere.
 */
import {
  labelMap,
  labelsPath,
  namespaceIsAmbient,
  podIsAmbient,
  podLabels,
  selectorMatches,
  selectorText,
} from '../../istio/kube';
import type { ModelEntry } from '../../istio/model';
import { record } from '../../istio/read';
import { namespaceObject, sidecarsIn, workloadsIn } from '../../istio/visibility';
import type { Analyzer } from '.';

/** A Sidecar's workloadSelector labels, or undefined when it applies to its whole namespace. */
function sidecarSelector(sidecar: ModelEntry): Record<string, string> | undefined {
  const labels = labelMap(record(sidecar.spec['workloadSelector'])?.['labels']);
  return Object.keys(labels).length > 0 ? labels : undefined;
}

const checkSidecarSelectors: Analyzer = (model, report) => {
  for (const sidecar of model.sidecars) {
    const namespace = namespaceObject(model, sidecar.namespace);
    const selector = sidecarSelector(sidecar);
    if (!selector) {
      if (namespace && namespaceIsAmbient(namespace)) {
        report(
          sidecar,
          'SIDECAR-IN-AMBIENT',
          ['metadata', 'namespace'],
          `namespace ${sidecar.namespace} is in ambient mode (istio.io/dataplane-mode: ambient): its pods have no sidecar, so this Sidecar has no effect`,
        );
      }
      continue;
    }
    const workloads = workloadsIn(model, sidecar.namespace);
    const selected = workloads.filter((w) => selectorMatches(selector, podLabels(w)));
    if (selected.length === 0) {
      if (workloads.length === 0) continue; // the design shows no pods here: nothing to say
      report(
        sidecar,
        'SELECTOR-NO-PODS',
        labelsPath(['spec', 'workloadSelector', 'labels'], selector),
        `no pod in namespace ${sidecar.namespace} has the labels ${selectorText(selector)} (the design holds ${workloads.map((w) => w.ref).join(', ')}): this Sidecar applies to nothing`,
      );
      continue;
    }
    const ambient = selected.filter((w) => podIsAmbient(w, namespace));
    if (ambient.length > 0) {
      report(
        sidecar,
        'SIDECAR-IN-AMBIENT',
        labelsPath(['spec', 'workloadSelector', 'labels'], selector),
        `${ambient.map((w) => w.ref).join(', ')} ${ambient.length > 1 ? 'run' : 'runs'} in ambient mode, with no sidecar: this Sidecar has no effect on ${ambient.length > 1 ? 'them' : 'it'}`,
      );
    }
    for (const workload of selected.filter((w) => !ambient.includes(w))) {
      const labels = podLabels(workload);
      const others = sidecarsIn(model, sidecar.namespace).filter((other) => {
        const otherSelector = other === sidecar ? undefined : sidecarSelector(other);
        return otherSelector !== undefined && selectorMatches(otherSelector, labels);
      });
      if (others.length === 0) continue;
      report(
        sidecar,
        'CONFLICT-SIDECAR-SELECTOR',
        labelsPath(['spec', 'workloadSelector', 'labels'], selector),
        `${workload.ref} is also selected by ${others.map((o) => o.ref).join(', ')}: a pod takes one Sidecar only, and which one applies is undefined`,
      );
      break;
    }
  }
};

/** Sidecars against the design's pods and Namespaces. */
export const sidecarSelectorAnalyzers: Analyzer[] = [checkSidecarSelectors];
