import { useStudio, useStudioApi, useView } from '../../store';
import { nodeName } from '../canvas/roles';
import { DeleteNode } from './DeleteNode';

/** The selected node: the resources it stands for and their problems, each one click from its YAML. */
export function Inspector() {
  const view = useView();
  const selection = useStudio((s) => s.selection);
  const { store } = useStudioApi();
  const deleting = useStudio((s) => s.deleting);
  const { graph, bundle, diagnostics } = view.lastGood;
  const node = graph.nodes.find((n) => n.id === selection);
  if (!node) {
    return <p className="muted">Select a node in the graph to see the resources behind it.</p>;
  }
  const resources = node.resources.map((ref) => ({
    ref,
    resource: bundle.resources.find((r) => r.ref === ref),
    problems: diagnostics.filter((d) => d.resource === ref && d.severity !== 'info'),
  }));
  return (
    <div className="inspector">
      <div className="inspector-head">
        <h3>{nodeName(node)}</h3>
        {node.resources.length > 0 && (
          <button
            type="button"
            onClick={() => store.getState().askToDelete(node.id)}
            disabled={!!view.blocked}
          >
            Delete
          </button>
        )}
      </div>
      {deleting === node.id && !view.blocked && node.resources.length > 0 && (
        <DeleteNode
          label={nodeName(node)}
          refs={node.resources}
          onClose={() => store.getState().askToDelete(undefined)}
        />
      )}
      {resources.length === 0 ? (
        <p className="muted">No resource in the bundle configures this node.</p>
      ) : (
        <ul className="resource-list">
          {resources.map(({ ref, resource, problems }) => (
            <li key={ref}>
              <div className="resource-head">
                <span className="resource-ref">{ref}</span>
                {resource && (
                  <button
                    type="button"
                    onClick={() =>
                      store
                        .getState()
                        .reveal({ start: resource.document.start, end: resource.document.start })
                    }
                  >
                    Show YAML
                  </button>
                )}
              </div>
              {problems.length > 0 && (
                <ul className="resource-problems">
                  {problems.map((d, i) => (
                    <li key={`${d.code}-${i}`} className={`problem-${d.severity}`}>
                      <strong>{d.code}</strong> {d.path && <code>{d.path}</code>} {d.message}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
