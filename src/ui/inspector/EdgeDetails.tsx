import type { EdgeKind, EgressGraph, GraphEdge, Resource, TlsBehaviour } from '../../core';
import { roleAndLabel } from '../../core';
import { useStudioApi } from '../../store';
import { ResourceHead } from './ResourceHead';

/** What each kind of hop is, in words. */
const KIND_WORDS: Record<EdgeKind, string> = {
  workload: 'The workload hands its outbound traffic to its sidecar',
  policy: 'The mesh policy decides what the sidecar does with unregistered hosts',
  direct: 'Straight from the sidecar to the external service',
  'to-gateway': 'From the sidecar to the egress gateway',
  'via-gateway': 'From the egress gateway to the external service',
  passthrough: 'Leaves unmanaged (PassthroughCluster): no routing, TLS or policy',
  blocked: 'Blocked: the request does not leave',
};

const TLS_WORDS: Record<TlsBehaviour, string> = {
  'pass-through': "Pass-through: the application's own TLS, untouched",
  origination: 'Origination: the proxy encrypts (the application sends plain text)',
  mutual: 'Mutual TLS origination, with a client certificate',
  'istio-mutual': 'Istio mutual TLS (mesh certificates)',
  double: 'TLS inside TLS: the application already encrypts, so this breaks',
  plaintext: 'None: plain text',
  none: 'None',
};

/**
 * Hops a DestinationRule can govern: the others (a hand-off, the policy's gate, traffic that is
 * dropped or leaves unmanaged) have no circuit breaker to speak of.
 */
const ROUTED: ReadonlySet<EdgeKind> = new Set(['direct', 'to-gateway', 'via-gateway']);

/** A DestinationRule's limits as `path: value` lines, in the order written. */
function limitLines(value: unknown, path = ''): [string, string][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return Object.entries(value).flatMap(([key, inner]) => limitLines(inner, path ? `${path}.${key}` : key));
  return [[path, Array.isArray(value) ? value.join(', ') : String(value)]];
}

/** One hop of a bundle (a protocol and port between the same two nodes): what it does, in words. */
function Hop({ edge }: { edge: GraphEdge }) {
  const rows: [string, string][] = [
    ['What', KIND_WORDS[edge.kind]],
    ...(edge.protocol ? [['Protocol', edge.protocol] as [string, string]] : []),
    ...(edge.port !== undefined ? [['Port', String(edge.port)] as [string, string]] : []),
    ...(edge.tls ? [['TLS', TLS_WORDS[edge.tls]] as [string, string]] : []),
    ...(edge.timeout ? [['Timeout', edge.timeout] as [string, string]] : []),
    ...(edge.retries ? [['Retries', `${edge.retries} attempts`] as [string, string]] : []),
    ...(edge.reason ? [['Why', edge.reason] as [string, string]] : []),
  ];
  const { connectionPool, outlierDetection } = edge.limits ?? {};
  return (
    <section className="hop" aria-label={`Hop ${edge.label}`}>
      <h4>{edge.label}</h4>
      <dl className="hop-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {ROUTED.has(edge.kind) && (
          <div>
            <dt>Circuit breaker</dt>
            <dd>
              {edge.circuitBreaker
                ? 'On (outlier detection ejects failing hosts)'
                : 'Off (no outlier detection)'}
              {(connectionPool || outlierDetection) && (
                <ul className="hop-limits">
                  {[
                    ...limitLines(connectionPool, 'connectionPool'),
                    ...limitLines(outlierDetection, 'outlierDetection'),
                  ]
                    .filter(([path]) => !path.endsWith('undefined'))
                    .map(([path, value]) => (
                      <li key={path}>
                        <code>{path}</code>: {value}
                      </li>
                    ))}
                </ul>
              )}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

interface EdgeDetailsProps {
  /** The selected edge and every edge parallel to it (same source and target), drawn as one. */
  edges: GraphEdge[];
  graph: EgressGraph;
  resources: Resource[];
}

// An edge of a grouped graph can bundle thousands of hops: the list names the resources of the first ones.
const REFS_SHOWN = 50;

/**
 * The selected hop in the inspector: what travels on it and how (protocol, port, TLS, timeout,
 * retries, circuit breaker and its limits, why it is blocked), the nodes at its ends, and the
 * resources that decide it, each one click from its YAML.
 */
export function EdgeDetails({ edges, graph, resources }: EdgeDetailsProps) {
  const { store } = useStudioApi();
  const first = edges[0]!;
  const name = (id: string) => {
    const node = graph.nodes.find((n) => n.id === id);
    return node ? roleAndLabel(node) : id;
  };
  const refs = [...new Set(edges.flatMap((e) => e.resources ?? []))];
  return (
    <div className="inspector">
      <h3>
        {name(first.source)} → {name(first.target)}
      </h3>
      <p className="hop-ends">
        <button type="button" onClick={() => store.getState().select(first.source)}>
          Select {name(first.source)}
        </button>
        <button type="button" onClick={() => store.getState().select(first.target)}>
          Select {name(first.target)}
        </button>
      </p>
      {edges.map((edge) => (
        <Hop key={edge.id} edge={edge} />
      ))}
      <h4>Resources behind this hop</h4>
      {refs.length === 0 ? (
        <p className="muted">No resource in the bundle configures this hop.</p>
      ) : (
        <>
          <ul className="resource-list">
            {refs.slice(0, REFS_SHOWN).map((ref) => (
              <li key={ref}>
                <ResourceHead resourceRef={ref} resource={resources.find((r) => r.id === ref)} />
              </li>
            ))}
          </ul>
          {refs.length > REFS_SHOWN && (
            <p className="muted">…and {(refs.length - REFS_SHOWN).toLocaleString('en-US')} more.</p>
          )}
        </>
      )}
    </div>
  );
}
