import { useId, useState, type FormEvent } from 'react';

import { useStudioApi, useView } from '../../store';
import { gatewayRouteFor } from './gateway-route';

/**
 * The palette's "route through the egress gateway" form: pick an external service called directly;
 * its Gateway, two-hop VirtualService and gateway DestinationRule are added, and what the design
 * already has for it is changed to go through the gateway.
 */
export function RouteViaGateway({ onDone }: { onDone: (added?: boolean) => void }) {
  const { store } = useStudioApi();
  const { graph, bundle } = useView().lastGood;
  const id = useId();
  const targets = graph.nodes.flatMap((node) => {
    const target = gatewayRouteFor(node, graph, bundle.resources);
    return target ? [target] : [];
  });
  const [host, setHost] = useState(targets[0]?.host ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = targets.find((t) => t.host === host);
    if (!target) return;
    store.getState().routeThroughEgressGateway(target);
    onDone();
  };

  return (
    <form className="palette-form" aria-label="Route through the egress gateway" onSubmit={submit}>
      {targets.length === 0 ? (
        <p className="muted">Every external service with a port already leaves through the egress gateway.</p>
      ) : (
        <>
          <label htmlFor={`${id}-host`}>External service</label>
          <select id={`${id}-host`} value={host} onChange={(e) => setHost(e.target.value)} autoFocus>
            {targets.map((t) => (
              <option key={t.host} value={t.host}>
                {t.host} ({t.protocol}:{t.port})
              </option>
            ))}
          </select>
        </>
      )}
      <div className="palette-actions">
        {targets.length > 0 && <button type="submit">Route</button>}
        <button type="button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
