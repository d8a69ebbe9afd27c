/**
 * Kubernetes Service port names (istioctl's service/portname.go): Istio reads a port's protocol
 * from appProtocol or the name's prefix (IST0118), and an ExternalName Service needs a proper one
 * for its TCP traffic to be forwarded (IST0150).
 */
import { isKubeSystemNamespace, metadataMap } from '../../istio/kube';
import { num, records, str } from '../../istio/read';
import { canonicalProtocol } from '../../istio/values';
import type { Analyzer } from '.';

// Server-first protocols on these ports are never sniffed: Istio treats them as TCP.
const WELL_KNOWN_TCP_PORTS = new Set([25, 53, 3306, 27017]);

// Kubernetes' own appProtocol values (pkg/config/kube ConvertProtocol).
const KUBERNETES_APP_PROTOCOLS = new Set(['kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss']);

// Services that gateway controllers create and own: not the user's to name.
const MANAGED = new Set([
  'istio.io-gateway-controller',
  'istio.io-mesh-controller',
  'istio.io-eastwest-controller',
]);

/** Whether Istio finds no protocol for a Service port (it will sniff), as ConvertProtocol decides. */
function protocolUnknown(port: Record<string, unknown>): boolean {
  if (str(port['protocol']) === 'UDP') return false;
  const appProtocol = str(port['appProtocol']);
  if (appProtocol !== undefined && KUBERNETES_APP_PROTOCOLS.has(appProtocol)) return false;
  const name = appProtocol ?? str(port['name']) ?? '';
  if (name.toLowerCase().startsWith('grpc-web')) return false;
  const prefix = name.split('-')[0]!;
  // Istio's parser knows these names; HBONE is internal and not among them.
  if (canonicalProtocol(prefix) !== undefined) return false;
  return !WELL_KNOWN_TCP_PORTS.has(num(port['port']) ?? -1);
}

const checkServicePortNames: Analyzer = (model, report) => {
  for (const service of model.services) {
    const labels = metadataMap(service, 'labels');
    // Kubernetes' own, Istio's control plane and gateway-managed Services are skipped, as istioctl does.
    if (isKubeSystemNamespace(service.namespace)) continue;
    if ('istio' in labels || labels['release'] === 'istio') continue;
    if (MANAGED.has(labels['gateway.istio.io/managed'] ?? '')) continue;
    const externalName = str(service.spec['type']) === 'ExternalName';
    for (const [port, i] of records(service.spec['ports'])) {
      const name = str(port['name']);
      const plainTcp = externalName && name === 'tcp';
      if (!plainTcp && !protocolUnknown(port)) continue;
      const shown = name === undefined ? 'an unnamed port' : `port name ${name}`;
      if (externalName) {
        report(
          service,
          'EXTERNALNAME-PORT-NAME',
          ['spec', 'ports', i, name === undefined ? 'port' : 'name'],
          `${shown} on an ExternalName Service gives ${plainTcp ? 'plain tcp' : 'no protocol'}: the proxy may not forward TCP traffic to ${str(service.spec['externalName']) ?? 'the external name'} on this port; name it <protocol>-<suffix> (e.g. tcp-db) or set appProtocol`,
        );
      } else {
        report(
          service,
          'SERVICE-PORT-NAME',
          ['spec', 'ports', i, name === undefined ? 'port' : 'name'],
          `${shown} (port ${num(port['port']) ?? '?'}) gives Istio no protocol, so it sniffs the traffic; name it <protocol>[-suffix] (e.g. http-api, tcp-db) or set appProtocol`,
        );
      }
    }
  }
};

/** Kubernetes Service port names. */
export const servicePortAnalyzers: Analyzer[] = [checkServicePortNames];
