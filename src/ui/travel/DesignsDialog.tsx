import { useEffect, useId, useState } from 'react';

import { useWorkbench, useWorkbenchApi, type DesignCard, type UnreadableCard } from '../../store';
import { Modal } from '../shared/Modal';
import { download } from '../shared/download';

/**
 * The user's designs, kept in this browser: open one, add one, rename, duplicate, delete (with
 * Undo). Designs that cannot be read are listed too, with Export (what is stored, as it is) and
 * Delete; nothing writes over them.
 */
export function DesignsDialog({ onClose }: { onClose: () => void }) {
  const workbench = useWorkbenchApi();
  const designs = useWorkbench((w) => w.designs);
  const current = useWorkbench((w) => w.card?.id);
  const deleted = useWorkbench((w) => w.deleted);
  const [renaming, setRenaming] = useState<string | undefined>(undefined);
  useEffect(() => void workbench.getState().refresh(), [workbench]);
  // Opening a design closes the list first: the views of the design it opens take the focus.
  const act = (work: () => Promise<void>, close = false) => {
    if (close) onClose();
    void work();
  };
  return (
    <Modal title="Designs" onClose={onClose} className="modal-wide">
      <p className="muted">
        Your designs are kept in this browser and saved as you work. A design open in two tabs is edited in
        one of them; the other shows it read-only.
      </p>
      <div className="palette-actions">
        <button type="button" onClick={() => act(() => workbench.getState().create(), true)}>
          New design
        </button>
      </div>
      {deleted && (
        <p role="status" className="designs-deleted">
          Deleted "{deleted.name}".{' '}
          <button type="button" onClick={() => act(() => workbench.getState().undoRemove())}>
            Undo
          </button>
        </p>
      )}
      <ul className="design-list" aria-label="Your designs">
        {(designs ?? []).map((design) =>
          'unreadable' in design ? (
            <UnreadableRow key={design.id} design={design} onDelete={() => act(() => purge(design.id))} />
          ) : (
            <li key={design.id} className="design-row" aria-current={design.id === current || undefined}>
              {renaming === design.id ? (
                <RenameForm
                  name={design.name}
                  onDone={(name) => {
                    setRenaming(undefined);
                    if (name !== undefined) act(() => workbench.getState().rename(design.id, name));
                  }}
                />
              ) : (
                <>
                  <span className="design-name">
                    <strong>{design.name}</strong>
                    {design.id === current && <span className="muted"> (open)</span>}
                    <span className="muted design-meta">{describe(design)}</span>
                  </span>
                  <span className="design-actions">
                    {(
                      [
                        ['Open', () => act(() => workbench.getState().open(design.id), true)],
                        ['Rename', () => setRenaming(design.id)],
                        ['Duplicate', () => act(() => workbench.getState().duplicate(design.id), true)],
                        ['Delete', () => act(() => workbench.getState().remove(design.id))],
                      ] as const
                    ).map(([action, run]) => (
                      <button
                        key={action}
                        type="button"
                        // The open design is open already.
                        disabled={action === 'Open' && design.id === current}
                        aria-label={`${action} ${design.name}`}
                        onClick={run}
                      >
                        {action}
                      </button>
                    ))}
                  </span>
                </>
              )}
            </li>
          ),
        )}
      </ul>
    </Modal>
  );

  function purge(id: string) {
    return workbench.getState().purgeUnreadable(id);
  }
}

function RenameForm({ name, onDone }: { name: string; onDone: (name: string | undefined) => void }) {
  const id = useId();
  const [value, setValue] = useState(name);
  return (
    <form
      className="design-rename"
      onSubmit={(e) => {
        e.preventDefault();
        onDone(value.trim() ? value : undefined);
      }}
    >
      <label htmlFor={id}>Name</label>
      <input
        id={id}
        value={value}
        maxLength={120}
        autoFocus
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          // Escape cancels the rename, not the whole dialog.
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onDone(undefined);
          }
        }}
      />
      <button type="submit">Save name</button>
    </form>
  );
}

function UnreadableRow({ design, onDelete }: { design: UnreadableCard; onDelete: () => void }) {
  // Deleting what cannot be read cannot be undone: a second press confirms it.
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="design-row design-unreadable">
      <span className="design-name">
        <strong>A design that cannot be read</strong>
        <span className="muted design-meta">
          Kept as it is: nothing writes over it. Export it to keep it.
        </span>
      </span>
      <span className="design-actions">
        <button
          type="button"
          onClick={() =>
            download(
              `unreadable-design-${design.id}.json`,
              JSON.stringify(design.raw, null, 2),
              'application/json',
            )
          }
        >
          Export
        </button>
        <button type="button" onClick={confirming ? onDelete : () => setConfirming(true)}>
          {confirming ? 'Delete for good' : 'Delete'}
        </button>
      </span>
    </li>
  );
}

function describe(card: DesignCard): string {
  const when = new Date(card.savedAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
  const kb = card.size / 1024;
  const size =
    card.size === 0 ? 'empty' : kb < 1 ? `${card.size} characters` : `${kb.toFixed(kb < 10 ? 1 : 0)} KB`;
  return `Saved ${when} · ${size}`;
}
