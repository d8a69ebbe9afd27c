/**
 * Gateways against the pods and Services the design holds (istioctl's gateway/gateway.go and
 * gateway/secret.go): a selector that matches no pod (IST0101) and server ports the gateway's
 * Service does not expose (IST0162).
 */
import {
  gatewayProxyNamespaces,
  gatewaySelector,
  gatewaySelectsNoPod,
  podsOfGateway,
  type GatewayPod,
} from '../../istio/gateway-proxies';
import { derivedPer } from '../../istio/indexes';
import { labelsPath, selectorMatches, selectorText, serviceSelector } from '../../istio/kube';
import type { ModelEntry } from '../../istio/model';
import { num, record, records, str } from '../../istio/read';
import { kubeServicesIn } from '../../istio/visibility';
import type { Analyzer, AnalyzerReport } from '.';

const checkGatewaySelectors: Analyzer = (model, report) => {
  for (const gateway of model.gateways) {
    if (gatewaySelectsNoPod(model, gateway)) {
      const selector = gatewaySelector(gateway);
      const where = gatewayProxyNamespaces(model, `${gateway.namespace}/${gateway.name}`).join(', ');
      report(
        gateway,
        'SELECTOR-NO-PODS',
        labelsPath(['spec', 'selector'], selector),
        `no pod has the labels ${selectorText(selector)} (the design holds the workloads of ${where}, where this gateway would run): the Gateway configures no gateway, so its servers are never applied`,
      );
      continue;
    }
    checkServicePorts(gateway, model, report);
  }
};

/** What the Services selecting some of `pods` expose; undefined when the design holds no Service where they run. */
function servicesOfPods(
  model: Parameters<Analyzer>[0],
  pods: readonly GatewayPod[],
): { services: Map<string, ExposedPort[]>; exposed: Set<number>; offered: string } | undefined {
  const services = new Map<string, ExposedPort[]>();
  let described = false;
  for (const pod of pods) {
    const inNamespace = kubeServicesIn(model, pod.namespace);
    if (inNamespace.length > 0) described = true;
    for (const service of inNamespace) {
      const selector = serviceSelector(service);
      if (selector && selectorMatches(selector, pod.labels)) services.set(service.ref, tcpPorts(service));
    }
  }
  if (!described) return undefined;
  const exposed = new Set([...services.values()].flat().flatMap((p) => [p.port, p.targetPort ?? p.port]));
  const offered = [...services]
    .map(([ref, ports]) => {
      const list = ports.map((p) => (p.targetPort === undefined ? `${p.port}` : `${p.port}→${p.targetPort}`));
      return `${ref} exposes ${list.join(', ') || 'no TCP port'}`;
    })
    .join('; ');
  return { services, exposed, offered };
}

/** A Service port as the gateway check reads it: TCP unless said otherwise (the API server's default). */
interface ExposedPort {
  port: number;
  targetPort: number | undefined;
}

function tcpPorts(service: ModelEntry): ExposedPort[] {
  return records(service.spec['ports']).flatMap(([p]) => {
    const port = num(p['port']);
    if (port === undefined || (str(p['protocol']) ?? 'TCP') !== 'TCP') return [];
    // A named targetPort gives no number; the Service port then stands for it, as in istioctl.
    const raw = p['targetPort'];
    const target = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : num(raw);
    return [{ port, targetPort: target }];
  });
}

/**
 * IST0162: each server port must be a port or a targetPort of a TCP port of a Service that selects
 * the gateway pods. Checked when the design holds the Services of a namespace those pods run in.
 */
function checkServicePorts(
  gateway: ModelEntry,
  model: Parameters<Analyzer>[0],
  report: AnalyzerReport,
): void {
  const selector = gatewaySelector(gateway);
  // Once per selector: Gateways that select alike (copies of one) reach the same Services.
  const exposure = derivedPer(model, 'gateway-services', Object.entries(selector).flat(), () =>
    servicesOfPods(model, podsOfGateway(model, gateway)),
  );
  if (!exposure) return;
  const { services, exposed, offered } = exposure;
  const labels = selectorText(selector);
  for (const [server, s] of records(gateway.spec['servers'])) {
    const port = num(record(server['port'])?.['number']);
    if (port === undefined || exposed.has(port)) continue;
    const why =
      services.size > 0
        ? `${offered}, and ${port} is neither a port nor a targetPort there`
        : `no Service in the design selects the gateway pods (${labels || 'every pod'})`;
    report(
      gateway,
      'GATEWAY-PORT-NOT-ON-SERVICE',
      ['spec', 'servers', s, 'port', 'number'],
      `the gateway listens on ${port}, but ${why}: traffic sent to the gateway's Service cannot reach this server`,
    );
  }
}

/** Gateways against the design's pods and Services. */
export const gatewayPodAnalyzers: Analyzer[] = [checkGatewaySelectors];
