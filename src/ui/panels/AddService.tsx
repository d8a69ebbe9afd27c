import { useId, useState, type FormEvent } from 'react';

import {
  createServiceEntry,
  createServiceRule,
  createVirtualService,
  defaultPort,
  nameForHost,
} from '../../core';
import { useStudioApi } from '../../store';

type Protocol = 'HTTP' | 'HTTPS' | 'TLS' | 'TCP';
const PROTOCOLS: Protocol[] = ['HTTPS', 'TLS', 'HTTP', 'TCP'];

/**
 * The palette's "add an external service" form: a ServiceEntry for the host and, on demand, a
 * DestinationRule with a circuit breaker and a VirtualService with a timeout (and retries for HTTP).
 */
export function AddService({ onDone }: { onDone: (added?: boolean) => void }) {
  const { store } = useStudioApi();
  const id = useId();
  const [host, setHost] = useState('');
  const [protocol, setProtocol] = useState<Protocol>('HTTPS');
  const [port, setPort] = useState('443');
  const [namespace, setNamespace] = useState('default');
  const [owner, setOwner] = useState('');
  const [withRule, setWithRule] = useState(false);
  const [withRoute, setWithRoute] = useState(false);
  // Sidecars route TCP by port alone: a VirtualService for one host would not add anything.
  const routable = protocol !== 'TCP';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = host.trim();
    if (!name) return;
    const number = Number(port);
    const portSpec = defaultPort(protocol, Number.isInteger(number) && number > 0 ? number : undefined);
    const named = { name: nameForHost(name), namespace: namespace.trim() || 'default' };
    store.getState().addResources([
      createServiceEntry({
        ...named,
        hosts: [name],
        ports: [portSpec],
        ...(owner.trim() ? { owner: owner.trim() } : {}),
      }),
      ...(withRule ? [createServiceRule({ ...named, host: name })] : []),
      ...(withRoute && routable
        ? [
            createVirtualService({
              ...named,
              host: name,
              port: portSpec.number,
              protocol: protocol === 'HTTP' ? 'HTTP' : 'TLS',
              ...(protocol === 'HTTP'
                ? { retries: { attempts: 3, perTryTimeout: '10s', retryOn: 'connect-failure,reset,5xx' } }
                : {}),
            }),
          ]
        : []),
    ]);
    onDone(true);
  };

  return (
    <form className="palette-form" aria-label="Add external service" onSubmit={submit}>
      <label htmlFor={`${id}-host`}>Host</label>
      <input
        id={`${id}-host`}
        value={host}
        onChange={(e) => setHost(e.target.value)}
        placeholder="api.example.com"
        required
        autoFocus
      />
      <label htmlFor={`${id}-protocol`}>Protocol</label>
      <select
        id={`${id}-protocol`}
        value={protocol}
        onChange={(e) => {
          const next = e.target.value as Protocol;
          setProtocol(next);
          setPort(String(defaultPort(next).number));
        }}
      >
        {PROTOCOLS.map((p) => (
          <option key={p}>{p}</option>
        ))}
      </select>
      <label htmlFor={`${id}-port`}>Port</label>
      <input
        id={`${id}-port`}
        type="number"
        min={1}
        max={65535}
        value={port}
        onChange={(e) => setPort(e.target.value)}
      />
      <label htmlFor={`${id}-namespace`}>Namespace</label>
      <input id={`${id}-namespace`} value={namespace} onChange={(e) => setNamespace(e.target.value)} />
      <label htmlFor={`${id}-owner`}>Owner</label>
      <input id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)} placeholder="team" />
      <label className="palette-check">
        <input type="checkbox" checked={withRule} onChange={(e) => setWithRule(e.target.checked)} />
        DestinationRule (connection pool, circuit breaker)
      </label>
      <label className="palette-check">
        <input
          type="checkbox"
          checked={withRoute && routable}
          disabled={!routable}
          onChange={(e) => setWithRoute(e.target.checked)}
        />
        VirtualService ({protocol === 'HTTP' ? 'timeout, retries' : 'route by SNI'})
      </label>
      <div className="palette-actions">
        <button type="submit">Add</button>
        <button type="button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
