import { useEffect, useRef } from 'react';

import { useStudioApi } from '../../store';

/** Asks before deleting the resources behind a node; removing them is one undo step. */
export function DeleteNode({ label, refs, onClose }: { label: string; refs: string[]; onClose: () => void }) {
  const { store } = useStudioApi();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} aria-label={`Delete ${label}`} onClose={onClose} className="confirm">
      <p>
        Delete <strong>{label}</strong>? These resources will be removed from the bundle:
      </p>
      <ul>
        {refs.map((ref) => (
          <li key={ref}>
            <code>{ref}</code>
          </li>
        ))}
      </ul>
      <div className="palette-actions">
        <button
          type="button"
          onClick={() => {
            store.getState().removeResources(refs);
            store.getState().select(undefined);
            onClose();
          }}
        >
          Delete
        </button>
        <button type="button" onClick={onClose} autoFocus>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
