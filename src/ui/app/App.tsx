import { lazy, Suspense, useCallback, useEffect, useState } from 'react';

import {
  useHistory,
  useStudio,
  useStudioApi,
  useViewValue,
  useWorkbench,
  useWorkbenchApi,
} from '../../store';
import { cyclePanes } from '../shared/pane-focus';
import { AddMenu } from './AddMenu';
import { DesignsButton } from './DesignsButton';
import { IstioVersionSelect } from './IstioVersionSelect';
import { ThemeSelect } from './ThemeSelect';
import { Workspace } from './Workspace';

// The palette, under the toolbar's Add menu: each item opens its form under the toolbar (one at a
// time), loaded when first opened.
const AddService = lazy(() => import('../panels/AddService').then((m) => ({ default: m.AddService })));
const AddNamespace = lazy(() => import('../panels/AddNamespace').then((m) => ({ default: m.AddNamespace })));
const RouteViaGateway = lazy(() =>
  import('../panels/RouteViaGateway').then((m) => ({ default: m.RouteViaGateway })),
);
const PALETTE = [
  { id: 'service', label: 'Add external service', Form: AddService },
  { id: 'namespace', label: 'Add client namespace', Form: AddNamespace },
  { id: 'route', label: 'Route through egress gateway', Form: RouteViaGateway },
] as const;
type PaletteId = (typeof PALETTE)[number]['id'];

// The dialogs that move a design in and out load when first opened: not needed for the first graph.
const ScenarioGallery = lazy(() =>
  import('../travel/ScenarioGallery').then((m) => ({ default: m.ScenarioGallery })),
);
const ImportDialog = lazy(() => import('../travel/ImportDialog').then((m) => ({ default: m.ImportDialog })));
const ExportDialog = lazy(() => import('../travel/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const ShareDialog = lazy(() => import('../travel/ShareDialog').then((m) => ({ default: m.ShareDialog })));

/** The dialogs that move a design in and out of the app (one open at a time). */
type Travel = 'scenarios' | 'import' | 'export' | 'share';

/** The designer: graph, inspector, YAML and problems, all views of the one store. */
export function App() {
  const { store } = useStudioApi();
  const workbench = useWorkbenchApi();
  const designName = useWorkbench((w) => w.card?.name);
  const { canUndo, canRedo } = useHistory();
  // Only whether (and where) the text does not parse: the shell re-renders on nothing else an edit does.
  const blockedLine = useViewValue((v) => v.blocked?.line);
  const blockedMessage = useViewValue((v) => v.blocked?.message);
  // A failure inside the engine (a bug): the text is kept, the views show what it could derive.
  const internalError = useViewValue((v) => v.current.internalError?.message);
  const notice = useStudio((s) => s.notice);
  const [palette, setPalette] = useState<PaletteId | undefined>(undefined);
  const PaletteForm = PALETTE.find((p) => p.id === palette)?.Form;
  const [travel, setTravel] = useState<Travel | undefined>(undefined);
  const [dropped, setDropped] = useState<File[] | undefined>(undefined);
  const closeTravel = useCallback(() => {
    setTravel(undefined);
    setDropped(undefined);
  }, []);

  // Undo and redo everywhere outside the YAML pane (which binds the same keys to the same actions),
  // form fields of the design included: their edits are steps of the one history. Only the palette's
  // inputs, not yet part of the design, keep the browser's own undo.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('.monaco-editor')) return;
      if (target?.closest('input, textarea, select') && !target.closest('.resource-form')) return;
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) store.getState().undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') store.getState().redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  // F6 / Shift+F6: the next or previous pane, from anywhere (before Monaco, which would take the key).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F6' || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      event.stopPropagation();
      cyclePanes(event.shiftKey);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  return (
    <div
      className="shell"
      // Files dropped anywhere on the app are imported (the dialog shows them before anything changes).
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        if (e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        setDropped([...e.dataTransfer.files]);
        setTravel('import');
      }}
    >
      <header className="shell-header">
        <h1>Egress Studio</h1>
        {designName !== undefined && (
          <p className="design-title" title={designName}>
            {designName}
          </p>
        )}
        <div className="toolbar" role="toolbar" aria-label="Design">
          <DesignsButton />
          <button type="button" onClick={() => void workbench.getState().create()}>
            New design
          </button>
          <button type="button" onClick={() => setTravel('scenarios')}>
            Scenarios
          </button>
          <button type="button" onClick={() => setTravel('import')}>
            Import
          </button>
          <button type="button" onClick={() => setTravel('export')}>
            Export
          </button>
          <button type="button" onClick={() => setTravel('share')}>
            Share
          </button>
          <span className="toolbar-gap" aria-hidden="true" />
          <button type="button" onClick={() => store.getState().undo()} disabled={!canUndo}>
            Undo
          </button>
          <button type="button" onClick={() => store.getState().redo()} disabled={!canRedo}>
            Redo
          </button>
          <button type="button" onClick={() => store.getState().resetLayout()}>
            Auto-layout
          </button>
          <AddMenu
            items={PALETTE}
            open={palette}
            onChoose={setPalette}
            disabled={blockedLine !== undefined}
          />
          <span className="toolbar-gap" aria-hidden="true" />
          <IstioVersionSelect />
          <ThemeSelect />
        </div>
      </header>
      {PaletteForm && (
        <Suspense fallback={null}>
          <PaletteForm
            onDone={(added) => {
              setPalette(undefined);
              if (added) focusSelectedNode(store.getState().selection);
            }}
          />
        </Suspense>
      )}
      <Suspense fallback={null}>
        {travel === 'scenarios' && <ScenarioGallery onClose={closeTravel} />}
        {travel === 'import' && <ImportDialog onClose={closeTravel} dropped={dropped} />}
        {travel === 'export' && <ExportDialog onClose={closeTravel} />}
        {travel === 'share' && <ShareDialog onClose={closeTravel} onExport={() => setTravel('export')} />}
      </Suspense>
      {notice && (
        <div className="banner banner-notice" role="status">
          <span>{notice}</span>
          <button type="button" onClick={() => store.getState().dismissNotice()}>
            Dismiss
          </button>
        </div>
      )}
      {internalError !== undefined && (
        <div className="banner banner-blocked" role="alert">
          Egress Studio failed while checking this design ({internalError}). This is a bug in the app, not in
          your design: your text is kept and saved, and Export takes it out. The problems and the graph may be
          incomplete until the text changes.
        </div>
      )}
      {blockedLine !== undefined && (
        <div className="banner banner-blocked" role="alert">
          The YAML does not parse at line {blockedLine}: {blockedMessage?.replace(/\.$/, '')}. The graph and
          inspector show the last valid design, read-only, until it is fixed.
        </div>
      )}
      <Workspace inspector />
    </div>
  );
}

/**
 * Moves the keyboard focus to a node of the graph once it is drawn (a node just added): the user
 * carries on from it (Enter, Delete, Tab to the inspector).
 */
function focusSelectedNode(nodeId: string | undefined, framesLeft = 30): void {
  if (!nodeId) return;
  const node = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
  if (node) node.focus();
  else if (framesLeft > 0) requestAnimationFrame(() => focusSelectedNode(nodeId, framesLeft - 1));
}
