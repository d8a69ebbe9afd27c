import { useId, useState, type FormEvent } from 'react';

import { createServiceEntry, defaultPort, nameForHost } from '../../core';
import { useStudioApi } from '../../store';

type Protocol = 'HTTP' | 'HTTPS' | 'TLS' | 'TCP';
const PROTOCOLS: Protocol[] = ['HTTPS', 'TLS', 'HTTP', 'TCP'];

/** The palette's "add an external service" form: a ServiceEntry for the host, appended to the bundle. */
export function AddService({ onDone }: { onDone: () => void }) {
  const { store } = useStudioApi();
  const id = useId();
  const [host, setHost] = useState('');
  const [protocol, setProtocol] = useState<Protocol>('HTTPS');
  const [port, setPort] = useState('443');
  const [namespace, setNamespace] = useState('default');
  const [owner, setOwner] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = host.trim();
    if (!name) return;
    const number = Number(port);
    store.getState().addResources([
      createServiceEntry({
        name: nameForHost(name),
        namespace: namespace.trim() || 'default',
        hosts: [name],
        ports: [defaultPort(protocol, Number.isInteger(number) && number > 0 ? number : undefined)],
        ...(owner.trim() ? { owner: owner.trim() } : {}),
      }),
    ]);
    onDone();
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
      <div className="palette-actions">
        <button type="submit">Add</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
