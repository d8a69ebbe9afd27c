import { useId, useState, type FormEvent } from 'react';

import { createNamespace, createSidecar } from '../../core';
import { useStudioApi } from '../../store';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The palette's "add a client namespace" form: a Namespace labelled for sidecar injection and,
 * optionally, a Sidecar that limits what its workloads may reach to registered hosts.
 */
export function AddNamespace({ onDone }: { onDone: (added?: boolean) => void }) {
  const { store } = useStudioApi();
  const id = useId();
  const [name, setName] = useState('');
  const [restricted, setRestricted] = useState(false);
  const trimmed = name.trim();
  const invalid = trimmed !== '' && !DNS_LABEL.test(trimmed);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed || invalid) return;
    store.getState().addResources([
      createNamespace(trimmed),
      ...(restricted
        ? [
            createSidecar({
              name: 'default',
              namespace: trimmed,
              hosts: ['*/*'],
              outboundMode: 'REGISTRY_ONLY',
            }),
          ]
        : []),
    ]);
    onDone(true);
  };

  return (
    <form className="palette-form" aria-label="Add client namespace" onSubmit={submit}>
      <label htmlFor={`${id}-name`}>Namespace</label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="checkout"
        required
        autoFocus
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-invalid` : undefined}
      />
      {invalid && (
        <small id={`${id}-invalid`} className="field-invalid">
          A namespace is a DNS label: lower-case letters, digits and &apos;-&apos;, at most 63 characters.
        </small>
      )}
      <label className="palette-check">
        <input type="checkbox" checked={restricted} onChange={(e) => setRestricted(e.target.checked)} />
        Only registered hosts (a Sidecar with REGISTRY_ONLY)
      </label>
      <div className="palette-actions">
        <button type="submit" disabled={!trimmed || invalid}>
          Add
        </button>
        <button type="button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
