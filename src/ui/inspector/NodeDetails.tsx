import { OTHER_HOSTS_ID, roleAndLabel, worstFirst, type GraphNode } from '../../core';
import { useStudioApi, type View } from '../../store';
import { Connections } from './Connections';
import { DeleteNode } from './DeleteNode';
import { GroupDetails } from './GroupDetails';
import { MeshPolicyForm } from './MeshPolicyForm';
import { ResourceForm } from './ResourceForm';
import { ResourceHead } from './ResourceHead';
import { ServiceActions } from './ServiceActions';

const ROUTING_KINDS = new Set(['DestinationRule', 'VirtualService']);

/**
 * A selected node: what it stands for, the resources behind it (each with its form and problems)
 * and what can be done with it. `refs` are the resources listed, which stay while the node stays
 * selected even if an edit moves them to another node.
 */
export function NodeDetails({
  node,
  refs,
  view,
  deleting,
}: {
  node: GraphNode;
  refs: readonly string[];
  view: View;
  deleting: string | undefined;
}) {
  const { store } = useStudioApi();
  const { graph, bundle, diagnostics } = view.lastGood;
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
}

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
