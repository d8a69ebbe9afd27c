/**
 * The Kubernetes objects an egress design may hold beside its Istio resources: pods and the
 * controllers that run them, Services, Secrets and Namespaces. Istio reads them to decide which
 * pods a Gateway or Sidecar selects, which Service a route reaches and where a credential lives;
 * a design that holds none of them is read as if they exist wherever Istio's config assumes so.
 */
import type { PathSegment } from '../bundle';
import type { ModelEntry } from './model';
import { list, record } from './read';

/** The model lists Kubernetes objects are grouped into. */
export type KubeList = 'workloads' | 'services' | 'secrets' | 'namespaceObjects' | 'nodes';

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
  '/Node': 'nodes',
};

/** The model list a Kubernetes object (by API group and kind) belongs to, or undefined for kinds the model does not read. */
export function kubeListOf(group: string, kind: string): KubeList | undefined {
  return KUBE_LISTS[`${group}/${kind}`];
}

/** String labels of a map (non-string values are the schema's business). */
export function labelMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, label] of Object.entries(record(value) ?? {})) {
    if (typeof label === 'string') out[key] = label;
  }
  return out;
}

/** The pods a workload object runs, as a pod: a Pod itself, a controller's pod template. */
function podOf(entry: ModelEntry): Record<string, unknown> | undefined {
  const value = entry.resource.value;
  if (entry.resource.kind === 'Pod') return value;
  const spec = record(value['spec']);
  return entry.resource.kind === 'CronJob'
    ? record(record(record(spec?.['jobTemplate'])?.['spec'])?.['template'])
    : record(spec?.['template']);
}

/** The labels of the pods a workload object runs: a Pod's own, a controller's pod template's. */
export function podLabels(entry: ModelEntry): Record<string, string> {
  return labelMap(record(podOf(entry)?.['metadata'])?.['labels']);
}

/** The annotations of the pods a workload object runs. */
export function podAnnotations(entry: ModelEntry): Record<string, string> {
  return labelMap(record(podOf(entry)?.['metadata'])?.['annotations']);
}

/** The node the pods of a workload object are pinned to (`spec.nodeName`), if any. */
export function podNodeName(entry: ModelEntry): string | undefined {
  const name = record(podOf(entry)?.['spec'])?.['nodeName'];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** The labels (or annotations) of any Kubernetes object's own metadata. */
export function metadataMap(entry: ModelEntry, field: 'labels' | 'annotations'): Record<string, string> {
  return labelMap(record(entry.resource.value['metadata'])?.[field]);
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

/**
 * Whether a namespace is in ambient mode as istioctl decides it: labelled
 * `istio.io/dataplane-mode: ambient` and not marked for sidecar injection (`istio-injection: enabled`
 * or an `istio.io/rev` revision), which wins.
 */
export function namespaceIsAmbient(namespace: ModelEntry): boolean {
  const labels = metadataMap(namespace, 'labels');
  if (labels['istio-injection'] === 'enabled' || labels['istio.io/rev']) return false;
  return labels['istio.io/dataplane-mode'] === 'ambient';
}

/**
 * Whether the pods of a workload run in ambient mode (ztunnel, no sidecar): the CNI marks them with
 * `ambient.istio.io/redirection: enabled`; a design states it through the pod's or its namespace's
 * `istio.io/dataplane-mode: ambient`, unless the pod opts out (`none`) or asks for a sidecar.
 */
export function podIsAmbient(pod: ModelEntry, namespace: ModelEntry | undefined): boolean {
  const annotations = podAnnotations(pod);
  if (annotations['ambient.istio.io/redirection'] === 'enabled') return true;
  const labels = podLabels(pod);
  const mode = labels['istio.io/dataplane-mode'];
  const injected =
    labels['sidecar.istio.io/inject'] === 'true' || annotations['sidecar.istio.io/inject'] === 'true';
  if (mode === 'none' || injected) return false;
  return mode === 'ambient' || (namespace !== undefined && namespaceIsAmbient(namespace));
}

/** A label selector as Kubernetes prints it: `key=value` pairs in key order, comma-separated. */
export function selectorText(selector: Record<string, string>): string {
  return Object.keys(selector)
    .sort()
    .map((key) => `${key}=${selector[key]!}`)
    .join(',');
}

/** The port numbers of a Service, in order. */
export function servicePortNumbers(service: ModelEntry): number[] {
  return list(service.spec['ports']).flatMap((port) => {
    const number = record(port)?.['port'];
    return typeof number === 'number' ? [number] : [];
  });
}

const REGION = 'topology.kubernetes.io/region';
const ZONE = 'topology.kubernetes.io/zone';
const SUBZONE = 'topology.istio.io/subzone';

/**
 * The labels Istio gives the endpoints of a workload's pods (pilot's AugmentLabels): the pod's
 * own, with the locality of its node (region, zone, subzone, as pilot composes and splits it) and
 * the node name as `kubernetes.io/hostname`.
 */
export function endpointLabels(pod: ModelEntry, node: ModelEntry | undefined): Record<string, string> {
  const out = { ...podLabels(pod) };
  if (node) {
    const labels = metadataMap(node, 'labels');
    let locality = labels[REGION] ?? '';
    if (labels[ZONE]) locality += `/${labels[ZONE]}${labels[SUBZONE] ? `/${labels[SUBZONE]}` : ''}`;
    const [region, zone, subzone] = locality.split('/');
    if (region) out[REGION] = region;
    if (zone) out[ZONE] = zone;
    if (subzone) out[SUBZONE] = subzone;
  }
  const nodeName = podNodeName(pod);
  if (nodeName) out['kubernetes.io/hostname'] = nodeName;
  return out;
}

const KUBE_SYSTEM_NAMESPACES = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'local-path-storage',
]);

/**
 * Kubernetes' own namespaces (kube-system, kube-public, kube-node-lease, local-path-storage):
 * istioctl analyze ignores every object in them (pkg/kube/inject IgnoredNamespaces).
 */
export function isKubeSystemNamespace(namespace: string): boolean {
  return KUBE_SYSTEM_NAMESPACES.has(namespace);
}

/** Where to point at a label map: its one label when it has one (the likely typo), else the whole map. */
export function labelsPath(path: readonly PathSegment[], labels: Record<string, string>): PathSegment[] {
  const keys = Object.keys(labels);
  return keys.length === 1 ? [...path, keys[0]!] : [...path];
}
