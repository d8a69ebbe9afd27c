import { useId } from 'react';

import { ISTIO_VERSIONS } from '../../core';
import { useStudio, useStudioApi } from '../../store';

// Newest first: the usual choice is at the top.
const NEWEST_FIRST = [...ISTIO_VERSIONS].reverse();

/**
 * The Istio release the design targets (what its cluster runs): the design is checked, drawn and
 * completed for it. Each change is one undo step; a presented design shows its release, unchanged.
 */
export function IstioVersionSelect() {
  const { store } = useStudioApi();
  const id = useId();
  const version = useStudio((s) => s.istioVersion);
  const readOnly = useStudio((s) => s.readOnly);
  return (
    <span className="toolbar-field">
      {/* "Istio" shows; the whole name is read out (the toolbar is full at 1280 px). */}
      <label htmlFor={id}>
        Istio<span className="visually-hidden"> version</span>
      </label>
      <select
        id={id}
        value={version}
        disabled={readOnly}
        onChange={(e) => store.getState().setIstioVersion(e.target.value)}
      >
        {NEWEST_FIRST.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </span>
  );
}
