import { useEffect, useId, useRef, useState } from 'react';

import {
  formatImportProblem,
  type ImportInput,
  type ImportProblem,
  type ImportResult,
} from '../../core/import';
import { useStudioApi } from '../../store';
import { Modal } from '../shared/Modal';
import { mergeInto } from './merge';
import { readFiles } from './read-files';
import { readImport } from './read-import';

interface ImportDialogProps {
  onClose: () => void;
  /** Files dropped onto the app, read as soon as the dialog opens. */
  dropped?: readonly File[] | undefined;
}

/**
 * Import: paste text, open files or drop them. What was read is shown first — the resources, those
 * that are not about egress (kept all the same), every problem with its file and line — and the
 * design changes only when the user chooses Replace or Merge. A rejected input changes nothing.
 */
export function ImportDialog({ onClose, dropped }: ImportDialogProps) {
  const { store } = useStudioApi();
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<ImportResult | undefined>(undefined);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  // Files dropped onto the app are read once, when the dialog opens.
  const droppedRead = useRef(false);
  useEffect(() => {
    if (droppedRead.current || !dropped || dropped.length === 0) return;
    droppedRead.current = true;
    void read(readFiles(dropped));
  }, [dropped]);

  async function read(inputs: ImportInput[] | Promise<ImportInput[]>) {
    setReading(true);
    setResult(undefined);
    try {
      setResult(await readImport(await inputs));
    } finally {
      setReading(false);
    }
  }
  const apply = (mode: 'replace' | 'merge') => {
    if (!result?.ok) return;
    const state = store.getState();
    const count = result.resources.length;
    if (mode === 'replace') {
      state.openDesign(result.text, 'import');
      state.notify(
        `Imported ${count} ${count === 1 ? 'resource' : 'resources'} in place of the design (Undo brings it back).`,
      );
    } else {
      const replaced = mergeInto(state, result.text, 'import');
      state.notify(
        `Merged ${count} ${count === 1 ? 'resource' : 'resources'} into the design${replaced.length > 0 ? `, replacing ${replaced.join(', ')}` : ''}.`,
      );
    }
    onClose();
  };

  return (
    <Modal title="Import" onClose={onClose} className="modal-wide">
      <div
        className={`import-drop${dragging ? ' import-drop-active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setDragging(false);
          void read(readFiles([...e.dataTransfer.files]));
        }}
      >
        <label htmlFor={`${id}-paste`}>Paste YAML or JSON</label>
        <textarea
          id={`${id}-paste`}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          rows={8}
          spellCheck={false}
          placeholder={'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n…'}
        />
        <div className="palette-actions">
          <button
            type="button"
            disabled={pasted.trim() === ''}
            onClick={() => void read([{ name: 'pasted text', text: pasted }])}
          >
            Read pasted text
          </button>
          <label className="file-button">
            Open files…
            <input
              type="file"
              multiple
              accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length > 0) void read(readFiles(files));
              }}
            />
          </label>
          <span className="muted">or drop files here. Multi-document YAML, kind: List and JSON.</span>
        </div>
      </div>
      {reading && <p role="status">Reading…</p>}
      {result && !result.ok && <Rejected problems={result.problems} />}
      {result?.ok && (
        <section aria-label="What will be imported" className="import-result">
          <p role="status">{summary(result.resources.length, result.others.length)}</p>
          {result.others.length > 0 && (
            <details open>
              <summary>Not about egress, kept in the bundle ({result.others.length})</summary>
              <ul>
                {result.others.map((r) => (
                  <li key={`${r.file}:${r.line}:${r.ref}`}>
                    <code>{r.ref}</code> <span className="muted">({location(r)})</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {result.notes.length > 0 && (
            <ul className="import-notes">
              {result.notes.map((note, i) => (
                <li key={i}>{formatImportProblem(note)}</li>
              ))}
            </ul>
          )}
          <div className="palette-actions">
            <button type="button" onClick={() => apply('replace')} disabled={result.resources.length === 0}>
              Replace design
            </button>
            <button type="button" onClick={() => apply('merge')} disabled={result.resources.length === 0}>
              Merge into design
            </button>
          </div>
        </section>
      )}
    </Modal>
  );
}

function Rejected({ problems }: { problems: readonly ImportProblem[] }) {
  return (
    <div role="alert" className="import-rejected">
      <p>
        <strong>Nothing was imported</strong>: the design is unchanged. Fix{' '}
        {problems.length === 1 ? 'this' : 'these'} and try again:
      </p>
      <ul>
        {problems.map((problem, i) => (
          <li key={i}>{formatImportProblem(problem)}</li>
        ))}
      </ul>
    </div>
  );
}

function summary(resources: number, others: number): string {
  const egress = resources - others;
  return `${resources} ${resources === 1 ? 'resource' : 'resources'} read: ${egress} about egress, ${others} other${others === 1 ? '' : 's'} kept as they are.`;
}

function location(where: { file: string; line?: number | undefined; column?: number | undefined }): string {
  return where.line === undefined
    ? where.file
    : `${where.file}:${where.line}${where.column === undefined ? '' : `:${where.column}`}`;
}
