/**
 * Which Services are egress gateway deployments, and which Gateway resources configure each, from
 * the evidence a design holds (ISTIO.md §5.1). ./gateway-proxies keeps the answer once per state
 * of the indexes and is what the graph and the analyzers ask.
 */
import { EGRESS_GATEWAY_HOST, ROOT_NAMESPACE } from './kinds';
import { labelMap, podLabels, selectorMatches, selectorsAgree, serviceSelector } from './kube';
import type { BundleModel, ModelEntry } from './model';
import { strings } from './read';
import {
  allGateways,
  hopTargets,
  isEgressGatewayHost,
  kubeServiceForHost,
  kubeServices,
  meshHopsFor,
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

/** The pods Istio's own install runs in its root namespace for its default gateways, by their labels. */
export const INSTALLED_GATEWAY_PODS: readonly Record<string, string>[] = [
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

/** A Gateway's `selector` (string labels only). */
export function gatewaySelector(gateway: ModelEntry): Record<string, string> {
  return labelMap(gateway.spec['selector']);
}

function refOf(gateway: ModelEntry): string {
  return `${gateway.namespace}/${gateway.name}`;
}

/** Collects gateway deployments and the Gateways that configure them. */
class ProxyDraft {
  private readonly byHost = new Map<string, GatewayProxy>();
  /** The Gateways of each deployment, as a set: a deployment may have thousands. */
  private readonly members = new Map<GatewayProxy, Set<ModelEntry>>();
  private readonly pairedGateways = new Set<ModelEntry>();

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
    this.add(this.ensure(serviceHost), gateway);
    this.pairedGateways.add(gateway);
  }

  paired(gateway: ModelEntry): boolean {
    return this.pairedGateways.has(gateway);
  }

  /** The deployments in id order, each also configured by every Gateway of `everywhere`. */
  proxies(everywhere: readonly ModelEntry[]): GatewayProxy[] {
    const proxies = [...this.byHost.values()].sort((a, b) => a.id.localeCompare(b.id));
    for (const gateway of everywhere) for (const proxy of proxies) this.add(proxy, gateway);
    return proxies;
  }

  private add(proxy: GatewayProxy, gateway: ModelEntry): void {
    let members = this.members.get(proxy);
    if (!members) this.members.set(proxy, (members = new Set()));
    if (members.has(gateway)) return;
    members.add(gateway);
    proxy.gateways.push(gateway);
  }
}

/**
 * Every gateway deployment of the design, in id order: which Service is an egress gateway, and
 * which Gateways configure it, from the best evidence the design holds: the bundle's Service and
 * pods (matched by selector, as Istio does); without them, the two-hop routes (a mesh rule sends
 * a host to an in-cluster Service and a rule bound to a Gateway forwards the same host on: that
 * Service is the Gateway's); and Istio's default install (`istio: egressgateway` is
 * `istio-egressgateway.istio-system`). O(resources) but for the Gateways a Service's labels select.
 */
export function discoverGatewayProxies(model: BundleModel): GatewayProxy[] {
  const draft = new ProxyDraft(model);
  const gateways = allGateways(model);
  const selectors = new Map(gateways.map((g) => [g, gatewaySelector(g)]));
  const selected = gateways.filter((g) => Object.keys(selectors.get(g)!).length > 0);
  // A Gateway can only select pods, or agree with a Service's selector, that carry one of its
  // labels: each Service is checked against the Gateways filed under its labels, not all of them.
  const byLabel = new Map<string, number[]>();
  selected.forEach((gateway, i) => {
    for (const [key, value] of Object.entries(selectors.get(gateway)!)) {
      const label = `${key}=${value}`;
      const filed = byLabel.get(label);
      if (filed) filed.push(i);
      else byLabel.set(label, [i]);
    }
  });

  // The bundle's own Services: a Gateway configures the pods its selector matches.
  for (const service of kubeServices(model)) {
    const selector = serviceSelector(service);
    if (!selector) continue;
    const host = `${service.name}.${service.namespace}.svc.cluster.local`;
    const pods = podsOfService(model, service.namespace, selector);
    const candidates = new Set<number>();
    for (const labels of pods.length > 0 ? pods : [selector]) {
      for (const [key, value] of Object.entries(labels))
        for (const i of byLabel.get(`${key}=${value}`) ?? []) candidates.add(i);
    }
    // In the Gateways' order, as if each were checked in turn.
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const gateway = selected[i]!;
      const wanted = selectors.get(gateway)!;
      const matches =
        pods.length > 0
          ? pods.some((labels) => selectorMatches(wanted, labels))
          : selectorsAgree(wanted, selector);
      if (matches) draft.pair(gateway, host);
    }
  }

  // Services the bundle does not hold: the two-hop pattern and the default install. Gateways of
  // one name (copies of one resource) bind the same routes: their evidence is read once.
  const evidence = new Map<string, string[]>();
  const hopTargetsOf = new Map<string, ReadonlySet<string>>();
  for (const gateway of selected) {
    const ref = refOf(gateway);
    if (!evidence.has(ref)) evidence.set(ref, routeEvidence(model, ref, hopTargetsOf));
    for (const host of evidence.get(ref)!) {
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
  const twoHop = new Map<string, boolean>();
  for (const gateway of selected) {
    if (draft.paired(gateway) || !meantForEgress(model, gateway, twoHop)) continue;
    const host = fallbackHost(gateway);
    if (!kubeServiceForHost(model, host, ROOT_NAMESPACE)) draft.pair(gateway, host);
  }

  // A Gateway without a selector applies to every gateway deployment.
  const unselected = new Set(selected);
  return draft.proxies(gateways.filter((g) => !unselected.has(g)));
}

/**
 * The labels of the pods of `namespace` a Service's selector matches. Only pods with its first
 * label can match, so those are the ones looked at; an empty selector matches every pod there.
 */
function podsOfService(
  model: BundleModel,
  namespace: string,
  selector: Record<string, string>,
): Record<string, string>[] {
  const [first] = Object.entries(selector);
  const candidates = first
    ? workloadsWithLabel(model, first[0], first[1]).filter((w) => w.namespace === namespace)
    : workloadsIn(model, namespace);
  return candidates.map(podLabels).filter((labels) => selectorMatches(selector, labels));
}

/**
 * In-cluster hosts that mesh rules send a host to, which a rule bound to the Gateway `ref` forwards
 * on. `hopTargetsOf` keeps, per VS host, where the mesh sends it: the VirtualServices of many
 * Gateways may name one host, and the mesh rules for it are read once.
 */
function routeEvidence(
  model: BundleModel,
  ref: string,
  hopTargetsOf: Map<string, ReadonlySet<string>>,
): string[] {
  const routed = new Set<string>();
  for (const vs of virtualServicesBoundTo(model, ref)) {
    if (!rulesOf(vs).some((rule) => rule.gateways.has(ref))) continue;
    for (const [host] of strings(vs.spec['hosts'])) routed.add(host);
  }
  const hosts = new Set<string>();
  for (const host of routed) {
    let targets = hopTargetsOf.get(host);
    if (!targets) {
      targets = new Set(meshHopsFor(model, host).flatMap((hop) => (hop.mirror ? [] : [hop.gatewayHost])));
      hopTargetsOf.set(host, targets);
    }
    for (const target of targets) hosts.add(target);
  }
  return [...hosts].sort();
}

/**
 * A Gateway that looks like an egress gateway's, or that a two-hop VirtualService binds with mesh
 * (`twoHop` keeps that answer per Gateway name).
 */
function meantForEgress(model: BundleModel, gateway: ModelEntry, twoHop: Map<string, boolean>): boolean {
  const values = Object.values(gatewaySelector(gateway));
  if (values.some((v) => v.includes('egress')) || gateway.name.includes('egress')) return true;
  const ref = refOf(gateway);
  let bound = twoHop.get(ref);
  if (bound === undefined) {
    bound = virtualServicesBoundTo(model, ref).some((vs) =>
      rulesOf(vs).some((rule) => rule.gateways.has('mesh')),
    );
    twoHop.set(ref, bound);
  }
  return bound;
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
