import { useEffect } from 'react';

import {
  PreferencesContext,
  StudioContext,
  useWorkbench,
  WorkbenchContext,
  type PreferencesStore,
  type Workbench,
} from '../../store';
import { applyTheme } from '../shared/theme';
import { App } from './App';
import { CrashGuard } from './CrashGuard';
import { forgetFragment, openFromAddress } from './boot';
import { Presentation } from './Presentation';

// Each studio mounts its own views: a design opened in place of another starts them afresh.
const studioKeys = new WeakMap<object, number>();
let studios = 0;
const studioKey = (studio: object) => {
  if (!studioKeys.has(studio)) studioKeys.set(studio, ++studios);
  return studioKeys.get(studio);
};

interface RootProps {
  workbench: Workbench & { start(): Promise<void> };
  preferences: PreferencesStore;
}

/**
 * The app around the design this tab shows: edited here, followed read-only while another tab edits
 * it, or a shared design presented read-only until the user edits a copy.
 */
export function Root({ workbench, preferences }: RootProps) {
  // The theme the user chooses applies at once, to the whole page.
  useEffect(() => preferences.subscribe((p) => applyTheme(p.theme)), [preferences]);
  // A share link pasted into the address bar of this tab changes only the fragment: the page does
  // not reload, so open it here as a fresh load would (read-only, "Edit a copy").
  useEffect(() => {
    const open = () => {
      if (location.hash.startsWith('#design=')) void openFromAddress(workbench);
    };
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [workbench]);
  // Save what was typed in the last moments before the page goes away.
  useEffect(() => {
    const close = () => workbench.getState().close();
    window.addEventListener('pagehide', close);
    return () => window.removeEventListener('pagehide', close);
  }, [workbench]);

  return (
    <PreferencesContext.Provider value={preferences}>
      <WorkbenchContext.Provider value={workbench}>
        <Designing workbench={workbench} />
      </WorkbenchContext.Provider>
    </PreferencesContext.Provider>
  );
}

/** The design this tab shows, as the workbench has it open. */
function Designing({ workbench }: { workbench: Workbench }) {
  const studio = useWorkbench((s) => s.studio);
  const mode = useWorkbench((s) => s.mode);
  if (!studio) return <p className="muted">Opening the design…</p>;
  const editCopy = () => {
    forgetFragment();
    void workbench.getState().editCopy();
  };
  return (
    <StudioContext.Provider value={studio}>
      <CrashGuard studio={studio} key={studioKey(studio)}>
        {mode === 'edit' ? (
          <App />
        ) : (
          <Presentation
            mode={mode === 'follow' ? 'follow' : 'shared'}
            onEdit={mode === 'follow' ? () => void workbench.getState().editHere() : editCopy}
          />
        )}
      </CrashGuard>
    </StudioContext.Provider>
  );
}
