/**
 * Egress gateway deployments, as Istio finds them (ISTIO.md §5.1). A Gateway resource configures
 * whichever gateway pods its `selector` matches, in any namespace; its own namespace names nothing.
 * The mesh reaches those pods through the Kubernetes Service its routes name
 * (`istio-egressgateway.istio-system.svc.cluster.local`, or a dedicated one). The graph, the
 * analyzers and the simulator all ask this module which pods a Gateway configures and which
 * Service is an egress gateway, so they agree on the path a request takes.
 */
import {
  discoverGatewayProxies,
  gatewaySelector,
  INSTALLED_GATEWAY_PODS,
  type GatewayProxy,
} from './gateway-discovery';
import { derivedFromIndexes, derivedPer } from './indexes';
import { ROOT_NAMESPACE } from './kinds';
import { podLabels, selectorMatches } from './kube';
import type { GatewayHop } from './indexes';
import type { BundleModel, ModelEntry } from './model';
import { allWorkloads, meshHopsFor, workloadsIn, workloadsWithLabel } from './visibility';

export { gatewaySelector, type GatewayProxy } from './gateway-discovery';

/** Every egress gateway deployment of the design, by id. */
export function gatewayProxies(model: BundleModel): readonly GatewayProxy[] {
  return derivedFromIndexes(model, 'gateway-proxies', () => discoverGatewayProxies(model));
}

/** The egress gateway a route destination reaches (`host` qualified in `namespace`), if it is one. */
export function gatewayProxyFor(
  model: BundleModel,
  host: string,
  namespace: string,
): GatewayProxy | undefined {
  return proxiesByHost(model).get(qualify(host, namespace));
}

/** The gateway deployments a Gateway resource (`ns/name`) configures. */
export function proxiesOfGateway(model: BundleModel, ref: string): readonly GatewayProxy[] {
  return proxiesByGateway(model).get(ref) ?? [];
}

/** Gateway deployments by Service host (each host is one deployment). */
function proxiesByHost(model: BundleModel): ReadonlyMap<string, GatewayProxy> {
  return derivedFromIndexes(
    model,
    'gateway-proxies-by-host',
    () => new Map(gatewayProxies(model).map((p) => [p.serviceHost, p])),
  );
}

/** Gateway deployments by each Gateway resource (`ns/name`) that configures them, in id order. */
function proxiesByGateway(model: BundleModel): ReadonlyMap<string, readonly GatewayProxy[]> {
  return derivedFromIndexes(model, 'gateway-proxies-by-gateway', () => {
    const byRef = new Map<string, GatewayProxy[]>();
    for (const proxy of gatewayProxies(model)) {
      for (const ref of new Set(proxy.gateways.map(refOf))) {
        const list = byRef.get(ref);
        if (list) list.push(proxy);
        else byRef.set(ref, [proxy]);
      }
    }
    return byRef;
  });
}

/**
 * The namespaces whose view of the config a Gateway's routes are applied in: where the gateway
 * pods it configures run. When the design says nothing about them, the Gateway's own namespace.
 */
export function gatewayProxyNamespaces(model: BundleModel, ref: string): string[] {
  const namespaces = [...new Set(proxiesOfGateway(model, ref).map((p) => p.namespace))];
  return namespaces.length > 0 ? namespaces : [ref.slice(0, ref.indexOf('/'))];
}

/** A pod a Gateway's selector matches: one of the design's workloads, or one that Istio's install runs. */
export interface GatewayPod {
  namespace: string;
  labels: Record<string, string>;
  /** The bundle's Pod or controller; undefined for a pod of Istio's own gateway install. */
  workload: ModelEntry | undefined;
}

/**
 * The pods a Gateway's selector matches, as istioctl analyze finds them: every pod, in any
 * namespace, whose labels include the selector. Istio's default gateways (istio-egressgateway and
 * istio-ingressgateway in istio-system) count as installed, as istioctl assumes its ingress gateway
 * when it reads files, unless the design holds istio-system's workloads itself.
 */
export function podsOfGateway(model: BundleModel, gateway: ModelEntry): readonly GatewayPod[] {
  const selector = gatewaySelector(gateway);
  const entries = Object.entries(selector);
  // Once per selector: Gateways that select alike (copies of one) have the same pods.
  return derivedPer(model, 'gateway-pods', entries.flat(), () => {
    const pods: GatewayPod[] = [];
    // Only pods that carry one of the labels can match all of them.
    const [first] = entries;
    const candidates = first ? workloadsWithLabel(model, first[0], first[1]) : allWorkloads(model);
    for (const workload of candidates) {
      const labels = podLabels(workload);
      if (selectorMatches(selector, labels)) pods.push({ namespace: workload.namespace, labels, workload });
    }
    if (workloadsIn(model, ROOT_NAMESPACE).length === 0) {
      for (const labels of INSTALLED_GATEWAY_PODS) {
        if (selectorMatches(selector, labels))
          pods.push({ namespace: ROOT_NAMESPACE, labels, workload: undefined });
      }
    }
    return pods;
  });
}

/**
 * Whether a Gateway evidently selects no pod: none matches its selector, and the design holds the
 * workloads of a namespace where its gateway pods would run ({@link gatewayProxyNamespaces}). A
 * design that shows no pods there says nothing about them.
 */
export function gatewaySelectsNoPod(model: BundleModel, gateway: ModelEntry): boolean {
  if (podsOfGateway(model, gateway).length > 0) return false;
  const expected = gatewayProxyNamespaces(model, refOf(gateway));
  // Gateways Istio installs (selected by an `istio` label) run in its root namespace.
  if (gatewaySelector(gateway)['istio'] !== undefined) expected.push(ROOT_NAMESPACE);
  return expected.some((ns) => workloadsIn(model, ns).length > 0);
}

/**
 * Where a Gateway's pods run, and so where they read the Secrets its servers name: the namespaces
 * of the pods its selector matches, else where its deployment is expected ({@link gatewayProxyNamespaces}).
 */
export function gatewayPodNamespaces(model: BundleModel, gateway: ModelEntry): string[] {
  const pods = podsOfGateway(model, gateway);
  if (pods.length === 0) return gatewayProxyNamespaces(model, refOf(gateway));
  return [...new Set(pods.map((pod) => pod.namespace))].sort();
}

/** Mesh rules that send traffic for `host` (a VS host) to an egress gateway: hop 1 of a two-hop route. */
export function gatewayHopsFor(model: BundleModel, host: string): readonly GatewayHop[] {
  return derivedPer(model, 'gateway-hops', [host], () =>
    meshHopsFor(model, host).filter((hop) => proxiesByHost(model).has(hop.gatewayHost)),
  );
}

function refOf(gateway: ModelEntry): string {
  return `${gateway.namespace}/${gateway.name}`;
}

function qualify(host: string, namespace: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h.includes('.')) return `${h}.${namespace}.svc.cluster.local`;
  return h.endsWith('.svc') ? `${h}.cluster.local` : h;
}
