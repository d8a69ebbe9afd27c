import type { EdgeKind, EgressGraph, GraphEdge, GraphNode, NodeKind } from '../graph';

// Small graphs for the export tests, written out by hand so each test shows what it draws.

/** A node at the origin (layout places it). */
export function node(id: string, kind: NodeKind, label: string): GraphNode {
  return { id, kind, label, resources: [], position: { x: 0, y: 0 } };
}

/** An edge with just a label. */
export function edge(source: string, target: string, kind: EdgeKind, label: string): GraphEdge {
  return { id: `${source}->${target}:${kind}`, source, target, kind, label };
}

/** One client namespace reaching one host through the egress gateway, one blocked, one unmanaged. */
export function shopGraph(): EgressGraph {
  return {
    nodes: [
      node('mesh-policy', 'mesh-policy', 'REGISTRY_ONLY'),
      node('workload:shop', 'workload', 'shop'),
      node('sidecar:shop', 'sidecar', 'shop'),
      node('egress-gateway:istio-egressgateway', 'egress-gateway', 'istio-egressgateway'),
      node('external:api.example.com', 'external-service', 'api.example.com'),
      node('external:evil.example.com', 'external-service', 'evil.example.com'),
      node('external:cdn.example.com', 'external-service', 'cdn.example.com'),
    ],
    edges: [
      edge('workload:shop', 'sidecar:shop', 'workload', 'outbound'),
      edge('mesh-policy', 'sidecar:shop', 'policy', 'REGISTRY_ONLY'),
      edge('sidecar:shop', 'egress-gateway:istio-egressgateway', 'to-gateway', 'TLS:443 · TLS pass-through'),
      edge(
        'egress-gateway:istio-egressgateway',
        'external:api.example.com',
        'via-gateway',
        'TLS:443 · TLS pass-through',
      ),
      edge('sidecar:shop', 'external:evil.example.com', 'blocked', 'blocked by REGISTRY_ONLY'),
      edge('sidecar:shop', 'external:cdn.example.com', 'passthrough', 'passthrough (unmanaged)'),
    ],
  };
}
