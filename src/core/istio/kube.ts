/**
 * The Kubernetes objects an egress design may hold beside its Istio resources: pods and the
 * controllers that run them, Services, Secrets and Namespaces. Istio reads them to decide which
 * pods a Gateway or Sidecar selects, which Service a route reaches and where a credential lives;
 * a design that holds none of them is read as if they exist wherever Istio's config assumes so.
 */
import type { ModelEntry } from './model';
import { record } from './read';

/** The model lists Kubernetes objects are grouped into. */
export type KubeList = 'workloads' | 'services' | 'secrets' | 'namespaceObjects';

// By `group/kind`, the group empty for the core API. Controllers count as the pods they run.
const KUBE_LISTS: Readonly<Record<string, KubeList>> = {
  '/Pod': 'workloads',
  'apps/Deployment': 'workloads',
  'apps/StatefulSet': 'workloads',
  'apps/DaemonSet': 'workloads',
  'apps/ReplicaSet': 'workloads',
  'batch/Job': 'workloads',
  'batch/CronJob': 'workloads',
  '/Service': 'services',
  '/Secret': 'secrets',
  '/Namespace': 'namespaceObjects',
};

/** The model list a Kubernetes object (by API group and kind) belongs to, or undefined for kinds the model does not read. */
export function kubeListOf(group: string, kind: string): KubeList | undefined {
  return KUBE_LISTS[`${group}/${kind}`];
}

/** String labels of a map (non-string values are the schema's business). */
function labelMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, label] of Object.entries(record(value) ?? {})) {
    if (typeof label === 'string') out[key] = label;
  }
  return out;
}

/** The labels of the pods a workload object runs: a Pod's own, a controller's pod template's. */
export function podLabels(entry: ModelEntry): Record<string, string> {
  const value = entry.resource.value;
  if (entry.resource.kind === 'Pod') return labelMap(record(value['metadata'])?.['labels']);
  const spec = record(value['spec']);
  const template =
    entry.resource.kind === 'CronJob'
      ? record(record(record(spec?.['jobTemplate'])?.['spec'])?.['template'])
      : record(spec?.['template']);
  return labelMap(record(template?.['metadata'])?.['labels']);
}

/** A Service's pod selector, or undefined when it has none (it then selects no pods). */
export function serviceSelector(entry: ModelEntry): Record<string, string> | undefined {
  const selector = record(entry.spec['selector']);
  return selector ? labelMap(selector) : undefined;
}

/** Whether every label of `selector` is set to the same value in `labels` (an empty selector matches all). */
export function selectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/**
 * Whether two selectors evidently pick the same pods: they agree on at least one label and require
 * no label with two different values. Used when the bundle holds a Service but not its pods.
 */
export function selectorsAgree(a: Record<string, string>, b: Record<string, string>): boolean {
  const entries = Object.entries(a);
  return (
    entries.some(([key, value]) => b[key] === value) &&
    entries.every(([key, value]) => b[key] === undefined || b[key] === value)
  );
}
