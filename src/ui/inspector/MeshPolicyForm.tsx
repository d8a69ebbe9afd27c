import { useId } from 'react';

import { useStudioApi } from '../../store';

const MODES = ['ALLOW_ANY', 'REGISTRY_ONLY'] as const;

/**
 * The mesh-wide outbound traffic policy: written where the bundle keeps its mesh config
 * (IstioOperator, the istio ConfigMap's mesh text, Helm values), or as a new IstioOperator overlay.
 */
export function MeshPolicyForm({ mode, readOnly }: { mode: string; readOnly: boolean }) {
  const { store } = useStudioApi();
  const id = useId();
  return (
    <div className="field mesh-policy-form">
      <label htmlFor={id}>Outbound traffic policy</label>
      <select
        id={id}
        value={mode}
        disabled={readOnly}
        aria-describedby={`${id}-help`}
        onChange={(e) => store.getState().setOutboundMode(e.target.value as (typeof MODES)[number])}
      >
        {MODES.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
      <small id={`${id}-help`} className="field-help">
        REGISTRY_ONLY drops calls to hosts no ServiceEntry registers; ALLOW_ANY lets them leave the mesh
        unmanaged. A Sidecar&apos;s outboundTrafficPolicy overrides it for its namespace. Default: ALLOW_ANY.
      </small>
    </div>
  );
}
