import type { ReactNode } from 'react';

import type { Resource } from '../../core';
import { useStudioApi } from '../../store';

/** A resource's `Kind/namespace/name`, and a button that shows its YAML when the bundle has it. */
export function ResourceHead({
  resourceRef,
  resource,
  children,
}: {
  resourceRef: string;
  resource: Resource | undefined;
  /** Further actions on the resource, after Show YAML. */
  children?: ReactNode;
}) {
  const { store } = useStudioApi();
  return (
    <div className="resource-head">
      <span className="resource-ref">{resourceRef}</span>
      {resource && (
        <button
          type="button"
          aria-label={`Show YAML of ${resourceRef}`}
          onClick={() =>
            store.getState().reveal({ start: resource.document.start, end: resource.document.start })
          }
        >
          Show YAML
        </button>
      )}
      {children}
    </div>
  );
}
