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
import { derivedPer } from '../../istio/indexes';
import type { BundleModel, ModelEntry } from '../../istio/model';
import { record } from '../../istio/read';
import { namespaceObject, sidecarsIn, workloadsIn } from '../../istio/visibility';
import type { Analyzer } from '.';

/** A Sidecar's workloadSelector labels, or undefined when it applies to its whole namespace. */
function sidecarSelector(sidecar: ModelEntry): Record<string, string> | undefined {
  const labels = labelMap(record(sidecar.spec['workloadSelector'])?.['labels']);
  return Object.keys(labels).length > 0 ? labels : undefined;
}

/** The pods and pod controllers of `namespace` that `selector` selects, once per namespace and selector. */
function selectedWorkloads(
  model: BundleModel,
  namespace: string,
  selector: Record<string, string>,
): readonly ModelEntry[] {
  return derivedPer(model, 'sidecar-selects', [namespace, ...Object.entries(selector).flat()], () =>
    workloadsIn(model, namespace).filter((w) => selectorMatches(selector, podLabels(w))),
  );
}

/** The pods and pod controllers of a namespace, as a message lists them (once per namespace). */
function workloadRefs(model: BundleModel, namespace: string): string {
  return derivedPer(model, 'workload-refs', [namespace], () =>
    workloadsIn(model, namespace)
      .map((w) => w.ref)
      .join(', '),
  );
}

/**
 * For each pod or pod controller of `namespace`, the Sidecars with a workloadSelector that select
 * it, in bundle order: worked out once per namespace rather than once per pod and Sidecar.
 */
function selectingSidecars(
  model: BundleModel,
  namespace: string,
): ReadonlyMap<ModelEntry, readonly ModelEntry[]> {
  return derivedPer(model, 'sidecars-selecting', [namespace], () => {
    const out = new Map<ModelEntry, ModelEntry[]>();
    for (const other of sidecarsIn(model, namespace)) {
      const selector = sidecarSelector(other);
      if (!selector) continue;
      for (const workload of selectedWorkloads(model, namespace, selector)) {
        const list = out.get(workload);
        if (list) list.push(other);
        else out.set(workload, [other]);
      }
    }
    return out;
  });
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
    const selected = selectedWorkloads(model, sidecar.namespace, selector);
    if (selected.length === 0) {
      if (workloads.length === 0) continue; // the design shows no pods here: nothing to say
      report(
        sidecar,
        'SELECTOR-NO-PODS',
        labelsPath(['spec', 'workloadSelector', 'labels'], selector),
        `no pod in namespace ${sidecar.namespace} has the labels ${selectorText(selector)} (the design holds ${workloadRefs(model, sidecar.namespace)}): this Sidecar applies to nothing`,
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
    const skipped = new Set(ambient);
    for (const workload of selected) {
      if (skipped.has(workload)) continue;
      const others = (selectingSidecars(model, sidecar.namespace).get(workload) ?? []).filter(
        (other) => other !== sidecar,
      );
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
