/**
 * Lookups of the Kubernetes objects a design holds (Services, pods and their controllers, Secrets,
 * Namespaces, Nodes), through the model's indexes, for the analyzers that check Istio resources
 * against them and for finding gateway deployments.
 */
import { isClusterLocalHost, qualifyHost } from './hosts';
import { derivedFromIndexes, indexesOf } from './indexes';
import { endpointLabels, metadataMap, podNodeName } from './kube';
import type { BundleModel, ModelEntry } from './model';

/** The Kubernetes Service `ns/name` in the bundle, if it holds one. */
export function kubeService(model: BundleModel, namespace: string, name: string): ModelEntry | undefined {
  return indexesOf(model).servicesByName.get(`${namespace}/${name}`)[0];
}

/** The Kubernetes Service a cluster-local host names (`svc.ns.svc.cluster.local`), if the bundle holds it. */
export function kubeServiceForHost(
  model: BundleModel,
  host: string,
  namespace: string,
): ModelEntry | undefined {
  const qualified = qualifyHost(host, namespace);
  if (!isClusterLocalHost(qualified)) return undefined;
  const [name = '', ns = namespace] = qualified.split('.');
  return kubeService(model, ns, name);
}

/** What the design says about the Kubernetes Service an in-cluster host names. */
export interface KubeServiceLookup {
  namespace: string;
  name: string;
  /** The Service, when the design holds it. */
  service: ModelEntry | undefined;
  /** Whether the design holds Services of that namespace (then a Service it lacks is missing). */
  described: boolean;
}

/**
 * The Service a cluster-local host names (short names in `namespace`), with whether the design
 * describes that namespace's Services; undefined for hosts that name no single Service.
 */
export function kubeServiceLookup(
  model: BundleModel,
  host: string,
  namespace: string,
): KubeServiceLookup | undefined {
  const qualified = qualifyHost(host, namespace);
  if (!isClusterLocalHost(qualified) || qualified.startsWith('*')) return undefined;
  const [name = '', ns = namespace] = qualified.split('.');
  const service = kubeService(model, ns, name);
  return {
    namespace: ns,
    name,
    service,
    described: service !== undefined || kubeServicesIn(model, ns).length > 0,
  };
}

/**
 * Whether a Service is visible to proxies in `namespace`: its `networking.istio.io/exportTo`
 * annotation (comma-separated; `.` is its own namespace), every namespace when unset.
 */
export function kubeServiceVisibleTo(service: ModelEntry, namespace: string): boolean {
  const annotation = metadataMap(service, 'annotations')['networking.istio.io/exportTo'];
  if (!annotation) return true;
  return annotation
    .split(',')
    .map((e) => e.trim())
    .some((e) => e === '*' || e === namespace || (e === '.' && service.namespace === namespace));
}

/** Every Kubernetes Service in the bundle, in bundle order within each namespace. */
export function kubeServices(model: BundleModel): ModelEntry[] {
  const index = indexesOf(model).servicesByName;
  return index
    .keys()
    .sort()
    .flatMap((key) => index.get(key));
}

/** Pods and pod controllers of a namespace, in bundle order. */
export function workloadsIn(model: BundleModel, namespace: string): readonly ModelEntry[] {
  return indexesOf(model).workloadsByNamespace.get(namespace);
}

/** Pods and pod controllers, in any namespace, whose pods carry the label `key: value`, namespace by namespace. */
export function workloadsWithLabel(model: BundleModel, key: string, value: string): readonly ModelEntry[] {
  return indexesOf(model).workloadsByLabel.get(`${key}=${value}`);
}

/** Whether the bundle holds any pod or pod controller (a design without them says nothing about pods). */
export function hasWorkloads(model: BundleModel): boolean {
  return indexesOf(model).workloadsByNamespace.keys().length > 0;
}

/** Every pod and pod controller in the bundle, namespace by namespace. */
export function allWorkloads(model: BundleModel): ModelEntry[] {
  const index = indexesOf(model).workloadsByNamespace;
  return index
    .keys()
    .sort()
    .flatMap((ns) => index.get(ns));
}

/**
 * The labels of every pod of the design as Istio gives them to its endpoints (its own, with its
 * node's topology and name: see `endpointLabels`), worked out once per state of the design.
 */
export function allEndpointLabels(model: BundleModel): readonly Record<string, string>[] {
  return derivedFromIndexes(model, 'endpoint-labels', () =>
    allWorkloads(model).map((workload) => {
      const node = podNodeName(workload);
      return endpointLabels(workload, node ? kubeNode(model, node) : undefined);
    }),
  );
}

/** The Secret `ns/name` in the bundle, if it holds one. */
export function kubeSecret(model: BundleModel, namespace: string, name: string): ModelEntry | undefined {
  return indexesOf(model).secretsByName.get(`${namespace}/${name}`)[0];
}

/** The Secrets of a namespace, in bundle order (a design that holds some describes them all). */
export function kubeSecretsIn(model: BundleModel, namespace: string): readonly ModelEntry[] {
  return indexesOf(model).secretsByNamespace.get(namespace);
}

/** Secrets with this name in any namespace, in bundle order. */
export function kubeSecretsNamed(model: BundleModel, name: string): readonly ModelEntry[] {
  return indexesOf(model).secretsByBareName.get(name);
}

/** The Kubernetes Services of a namespace, in bundle order (a design that holds some describes them all). */
export function kubeServicesIn(model: BundleModel, namespace: string): readonly ModelEntry[] {
  return indexesOf(model).servicesByNamespace.get(namespace);
}

/** The Namespace object of this name, if the bundle holds it. */
export function namespaceObject(model: BundleModel, name: string): ModelEntry | undefined {
  return indexesOf(model).namespaceObjectsByName.get(name)[0];
}

/** The Node of this name, if the bundle holds it. */
export function kubeNode(model: BundleModel, name: string): ModelEntry | undefined {
  return indexesOf(model).nodesByName.get(name)[0];
}
