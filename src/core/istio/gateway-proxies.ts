/**
 * Egress gateway deployments, as Istio finds them (ISTIO.md §5.1). A Gateway resource configures
 * whichever gateway pods its `selector` matches, in any namespace; its own namespace names nothing.
 * The mesh reaches those pods through the Kubernetes Service its routes name
 * (`istio-egressgateway.istio-system.svc.cluster.local`, or a dedicated one). The graph, the
 * analyzers and the simulator all ask this module which pods a Gateway configures and which
 * Service is an egress gateway, so they agree on the path a request takes.
 */
import { derivedFromIndexes } from './indexes';
import { EGRESS_GATEWAY_HOST, ROOT_NAMESPACE } from './kinds';
import { labelMap, podLabels, selectorMatches, selectorsAgree, serviceSelector } from './kube';
import type { GatewayHop } from './indexes';
import type { BundleModel, ModelEntry } from './model';
import { strings } from './read';
import {
  allGateways,
  allWorkloads,
  hopTargets,
  isEgressGatewayHost,
  meshHopsFor,
  kubeServiceForHost,
  kubeServices,
  rulesOf,
  virtualServicesBoundTo,
  workloadsIn,
  workloadsWithLabel,
} from './visibility';

/** One gateway deployment: its Service, where its pods run, and the Gateway resources that configure it. */
export interface GatewayProxy {
  /** Graph node id: `egress-gateway:<service>` in the root namespace, `egress-gateway:<service>.<ns>` elsewhere. */
  id: string;
  /** The Service's name. */
  name: string;
  /** The Service's namespace, where the gateway pods run: the namespace the gateway sees config from. */
  namespace: string;
  /** `<name>.<namespace>.svc.cluster.local`. */
  serviceHost: string;
  /** Gateway resources whose selector picks these pods. */
  gateways: ModelEntry[];
  /** The bundle's Service object, when it holds one. */
  service: ModelEntry | undefined;
  /** The bundle's pods and controllers behind the Service. */
  workloads: ModelEntry[];
}

/** Every egress gateway deployment of the design, by id. */
export function gatewayProxies(model: BundleModel): readonly GatewayProxy[] {
  return derivedFromIndexes(model, 'gateway-proxies', () => findProxies(model));
}

/** The egress gateway a route destination reaches (`host` qualified in `namespace`), if it is one. */
export function gatewayProxyFor(
  model: BundleModel,
  host: string,
  namespace: string,
): GatewayProxy | undefined {
  const qualified = qualify(host, namespace);
  return gatewayProxies(model).find((p) => p.serviceHost === qualified);
}

/** The gateway deployments a Gateway resource (`ns/name`) configures. */
export function proxiesOfGateway(model: BundleModel, ref: string): GatewayProxy[] {
  return gatewayProxies(model).filter((p) => p.gateways.some((g) => refOf(g) === ref));
}

/**
 * The namespaces whose view of the config a Gateway's routes are applied in: where the gateway
 * pods it configures run. When the design says nothing about them, the Gateway's own namespace.
 */
export function gatewayProxyNamespaces(model: BundleModel, ref: string): string[] {
  const namespaces = [...new Set(proxiesOfGateway(model, ref).map((p) => p.namespace))];
  return namespaces.length > 0 ? namespaces : [ref.slice(0, ref.indexOf('/'))];
}

/** The pods Istio's own install runs in its root namespace for its default gateways, by their labels. */
const INSTALLED_GATEWAY_PODS: readonly Record<string, string>[] = [
  {
    app: 'istio-egressgateway',
    istio: 'egressgateway',
    'service.istio.io/canonical-name': 'istio-egressgateway',
  },
  {
    app: 'istio-ingressgateway',
    istio: 'ingressgateway',
    'service.istio.io/canonical-name': 'istio-ingressgateway',
  },
];

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
export function podsOfGateway(model: BundleModel, gateway: ModelEntry): GatewayPod[] {
  const selector = gatewaySelector(gateway);
  const pods: GatewayPod[] = [];
  // Only pods that carry one of the labels can match all of them.
  const [first] = Object.entries(selector);
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
export function gatewayHopsFor(model: BundleModel, host: string): GatewayHop[] {
  return meshHopsFor(model, host).filter((hop) => isGatewayHost(model, hop.gatewayHost));
}

function isGatewayHost(model: BundleModel, qualifiedHost: string): boolean {
  return gatewayProxies(model).some((p) => p.serviceHost === qualifiedHost);
}

function refOf(gateway: ModelEntry): string {
  return `${gateway.namespace}/${gateway.name}`;
}

function qualify(host: string, namespace: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h.includes('.')) return `${h}.${namespace}.svc.cluster.local`;
  return h.endsWith('.svc') ? `${h}.cluster.local` : h;
}

/** A Gateway's `selector` (string labels only). */
export function gatewaySelector(gateway: ModelEntry): Record<string, string> {
  return labelMap(gateway.spec['selector']);
}

/** Collects gateway deployments and the Gateways that configure them. */
class ProxyDraft {
  private readonly byHost = new Map<string, GatewayProxy>();

  constructor(private readonly model: BundleModel) {}

  ensure(serviceHost: string): GatewayProxy {
    let proxy = this.byHost.get(serviceHost);
    if (!proxy) {
      const [name = serviceHost, namespace = ROOT_NAMESPACE] = serviceHost.split('.');
      const service = kubeServiceForHost(this.model, serviceHost, namespace);
      const selector = service ? serviceSelector(service) : undefined;
      proxy = {
        id: `egress-gateway:${namespace === ROOT_NAMESPACE ? name : `${name}.${namespace}`}`,
        name,
        namespace,
        serviceHost,
        gateways: [],
        service,
        workloads: selector
          ? workloadsIn(this.model, namespace).filter((w) => selectorMatches(selector, podLabels(w)))
          : [],
      };
      this.byHost.set(serviceHost, proxy);
    }
    return proxy;
  }

  has(serviceHost: string): boolean {
    return this.byHost.has(serviceHost);
  }

  pair(gateway: ModelEntry, serviceHost: string): void {
    const proxy = this.ensure(serviceHost);
    if (!proxy.gateways.includes(gateway)) proxy.gateways.push(gateway);
  }

  paired(gateway: ModelEntry): boolean {
    return [...this.byHost.values()].some((p) => p.gateways.includes(gateway));
  }

  proxies(): GatewayProxy[] {
    return [...this.byHost.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}

/**
 * Which Service is an egress gateway, and which Gateways configure it, from the best evidence the
 * design holds: the bundle's Service and pods (matched by selector, as Istio does); without them,
 * the two-hop routes (a mesh rule sends a host to an in-cluster Service and a rule bound to a
 * Gateway forwards the same host on: that Service is the Gateway's); and Istio's default install
 * (`istio: egressgateway` is `istio-egressgateway.istio-system`).
 */
function findProxies(model: BundleModel): GatewayProxy[] {
  const draft = new ProxyDraft(model);
  const gateways = allGateways(model);
  // Each selector read once: the loop below pairs every Service with every Gateway.
  const selectors = new Map(gateways.map((g) => [g, gatewaySelector(g)]));
  const selected = gateways.filter((g) => Object.keys(selectors.get(g)!).length > 0);

  // The bundle's own Services: a Gateway configures the pods its selector matches.
  for (const service of kubeServices(model)) {
    const selector = serviceSelector(service);
    if (!selector) continue;
    const host = `${service.name}.${service.namespace}.svc.cluster.local`;
    const pods = workloadsIn(model, service.namespace)
      .map(podLabels)
      .filter((labels) => selectorMatches(selector, labels));
    for (const gateway of selected) {
      const wanted = selectors.get(gateway)!;
      const matches =
        pods.length > 0
          ? pods.some((labels) => selectorMatches(wanted, labels))
          : selectorsAgree(wanted, selector);
      if (matches) draft.pair(gateway, host);
    }
  }

  // Services the bundle does not hold: the two-hop pattern and the default install.
  for (const gateway of selected) {
    for (const host of routeEvidence(model, gateway)) {
      if (!kubeServiceForHost(model, host, ROOT_NAMESPACE)) draft.pair(gateway, host);
    }
    if (
      selectorMatches(selectors.get(gateway)!, INSTALLED_GATEWAY_PODS[0]!) &&
      !kubeServiceForHost(model, EGRESS_GATEWAY_HOST, ROOT_NAMESPACE)
    )
      draft.pair(gateway, EGRESS_GATEWAY_HOST);
  }

  // A mesh route to a Service named like an egress gateway, before any Gateway configures it.
  for (const host of hopTargets(model)) if (isEgressGatewayHost(host)) draft.ensure(host);

  // Gateways meant for egress whose pods the design does not show: a deployment named after them.
  // (Unless the bundle holds that Service: then its pods decided above, and the Gateway selects none.)
  for (const gateway of selected) {
    if (draft.paired(gateway) || !meantForEgress(model, gateway)) continue;
    const host = fallbackHost(gateway);
    if (!kubeServiceForHost(model, host, ROOT_NAMESPACE)) draft.pair(gateway, host);
  }

  // A Gateway without a selector applies to every gateway deployment.
  const proxies = draft.proxies();
  for (const gateway of gateways.filter((g) => !selected.includes(g))) {
    for (const proxy of proxies) if (!proxy.gateways.includes(gateway)) proxy.gateways.push(gateway);
  }
  return proxies;
}

/** In-cluster hosts that mesh rules send a host to, which a rule bound to `gateway` forwards on. */
function routeEvidence(model: BundleModel, gateway: ModelEntry): string[] {
  const ref = refOf(gateway);
  const hosts = new Set<string>();
  for (const vs of virtualServicesBoundTo(model, ref)) {
    if (!rulesOf(vs).some((rule) => rule.gateways.has(ref))) continue;
    for (const [host] of strings(vs.spec['hosts'])) {
      for (const hop of meshHopsFor(model, host)) if (!hop.mirror) hosts.add(hop.gatewayHost);
    }
  }
  return [...hosts].sort();
}

/** A Gateway that looks like an egress gateway's, or that a two-hop VirtualService binds with mesh. */
function meantForEgress(model: BundleModel, gateway: ModelEntry): boolean {
  const values = Object.values(gatewaySelector(gateway));
  if (values.some((v) => v.includes('egress')) || gateway.name.includes('egress')) return true;
  return virtualServicesBoundTo(model, refOf(gateway)).some((vs) =>
    rulesOf(vs).some((rule) => rule.gateways.has('mesh')),
  );
}

/** The Service a Gateway's pods would have in a default install, when the design shows none. */
function fallbackHost(gateway: ModelEntry): string {
  const selector = gatewaySelector(gateway);
  const istio = selector['istio'];
  const name = selector['app'] ?? (istio ? `istio-${istio}` : gateway.name);
  // Gateways Istio installs run in its root namespace; others beside their Gateway resource.
  const namespace = istio ? ROOT_NAMESPACE : gateway.namespace;
  return `${name}.${namespace}.svc.cluster.local`;
}
