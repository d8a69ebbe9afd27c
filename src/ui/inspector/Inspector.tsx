import { useEffect, useState } from 'react';

import { useStudio, useStudioApi, type View } from '../../store';
import { withDeferredView } from '../shared/deferred-view';
import { OTHER_HOSTS_ID, roleAndLabel, worstFirst } from '../../core';
import { Connections } from './Connections';
import { DeleteNode } from './DeleteNode';
import { EdgeDetails } from './EdgeDetails';
import { GroupDetails } from './GroupDetails';
import { MeshPolicyForm } from './MeshPolicyForm';
import { ResourceForm } from './ResourceForm';
import { ResourceHead } from './ResourceHead';
import { ServiceActions } from './ServiceActions';

const ROUTING_KINDS = new Set(['DestinationRule', 'VirtualService']);

/** The selected node: the resources it stands for and their problems, each one click from its YAML. */
export const Inspector = withDeferredView(function Inspector({ view }: { view: View }) {
  const selection = useStudio((s) => s.selection);
  const edgeSelection = useStudio((s) => s.edgeSelection);
  const { store } = useStudioApi();
  const deleting = useStudio((s) => s.deleting);
  const { graph, bundle, diagnostics } = view.lastGood;
  const found = graph.nodes.find((n) => n.id === selection);
  // An edit that renames a node (a host typed in its form) keeps its resources: follow them, so the
  // form the user is typing in stays where it is.
  const before = found ? undefined : view.previous?.lastGood.graph.nodes.find((n) => n.id === selection);
  const node =
    found ??
    (before &&
      graph.nodes.find(
        (n) => n.kind === before.kind && n.resources.some((r) => before.resources.includes(r)),
      ));
  useEffect(() => {
    if (node && node.id !== selection) store.getState().select(node.id);
  }, [node, selection, store]);
  // Resources stay listed while the node stays selected, even if an edit (say, of a host) moves
  // them to another node: the form being typed in must not vanish under the cursor.
  const [kept, setKept] = useState<{ selection: string | undefined; refs: string[] }>({
    selection,
    refs: [],
  });
  // A node lists its resources by `Kind/namespace/name`, which is the id of the modelled kinds.
  const existing = new Set(bundle.resources.map((r) => r.id));
  const refs = [
    ...new Set([
      ...(node?.resources ?? []),
      ...(kept.selection === selection ? kept.refs.filter((r) => existing.has(r)) : []),
    ]),
  ];
  if (kept.selection !== selection || refs.join('\n') !== kept.refs.join('\n')) setKept({ selection, refs });
  const edge = edgeSelection === undefined ? undefined : graph.edges.find((e) => e.id === edgeSelection);
  if (edge) {
    const parallel = graph.edges.filter((e) => e.source === edge.source && e.target === edge.target);
    return <EdgeDetails edges={parallel} graph={graph} resources={bundle.resources} />;
  }
  if (!node) {
    return (
      <p className="muted">
        Select a node in the graph to see the resources behind it, or an edge (its line or its label) to see
        what that hop does.
      </p>
    );
  }
  if (node.group) return <GroupDetails node={node} group={node.group} graph={graph} />;
  const resources = refs.map((ref) => ({
    ref,
    resource: bundle.resources.find((r) => r.id === ref),
    problems: worstFirst(diagnostics.filter((d) => d.resource === ref && d.severity !== 'info')),
  }));
  return (
    <div className="inspector">
      <div className="inspector-head">
        <h3>{roleAndLabel(node)}</h3>
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
      <ServiceActions node={node} graph={graph} bundle={bundle} readOnly={!!view.blocked} />
      {node.kind === 'mesh-policy' && <MeshPolicyForm mode={node.label} readOnly={!!view.blocked} />}
      <Connections node={node} graph={graph} />
      {deleting === node.id && !view.blocked && node.resources.length > 0 && (
        <DeleteNode
          label={roleAndLabel(node)}
          refs={node.resources}
          onClose={() => store.getState().askToDelete(undefined)}
        />
      )}
      {node.id === OTHER_HOSTS_ID ? (
        <OtherHosts onMeshPolicy={() => store.getState().select('mesh-policy')} />
      ) : resources.length === 0 ? (
        <p className="muted">No resource in the bundle configures this node.</p>
      ) : (
        <ul className="resource-list">
          {resources.map(({ ref, resource, problems }) => (
            <li key={ref}>
              <ResourceHead resourceRef={ref} resource={resource}>
                {/* A service's rule and route can go on their own (its ServiceEntry goes with the node). */}
                {resource && node.kind === 'external-service' && ROUTING_KINDS.has(resource.kind) && (
                  <button
                    type="button"
                    aria-label={`Remove ${ref}`}
                    disabled={!!view.blocked}
                    onClick={() => store.getState().removeResources([ref])}
                  >
                    Remove
                  </button>
                )}
              </ResourceHead>
              {resource && (
                <ResourceForm resource={resource} diagnostics={diagnostics} readOnly={!!view.blocked} />
              )}
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
});

/** What the node for unregistered hosts stands for: the outbound traffic policy decides there. */
function OtherHosts({ onMeshPolicy }: { onMeshPolicy: () => void }) {
  return (
    <>
      <p>
        Every host that no ServiceEntry registers for a namespace. Each sidecar&apos;s outbound traffic policy
        decides what happens to calls to them: <code>ALLOW_ANY</code> lets them out unmanaged
        (PassthroughCluster: no routing, TLS or policy), <code>REGISTRY_ONLY</code> drops them
        (BlackHoleCluster: HTTP 502, or a closed connection).
      </p>
      <p>
        Set the policy for the whole mesh on the mesh policy node, or for one namespace with a Sidecar.{' '}
        <button type="button" onClick={onMeshPolicy}>
          Go to the mesh policy
        </button>
      </p>
    </>
  );
}
