import { EGRESS_GATEWAY_HOST, networkingApiVersion, ROOT_NAMESPACE, type NetworkingVersion } from './kinds';

/** A plain Kubernetes object, ready to print as YAML. */
export type KubernetesObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown>;
};

interface Named {
  name: string;
  namespace: string;
  /** API version to write; `v1` unless stated. */
  version?: NetworkingVersion;
}

/** One ServiceEntry port. */
export interface PortSpec {
  number: number;
  name: string;
  protocol: string;
  targetPort?: number;
}

function object(
  kind: string,
  { name, namespace, version }: Named,
  spec: Record<string, unknown>,
): KubernetesObject {
  return { apiVersion: networkingApiVersion(version), kind, metadata: { name, namespace }, spec };
}

/** A conventional port for a protocol: HTTP on 80, TLS/HTTPS on 443, named `<protocol>`. */
export function defaultPort(protocol: 'HTTP' | 'HTTPS' | 'TLS' | 'TCP', number?: number): PortSpec {
  const fallback = protocol === 'HTTP' ? 80 : protocol === 'TCP' ? 5432 : 443;
  return { number: number ?? fallback, name: protocol.toLowerCase(), protocol };
}

/**
 * A ServiceEntry for an external host: DNS resolution (what anything an egress gateway forwards
 * needs), MESH_EXTERNAL, and an owner annotation when one is given.
 */
export function createServiceEntry(
  options: Named & {
    hosts: string[];
    ports: PortSpec[];
    resolution?: string;
    exportTo?: string[];
    owner?: string;
  },
): KubernetesObject {
  const resource = object('ServiceEntry', options, {
    hosts: options.hosts,
    location: 'MESH_EXTERNAL',
    ports: options.ports.map((p) => ({ ...p })),
    resolution: options.resolution ?? 'DNS',
    ...(options.exportTo ? { exportTo: options.exportTo } : {}),
  });
  if (options.owner) resource.metadata['annotations'] = { owner: options.owner };
  return resource;
}

/** A DestinationRule for a host, with the given traffic policy and subsets (empty ones are left out). */
export function createDestinationRule(
  options: Named & {
    host: string;
    trafficPolicy?: Record<string, unknown>;
    subsets?: Record<string, unknown>[];
  },
): KubernetesObject {
  return object('DestinationRule', options, {
    host: options.host,
    ...(options.trafficPolicy && Object.keys(options.trafficPolicy).length > 0
      ? { trafficPolicy: options.trafficPolicy }
      : {}),
    ...(options.subsets && options.subsets.length > 0 ? { subsets: options.subsets } : {}),
  });
}

/**
 * The DestinationRule an external service starts with: a connection pool and a circuit breaker
 * (outlier detection) to tune; Istio's defaults otherwise (no TLS origination).
 */
export function createServiceRule(options: Named & { host: string }): KubernetesObject {
  return createDestinationRule({
    ...options,
    trafficPolicy: {
      connectionPool: { tcp: { maxConnections: 100, connectTimeout: '5s' } },
      outlierDetection: { consecutive5xxErrors: 5, interval: '30s', baseEjectionTime: '60s' },
    },
  });
}

/**
 * A mesh VirtualService for a host on one port. HTTP gets an http rule with a timeout (and retries
 * when given); TLS/HTTPS gets a tls rule matched by SNI, since sidecars cannot read HTTP there.
 */
export function createVirtualService(
  options: Named & {
    host: string;
    port: number;
    protocol?: 'HTTP' | 'TLS';
    timeout?: string;
    retries?: Record<string, unknown>;
  },
): KubernetesObject {
  const route = [{ destination: { host: options.host, port: { number: options.port } } }];
  if (options.protocol === 'TLS') {
    return object('VirtualService', options, {
      hosts: [options.host],
      tls: [{ match: [{ port: options.port, sniHosts: [options.host] }], route }],
    });
  }
  return object('VirtualService', options, {
    hosts: [options.host],
    http: [
      { route, timeout: options.timeout ?? '30s', ...(options.retries ? { retries: options.retries } : {}) },
    ],
  });
}

/** A selector-less Sidecar for a namespace importing the given hosts (`ns/host`). */
export function createSidecar(
  options: Named & { hosts?: string[]; outboundMode?: 'REGISTRY_ONLY' | 'ALLOW_ANY' },
): KubernetesObject {
  return object('Sidecar', options, {
    egress: [{ hosts: options.hosts ?? ['./*', `${ROOT_NAMESPACE}/*`] }],
    ...(options.outboundMode ? { outboundTrafficPolicy: { mode: options.outboundMode } } : {}),
  });
}

/** Mesh config as an IstioOperator overlay setting the outbound traffic policy. */
export function createMeshConfig(
  mode: 'REGISTRY_ONLY' | 'ALLOW_ANY',
  name = 'mesh-egress-policy',
): KubernetesObject {
  return {
    apiVersion: 'install.istio.io/v1alpha1',
    kind: 'IstioOperator',
    metadata: { name, namespace: ROOT_NAMESPACE },
    spec: { meshConfig: { outboundTrafficPolicy: { mode } } },
  };
}

/** A namespace labelled for sidecar injection. */
export function createNamespace(name: string): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'istio-injection': 'enabled' } },
  };
}

/** Label-safe name for resources derived from a host: `api.github.com` → `api-github-com`. */
export function nameForHost(host: string): string {
  return host
    .replace(/^\*\./, 'wildcard-')
    .replace(/[^a-z0-9-]+/gi, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 63);
}

/**
 * The objects that send a host through the egress gateway (ISTIO.md §4.3): a Gateway for the host,
 * the gateway DestinationRule with an empty subset, and the two-hop VirtualService bound to `mesh`
 * and the Gateway. HTTP is forwarded as HTTP; TLS passes through by SNI. The host still needs a
 * ServiceEntry with DNS resolution, visible to the gateway's namespace.
 */
export function createEgressGatewayRoute(options: {
  host: string;
  protocol: 'HTTP' | 'TLS';
  port: number;
  /** Where the Gateway, the gateway DestinationRule and the VirtualService live. */
  namespace?: string;
  version?: NetworkingVersion;
}): KubernetesObject[] {
  const namespace = options.namespace ?? ROOT_NAMESPACE;
  const base = nameForHost(options.host);
  const gatewayName = `egress-${base}`.slice(0, 63);
  const gatewayRef = `${namespace}/${gatewayName}`;
  const subset = base;
  const serverPort = {
    number: options.port,
    name: `${options.protocol.toLowerCase()}-${options.port}`,
    protocol: options.protocol,
  };
  const server =
    options.protocol === 'TLS'
      ? { port: serverPort, hosts: [options.host], tls: { mode: 'PASSTHROUGH' } }
      : { port: serverPort, hosts: [options.host] };
  const toGateway = { destination: { host: EGRESS_GATEWAY_HOST, subset, port: { number: options.port } } };
  const toService = { destination: { host: options.host, port: { number: options.port } } };
  const routes =
    options.protocol === 'TLS'
      ? {
          tls: [
            {
              match: [{ gateways: ['mesh'], port: options.port, sniHosts: [options.host] }],
              route: [toGateway],
            },
            {
              match: [{ gateways: [gatewayRef], port: options.port, sniHosts: [options.host] }],
              route: [toService],
            },
          ],
        }
      : {
          http: [
            { match: [{ gateways: ['mesh'], port: options.port }], route: [toGateway] },
            { match: [{ gateways: [gatewayRef], port: options.port }], route: [toService], timeout: '30s' },
          ],
        };
  const meta = (name: string): Named => ({
    name,
    namespace,
    ...(options.version ? { version: options.version } : {}),
  });
  return [
    object('Gateway', meta(gatewayName), { selector: { istio: 'egressgateway' }, servers: [server] }),
    createDestinationRule({
      ...meta(`egressgateway-for-${base}`.slice(0, 63)),
      host: EGRESS_GATEWAY_HOST,
      subsets: [{ name: subset }],
    }),
    object('VirtualService', meta(`${base}-via-egress`.slice(0, 63)), {
      hosts: [options.host],
      gateways: ['mesh', gatewayRef],
      ...routes,
    }),
  ];
}
