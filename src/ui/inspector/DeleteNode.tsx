import { useStudioApi } from '../../store';
import { Modal } from '../shared/Modal';

/** Asks before deleting the resources behind a node; removing them is one undo step. */
export function DeleteNode({ label, refs, onClose }: { label: string; refs: string[]; onClose: () => void }) {
  const { store } = useStudioApi();
  return (
    <Modal title={`Delete ${label}`} onClose={onClose}>
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
    </Modal>
  );
}
