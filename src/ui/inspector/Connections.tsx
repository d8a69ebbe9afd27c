import { roleAndLabel, type EgressGraph, type GraphNode } from '../../core';
import { useStudioApi } from '../../store';
import { describeEdge } from '../canvas/roles';

// A node can have thousands of connections in a large design: the list shows the first ones.
const CONNECTIONS_SHOWN = 50;

/**
 * The node's traffic in words (the canvas draws it): what leaves it and what reaches it, and how,
 * each a button that selects that hop, so every edge (the unlabelled hand-off and policy gate too)
 * can be inspected from the keyboard.
 */
export function Connections({ node, graph }: { node: GraphNode; graph: EgressGraph }) {
  const { store } = useStudioApi();
  const edges = graph.edges.filter((e) => e.source === node.id || e.target === node.id);
  if (edges.length === 0) return null;
  const names = new Map(graph.nodes.map((n) => [n.id, roleAndLabel(n)]));
  return (
    <details className="connections">
      <summary>Connections ({edges.length})</summary>
      <ul>
        {edges.slice(0, CONNECTIONS_SHOWN).map((e) => (
          <li key={e.id}>
            <button type="button" className="link-button" onClick={() => store.getState().selectEdge(e.id)}>
              {e.source === node.id ? `To ${names.get(e.target)}` : `From ${names.get(e.source)}`} —{' '}
              {describeEdge(e)}
            </button>
          </li>
        ))}
      </ul>
      {edges.length > CONNECTIONS_SHOWN && (
        <p className="muted">…and {edges.length - CONNECTIONS_SHOWN} more.</p>
      )}
    </details>
  );
}
