import { memberNodeId, roleAndLabel, type EgressGraph, type GraphNode, type NodeGroup } from '../../core';
import { useStudioApi } from '../../store';
import { Connections } from './Connections';

// A group may stand for thousands: the list names the first ones.
const MEMBERS_SHOWN = 100;

/**
 * A node that stands for many (a large graph groups hosts by domain and namespaces that act alike):
 * what it groups, and a button that opens it, drawing its members in its place.
 */
export function GroupDetails({
  node,
  group,
  graph,
}: {
  node: GraphNode;
  group: NodeGroup;
  graph: EgressGraph;
}) {
  const { store } = useStudioApi();
  const hosts = group.key.startsWith('hosts:');
  const count = group.size.toLocaleString('en-US');
  const what = hosts ? `${count} hosts` : `${count} namespaces`;
  const domain = group.key.slice('hosts:'.length);
  return (
    <div className="inspector">
      <div className="inspector-head">
        <h3>{roleAndLabel(node)}</h3>
        <button type="button" onClick={() => store.getState().expandGroup(group.key, true)}>
          Show the {what}
        </button>
      </div>
      <p className="muted">
        {hosts
          ? `The design has too many external hosts to draw one by one: ${domain ? `these ${what} share the domain ${domain}` : `these are ${what}`}. Showing them draws their subdomains, then each host.`
          : `These ${what} have sidecars that do the same: the same outbound policy and the same kinds of hop to the same destinations. Showing them draws each namespace.`}{' '}
        Edges into and out of a group stand for every hop they bundle, with their number.
      </p>
      <Connections node={node} graph={graph} />
      <details className="group-members" open>
        <summary>{hosts ? 'Hosts' : 'Namespaces'}</summary>
        <ul>
          {group.members.slice(0, MEMBERS_SHOWN).map((member) => (
            <li key={member}>
              <button
                type="button"
                className="link-button"
                title={`Draw ${member} and select it`}
                onClick={() => store.getState().showNode(memberNodeId(group, member))}
              >
                <code>{member}</code>
              </button>
            </li>
          ))}
        </ul>
        {group.size > MEMBERS_SHOWN && (
          <p className="muted">…and {(group.size - MEMBERS_SHOWN).toLocaleString('en-US')} more.</p>
        )}
      </details>
    </div>
  );
}
