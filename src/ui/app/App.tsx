import { useMemo } from 'react';

import { analyzeBundle } from '../../core/analysis/analyze';
import { parseBundle } from '../../core/bundle';
import { deriveGraph, type GraphNode, type NodeKind } from '../../core/graph';
import sample from '../../templates/sample-payments.yaml?raw';

const ROLE: Record<NodeKind, string> = {
  workload: 'Workload',
  sidecar: 'Sidecar',
  'egress-gateway': 'Egress gateway',
  'external-service': 'External service',
  'mesh-policy': 'Mesh policy',
};

/** Accessible name of a graph node, as DESIGN.md §3 fixes it: `<Role>: <label>`. */
function nodeName(node: GraphNode): string {
  return `${ROLE[node.kind]}: ${node.label}`;
}

/**
 * The application shell. Until the designer lands it shows the engine's view of the sample design:
 * the egress paths and the problem summary, derived in the browser by the same core as the CLI.
 */
export function App() {
  const { graph, counts } = useMemo(() => {
    const bundle = parseBundle(sample);
    const diagnostics = analyzeBundle(bundle);
    const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
    return {
      graph: deriveGraph(bundle),
      counts: { error: count('error'), warning: count('warning'), info: count('info') },
    };
  }, []);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const paths = graph.edges.filter((e) => e.kind !== 'workload' && e.kind !== 'policy');
  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Egress Studio</h1>
        <p>Design how an Istio mesh reaches the outside world.</p>
      </header>
      <main>
        <section aria-label="Egress graph" className="panel">
          <h2>Egress paths in the sample design</h2>
          <ul className="paths">
            {paths.map((edge) => (
              <li key={edge.id} className={`path path-${edge.kind}`}>
                <span>{nodeName(byId.get(edge.source)!)}</span>
                <span className="arrow" aria-hidden="true">
                  →
                </span>
                <span>{nodeName(byId.get(edge.target)!)}</span>
                <span className="edge-label">{edge.label}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-label="Problems" className="panel">
          <h2>Problems</h2>
          <p className="summary">
            {counts.error} errors · {counts.warning} warnings · {counts.info} info
          </p>
        </section>
      </main>
    </div>
  );
}
