/**
 * The graph as a person can read it at scale. A design with thousands of external hosts or dozens
 * of client namespaces draws one node per host and one edge per namespace and host: a hundred
 * thousand edges no one can follow and no browser draws quickly. Past a size, hosts are grouped by
 * the domain they share (as few levels as keep the groups under the limit), namespaces whose
 * sidecars do the same things by what they do, and the edges between groups are bundled with a
 * count. A group the user opens shows its members (the next level of domains, then hosts). The
 * full graph stays what the CLI prints and what the analyzers and simulator reason about.
 */
import { hopFrom, sourcesOf } from './hops';
import type { EgressGraph, GraphEdge, GraphNode, NodeGroup } from './types';
import { OTHER_HOSTS_ID } from './types';

/** Past this many external hosts they are grouped by domain. */
export const HOST_GROUP_LIMIT = 40;
/** Past this many client namespaces, those whose sidecars do the same are grouped. */
export const NAMESPACE_GROUP_LIMIT = 16;

const HOST_PREFIX = 'external:';
const WORKLOAD_PREFIX = 'workload:';
const SIDECAR_PREFIX = 'sidecar:';

/** Whether the views show `graph` grouped (see {@link aggregateGraph}) rather than as it is. */
export function needsAggregation(graph: { nodes: Iterable<GraphNode> }): boolean {
  let hosts = 0;
  let sidecars = 0;
  for (const node of graph.nodes) {
    if (node.kind === 'external-service' && node.id !== OTHER_HOSTS_ID) hosts++;
    else if (node.kind === 'sidecar') sidecars++;
  }
  return hosts > HOST_GROUP_LIMIT || sidecars > NAMESPACE_GROUP_LIMIT;
}

/**
 * `graph` with its hosts and namespaces grouped when there are too many to draw one by one, and
 * edges into or out of a group bundled (one per source, target and kind, with the count it stands
 * for). Groups whose key is in `expanded` show their members, as do those holding a node whose
 * {@link revealKey} is there. Returns `graph` itself when nothing
 * needs grouping. Positions are left for the layout. Pure and deterministic.
 */
export function aggregateGraph(graph: EgressGraph, expanded: ReadonlySet<string> = new Set()): EgressGraph {
  if (!needsAggregation(graph)) return graph;
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const groupOf = new Map<string, GraphNode>();
  const hostNodes = graph.nodes.filter((n) => n.kind === 'external-service' && n.id !== OTHER_HOSTS_ID);
  if (hostNodes.length > HOST_GROUP_LIMIT) groupHosts(hostNodes, expanded, groupOf);
  const sidecars = graph.nodes.filter((n) => n.kind === 'sidecar' && n.id.startsWith(SIDECAR_PREFIX));
  if (sidecars.length > NAMESPACE_GROUP_LIMIT) groupNamespaces(graph, sidecars, nodeById, expanded, groupOf);

  const nodes: GraphNode[] = [];
  const placed = new Set<string>();
  for (const node of graph.nodes) {
    const shown = groupOf.get(node.id) ?? node;
    if (placed.has(shown.id)) continue;
    placed.add(shown.id);
    nodes.push(shown);
  }
  return { nodes, edges: bundleEdges(graph.edges, groupOf) };
}

/** A domain in the tree of hosts: the hosts that end exactly there and the domains under it. */
interface Domain {
  /** e.g. `example.com`; empty at the root. */
  name: string;
  hosts: GraphNode[];
  children: Map<string, Domain>;
  size: number;
}

function domainTree(hosts: readonly GraphNode[]): Domain {
  const root: Domain = { name: '', hosts: [], children: new Map(), size: 0 };
  for (const node of hosts) {
    const labels = node.id.slice(HOST_PREFIX.length).split('.');
    let at = root;
    at.size++;
    // From the top-level domain down; the host's first label (or `*`) is the host itself.
    for (let i = labels.length - 1; i >= 1; i--) {
      const label = labels[i]!;
      let child = at.children.get(label);
      if (!child) {
        child = { name: labels.slice(i).join('.'), hosts: [], children: new Map(), size: 0 };
        at.children.set(label, child);
      }
      at = child;
      at.size++;
    }
    at.hosts.push(node);
  }
  return root;
}

/** A domain with one subdomain and no host of its own stands for that subdomain. */
function compress(domain: Domain): Domain {
  while (domain.hosts.length === 0 && domain.children.size === 1)
    domain = domain.children.values().next().value!;
  return domain;
}

/** What an open domain shows: its own hosts, and each subdomain (a host alone, else a group). */
function itemsOf(domain: Domain): (GraphNode | Domain)[] {
  const items: (GraphNode | Domain)[] = [...domain.hosts];
  for (const child of domain.children.values()) {
    const inner = compress(child);
    items.push(inner.size === 1 ? onlyHost(inner) : inner);
  }
  return items;
}

function onlyHost(domain: Domain): GraphNode {
  return domain.hosts[0] ?? onlyHost(domain.children.values().next().value!);
}

const isDomain = (item: GraphNode | Domain): item is Domain => 'children' in item;

/**
 * Hosts grouped by domain: starting from one group of everything, the largest group is opened
 * while the groups shown stay within {@link HOST_GROUP_LIMIT}; groups the user opened are open.
 */
function groupHosts(
  hosts: readonly GraphNode[],
  expanded: ReadonlySet<string>,
  groupOf: Map<string, GraphNode>,
) {
  const root = compress(domainTree(hosts));
  let shown: (GraphNode | Domain)[] = root.size === 1 ? [onlyHost(root)] : [root];
  // The user's choices first: open every group they opened, and every group holding a node they
  // asked to see, however many that shows.
  const revealed = revealedNodes(expanded);
  const holdsRevealed = (domain: Domain) =>
    revealed.size > 0 && collectHosts(domain).some((host) => revealed.has(host.id));
  for (let opened = true; opened;) {
    opened = false;
    shown = shown.flatMap((item) => {
      if (!isDomain(item) || !(expanded.has(hostGroupKey(item)) || holdsRevealed(item))) return [item];
      opened = true;
      return itemsOf(item);
    });
  }
  for (;;) {
    const candidates = shown
      .filter(isDomain)
      .filter((d) => shown.length - 1 + itemsOf(d).length <= HOST_GROUP_LIMIT)
      .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
    const largest = candidates[0];
    if (!largest) break;
    shown = shown.flatMap((item) => (item === largest ? itemsOf(item) : [item]));
  }
  for (const item of shown) {
    if (!isDomain(item)) continue;
    const members = collectHosts(item);
    const group: NodeGroup = {
      key: hostGroupKey(item),
      size: members.length,
      members: members.map((m) => m.label),
    };
    const node = groupNode(`group:${group.key}`, 'external-service', hostGroupLabel(item), members, group);
    for (const member of members) groupOf.set(member.id, node);
  }
}

const HOST_GROUP_KEY = 'hosts:';

function hostGroupKey(domain: Domain): string {
  return `${HOST_GROUP_KEY}${domain.name}`;
}

/** The domain the hosts share (the node's role says how many: see roles.ts). */
function hostGroupLabel(domain: Domain): string {
  return domain.name || 'hosts under no common domain';
}

function collectHosts(domain: Domain, into: GraphNode[] = []): GraphNode[] {
  into.push(...domain.hosts);
  for (const child of domain.children.values()) collectHosts(child, into);
  return into;
}

/**
 * Client namespaces grouped by what their sidecars do: the same outbound policy and the same
 * kinds of hop to the same (grouped) destinations. When that still leaves too many groups, by
 * outbound policy alone. A namespace alone in its group stays itself.
 */
function groupNamespaces(
  graph: EgressGraph,
  sidecars: readonly GraphNode[],
  nodeById: ReadonlyMap<string, GraphNode>,
  expanded: ReadonlySet<string>,
  groupOf: Map<string, GraphNode>,
) {
  // Per sidecar, per kind of hop, the (grouped) ends: nested, not keyed by strings built per edge.
  const hops = new Map<string, Map<string, Set<string>>>();
  const policy = new Map<string, string>();
  for (const edge of graph.edges) {
    if (edge.kind === 'policy') policy.set(edge.target, edge.label);
    else if (edge.source.startsWith(SIDECAR_PREFIX)) {
      const target = groupOf.get(edge.target)?.id ?? edge.target;
      for (const source of sourcesOf(edge)) {
        let kinds = hops.get(source);
        if (!kinds) hops.set(source, (kinds = new Map()));
        let targets = kinds.get(edge.kind);
        if (!targets) kinds.set(edge.kind, (targets = new Set()));
        targets.add(target);
      }
    }
  }
  const signature = (sidecar: string) =>
    [...(hops.get(sidecar) ?? [])]
      .flatMap(([kind, targets]) => [...targets].map((target) => `${kind}>${target}`))
      .sort()
      .join(',');
  const classify = (byHops: boolean) => {
    const classes = new Map<string, GraphNode[]>();
    for (const sidecar of sidecars) {
      const mode = policy.get(sidecar.id) ?? '';
      const key = byHops ? `${mode}|${signature(sidecar.id)}` : mode;
      const members = classes.get(key);
      if (members) members.push(sidecar);
      else classes.set(key, [sidecar]);
    }
    return [...classes.values()];
  };
  const revealed = revealedNodes(expanded);
  const workloadOf = (sidecar: GraphNode) => `${WORKLOAD_PREFIX}${sidecar.id.slice(SIDECAR_PREFIX.length)}`;
  let classes = classify(true);
  if (classes.length > NAMESPACE_GROUP_LIMIT) classes = classify(false);
  for (const members of classes) {
    if (members.length < 2) continue;
    const namespaces = members.map((m) => m.id.slice(SIDECAR_PREFIX.length)).sort();
    const key = `namespaces:${namespaces[0]}`;
    if (expanded.has(key) || members.some((m) => revealed.has(m.id) || revealed.has(workloadOf(m)))) continue;
    const group: NodeGroup = { key, size: namespaces.length, members: namespaces };
    const label = `${namespaces[0]} and ${(namespaces.length - 1).toLocaleString('en-US')} more`;
    const workloads = namespaces.flatMap((ns) => nodeById.get(`${WORKLOAD_PREFIX}${ns}`) ?? []);
    const workload = groupNode(`group:workload:${namespaces[0]}`, 'workload', label, workloads, group);
    const sidecar = groupNode(`group:sidecar:${namespaces[0]}`, 'sidecar', label, members, group);
    for (const w of workloads) groupOf.set(w.id, workload);
    for (const s of members) groupOf.set(s.id, sidecar);
  }
}

/** The node id of one of a group's members, as the group lists it (a host, or a namespace's sidecar). */
export function memberNodeId(group: NodeGroup, member: string): string {
  return `${group.key.startsWith(HOST_GROUP_KEY) ? HOST_PREFIX : SIDECAR_PREFIX}${member}`;
}

/** The key that opens whatever group holds the node `nodeId`, so that it is drawn. */
export function revealKey(nodeId: string): string {
  return `${REVEAL_PREFIX}${nodeId}`;
}

const REVEAL_PREFIX = 'node:';

function revealedNodes(expanded: ReadonlySet<string>): Set<string> {
  const nodes = new Set<string>();
  for (const key of expanded) if (key.startsWith(REVEAL_PREFIX)) nodes.add(key.slice(REVEAL_PREFIX.length));
  return nodes;
}

function groupNode(
  id: string,
  kind: GraphNode['kind'],
  label: string,
  members: readonly GraphNode[],
  group: NodeGroup,
): GraphNode {
  const resources = new Set<string>();
  for (const member of members) for (const ref of member.resources) resources.add(ref);
  return { id, kind, label, resources: [...resources], position: { x: 0, y: 0 }, group };
}

/**
 * Edges with a grouped end, one per source, target and kind, standing for all the hops they
 * bundle; the others one per hop (an edge drawn from several sources, see {@link GraphEdge.alsoFrom},
 * is one hop from each).
 */
function bundleEdges(edges: readonly GraphEdge[], groupOf: ReadonlyMap<string, GraphNode>): GraphEdge[] {
  const out: GraphEdge[] = [];
  const bundles = new Map<string, Bundle>();
  // By source, target and kind, nested: the id string is built once per bundle, not per hop.
  const found = new Map<string, Map<string, Map<string, Bundle>>>();
  for (const edge of edges) {
    const target = groupOf.get(edge.target)?.id ?? edge.target;
    for (const from of sourcesOf(edge)) {
      const source = groupOf.get(from)?.id ?? from;
      if (source === from && target === edge.target) {
        out.push(hopFrom(edge, from));
        continue;
      }
      let byTarget = found.get(source);
      if (!byTarget) found.set(source, (byTarget = new Map()));
      let byKind = byTarget.get(target);
      if (!byKind) byTarget.set(target, (byKind = new Map()));
      const bundle = byKind.get(edge.kind);
      if (bundle) {
        bundle.count++;
        // The hops an edge stands for from its other sources are alike in all that a bundle keeps.
        if (bundle.edges.at(-1) !== edge) bundle.edges.push(edge);
      } else {
        const key = `${source}->${target}:${edge.kind}`;
        const started: Bundle = { edges: [edge], count: 1 };
        byKind.set(edge.kind, started);
        bundles.set(key, started);
        // Placed where its first hop was: the order of edges stays deterministic.
        out.push({ ...hopFrom(edge, edge.source), id: key, source, target });
      }
    }
  }
  return out.map((edge) => {
    const bundle = bundles.get(edge.id);
    return bundle ? bundled(edge, bundle) : edge;
  });
}

/** The hops one bundled edge stands for: `count` of them, drawn by `edges` (each for one source or more). */
interface Bundle {
  edges: GraphEdge[];
  count: number;
}

/** What a bundled edge keeps of its hops when they all have it (its label says so in words). */
const BUNDLE_SHARES = ['protocol', 'port', 'tls', 'timeout', 'retries', 'circuitBreaker', 'reason'] as const;

/** One edge for a bundle's hops (same kind, grouped ends): what they all share, and how many they are. */
function bundled(first: GraphEdge, { edges: hops, count: total }: Bundle): GraphEdge {
  if (total === 1) return { ...first, bundled: 1 };
  // One pass over the edges drawing the hops (a bundle may stand for a hundred thousand): which
  // fields they all share.
  const shared: (keyof GraphEdge)[] = ['label', ...BUNDLE_SHARES];
  const resources = new Set<string>();
  for (const hop of hops) {
    for (let k = shared.length - 1; k >= 0; k--)
      if (hop[shared[k]!] !== first[shared[k]!]) shared.splice(k, 1);
    if (hop.resources) for (const ref of hop.resources) resources.add(ref);
  }
  const count = total.toLocaleString('en-US');
  const edge: GraphEdge = {
    id: first.id,
    source: first.source,
    target: first.target,
    kind: first.kind,
    label: shared.includes('label') ? `${first.label} ×${count}` : `${count} hops`,
    bundled: total,
  };
  for (const key of BUNDLE_SHARES)
    if (shared.includes(key) && first[key] !== undefined) Object.assign(edge, { [key]: first[key] });
  if (resources.size > 0) edge.resources = [...resources];
  return edge;
}
