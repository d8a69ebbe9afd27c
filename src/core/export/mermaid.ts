import type { EdgeKind, EgressGraph, GraphEdge, GraphNode, NodeKind } from '../graph';
import { roleAndLabel } from '../graph/roles';
import { expandEdges } from '../graph/hops';

// The seed document draws egress as `flowchart LR`: the pod (application → Envoy sidecar) and the
// egress gateway inside a "Kubernetes Cluster" subgraph, the external service in "External",
// Istio configuration dotted into the sidecar, and labelled arrows (`-->|mTLS|`). The output keeps
// that shape and its colours, as classDefs so a reader can restyle a kind in one place.

const INDENT = '    ';

const NODE_KINDS: readonly NodeKind[] = [
  'workload',
  'sidecar',
  'egress-gateway',
  'external-service',
  'mesh-policy',
];

/** classDef name and style per node kind (fills from the seed's diagrams). */
const NODE_CLASSES: Record<NodeKind, { name: string; style: string }> = {
  workload: { name: 'workload', style: 'fill:#e1f5fe,stroke:#0288d1,color:#000' },
  sidecar: { name: 'sidecar', style: 'fill:#fff3e0,stroke:#f57c00,color:#000' },
  'egress-gateway': { name: 'egressGateway', style: 'fill:#ff9800,stroke:#e65100,color:#000' },
  'external-service': { name: 'externalService', style: 'fill:#c8e6c9,stroke:#388e3c,color:#000' },
  'mesh-policy': { name: 'meshPolicy', style: 'fill:#f3e5f5,stroke:#8e24aa,color:#000' },
};

/** Arrow per edge kind: dotted for configuration and traffic Istio does not manage, `x` for blocked. */
const ARROWS: Record<EdgeKind, string> = {
  workload: '-->',
  policy: '-.->',
  direct: '-->',
  'to-gateway': '-->',
  'via-gateway': '-->',
  passthrough: '-.->',
  blocked: '-.-x',
};

/** linkStyle for the edge kinds that must stand out: blocked in red, unmanaged in grey. */
const LINK_STYLES: readonly [EdgeKind, string][] = [
  ['blocked', 'stroke:#d32f2f,stroke-width:2px,color:#d32f2f'],
  ['passthrough', 'stroke:#9e9e9e,stroke-width:1px,color:#616161'],
];

/**
 * The egress graph as a Mermaid `flowchart LR` in the seed document's style: client pods (workload
 * and its sidecar) and egress gateways in a "Kubernetes Cluster" subgraph, external services in
 * "External", the mesh policy in "Istio Configuration" dotted into the sidecars it gates. Edges
 * carry their label (protocol:port and TLS behaviour); blocked edges are dotted with a cross head
 * and drawn red, passthrough edges dotted and grey. Node ids are sanitised and every label is
 * written with Mermaid entity codes, so no label can break the chart or inject markup.
 * Deterministic: the same graph gives the same text.
 */
export function graphToMermaid(given: EgressGraph): string {
  // One link per hop, also where a large graph keeps a hop many namespaces share once.
  const graph = { nodes: given.nodes, edges: expandEdges(given.edges) };
  const ids = new MermaidIds();
  const subgraphIds = {
    cluster: ids.claim('cluster'),
    external: ids.claim('external'),
    config: ids.claim('config'),
  };
  const nodeIds = new Map(graph.nodes.map((node) => [node.id, ids.claim(node.id)]));
  const idOf = (node: GraphNode) => nodeIds.get(node.id)!;
  const lines = ['flowchart LR'];

  const pods = podsOf(graph);
  const inPod = new Set([...pods.values()].flat().map((n) => n.id));
  const cluster = graph.nodes.filter(
    (n) => n.kind === 'egress-gateway' || (n.kind === 'sidecar' && !inPod.has(n.id)),
  );
  if (pods.size > 0 || cluster.length > 0) {
    lines.push(`${INDENT}subgraph ${subgraphIds.cluster}["Kubernetes Cluster"]`);
    for (const [workload, members] of pods) {
      lines.push(
        `${INDENT.repeat(2)}subgraph ${ids.claim(`pod_${workload.id}`)}["${escapeLabel(`Pod: ${workload.label}`)}"]`,
      );
      for (const member of members) lines.push(`${INDENT.repeat(3)}${nodeLine(member, idOf(member))}`);
      lines.push(`${INDENT.repeat(2)}end`);
    }
    for (const node of cluster) lines.push(`${INDENT.repeat(2)}${nodeLine(node, idOf(node))}`);
    lines.push(`${INDENT}end`);
  }
  pushSubgraph(
    lines,
    subgraphIds.external,
    'External',
    graph.nodes.filter((n) => n.kind === 'external-service'),
    idOf,
  );
  pushSubgraph(
    lines,
    subgraphIds.config,
    'Istio Configuration',
    graph.nodes.filter((n) => n.kind === 'mesh-policy'),
    idOf,
  );

  const drawn = graph.edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target));
  for (const edge of drawn) lines.push(`${INDENT}${edgeLine(edge, nodeIds)}`);

  for (const kind of NODE_KINDS) {
    const { name, style } = NODE_CLASSES[kind];
    const members = graph.nodes.filter((n) => n.kind === kind).map(idOf);
    if (members.length === 0) continue;
    lines.push(`${INDENT}classDef ${name} ${style}`, `${INDENT}class ${members.join(',')} ${name}`);
  }
  for (const [kind, style] of LINK_STYLES) {
    // linkStyle counts links in the order they are written; all of them come after the nodes.
    const indices = drawn.flatMap((edge, index) => (edge.kind === kind ? [index] : []));
    if (indices.length > 0) lines.push(`${INDENT}linkStyle ${indices.join(',')} ${style}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Each workload with the sidecars it hands traffic to: one "pod" subgraph apiece, as the seed
 * draws Application Container → Envoy Sidecar. A sidecar is put in the first pod that claims it.
 */
function podsOf(graph: EgressGraph): Map<GraphNode, GraphNode[]> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const claimed = new Set<string>();
  const pods = new Map<GraphNode, GraphNode[]>();
  for (const node of graph.nodes) if (node.kind === 'workload') pods.set(node, [node]);
  for (const edge of graph.edges) {
    const workload = byId.get(edge.source);
    const sidecar = byId.get(edge.target);
    if (edge.kind !== 'workload' || workload?.kind !== 'workload' || sidecar?.kind !== 'sidecar') continue;
    if (claimed.has(sidecar.id)) continue;
    claimed.add(sidecar.id);
    pods.get(workload)!.push(sidecar);
  }
  return pods;
}

function pushSubgraph(
  lines: string[],
  id: string,
  title: string,
  nodes: GraphNode[],
  idOf: (node: GraphNode) => string,
): void {
  if (nodes.length === 0) return;
  lines.push(`${INDENT}subgraph ${id}["${title}"]`);
  for (const node of nodes) lines.push(`${INDENT.repeat(2)}${nodeLine(node, idOf(node))}`);
  lines.push(`${INDENT}end`);
}

/** A node statement: the mesh policy as a hexagon (a gate), everything else as a box. */
function nodeLine(node: GraphNode, id: string): string {
  const label = `"${escapeLabel(roleAndLabel(node))}"`;
  return node.kind === 'mesh-policy' ? `${id}{{${label}}}` : `${id}[${label}]`;
}

function edgeLine(edge: GraphEdge, nodeIds: ReadonlyMap<string, string>): string {
  const label = edge.label === '' ? '' : `|"${escapeLabel(edge.label)}"|`;
  return `${nodeIds.get(edge.source)} ${ARROWS[edge.kind]}${label} ${nodeIds.get(edge.target)}`;
}

// Mermaid decodes `#name;` and `#code;` entity codes inside labels. Everything that could end a
// quoted label, open a shape or link text, start markdown or markup, or be read as an entity
// itself is written as a code; line breaks become spaces.
const ENTITIES: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '[': '#91;',
  ']': '#93;',
  '(': '#40;',
  ')': '#41;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  '`': '#96;',
  '\\': '#92;',
  '%': '#37;',
};

/** A label with Mermaid entity codes for every character that means something in Mermaid. */
export function escapeLabel(label: string): string {
  return (
    label
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/["#%&<>[\](){}|`\\]/g, (c) => ENTITIES[c]!)
  );
}

/** Mermaid ids: `[A-Za-z0-9_]`, starting with a letter, never a keyword, unique. */
class MermaidIds {
  private readonly taken = new Set<string>();

  claim(raw: string): string {
    let base = raw.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    if (!/^[A-Za-z]/.test(base) || RESERVED.has(base.toLowerCase())) base = `n_${base}`;
    let id = base;
    for (let n = 2; this.taken.has(id.toLowerCase()); n++) id = `${base}_${n}`;
    this.taken.add(id.toLowerCase());
    return id;
  }
}

const RESERVED = new Set([
  'end',
  'subgraph',
  'graph',
  'flowchart',
  'style',
  'class',
  'classdef',
  'linkstyle',
  'click',
  'call',
  'href',
  'direction',
  'default',
  'interpolate',
]);
