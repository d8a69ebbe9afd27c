import { useEffect, useState } from 'react';

import {
  createStudio,
  PreferencesContext,
  StudioContext,
  type PreferencesStore,
  type Studio,
} from '../../store';
import { stillGraphMarkup } from '../first-paint/markup';
import { applyTheme } from '../shared/theme';
import { App } from './App';
import { Presentation } from './Presentation';

interface RootProps {
  storage: Storage | undefined;
  sample: string;
  preferences: PreferencesStore;
}

const SHARED = '#design=';

/**
 * Opens the app: the user's own design, or — when the URL carries a shared design — that design
 * presented read-only until the user chooses to edit a copy of it. (The link reader loads only for
 * such URLs: everyone else's first graph does not wait for it.) A link pasted into a tab already
 * open on the app opens the same way.
 */
export function Root({ storage, sample, preferences }: RootProps) {
  // The theme the user chooses applies at once, to the whole page.
  useEffect(() => preferences.subscribe((p) => applyTheme(p.theme)), [preferences]);
  const [studio, setStudio] = useState<Studio | undefined>(() =>
    location.hash.startsWith(SHARED)
      ? undefined
      : createStudio({ storage, sample, drawStill: stillGraphMarkup }),
  );
  useEffect(() => {
    if (studio) return;
    let live = true;
    void import('../../store/share').then(({ readShareFragment }) => {
      if (!live) return;
      const shared = readShareFragment(location.hash);
      if (shared.kind === 'design') {
        setStudio(createStudio({ sample, design: shared.design, readOnly: true }));
        return;
      }
      const own = createStudio({ storage, sample, drawStill: stillGraphMarkup });
      if (shared.kind === 'unreadable')
        own.store
          .getState()
          .notify(`The shared link could not be opened (${shared.reason}); your own design is shown.`);
      forgetFragment();
      setStudio(own);
    });
    return () => {
      live = false;
    };
  }, [studio, storage, sample]);
  // A share link pasted into the address bar of this tab changes only the fragment: the page does
  // not reload, so open it here as a fresh load would (read-only, "Edit a copy").
  useEffect(() => {
    if (!studio) return;
    const open = () => {
      if (!location.hash.startsWith(SHARED)) return;
      studio.flush();
      studio.dispose();
      setStudio(undefined);
    };
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [studio]);
  // Save what was typed in the last moments before the page goes away.
  useEffect(() => {
    if (!studio) return;
    const flush = () => studio.flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [studio]);

  if (!studio) return <p className="muted">Opening the shared design…</p>;
  const editCopy = () => {
    const shared = studio.store.getState();
    const own = createStudio({ storage, sample, drawStill: stillGraphMarkup });
    // The user's previous design stays one Undo away.
    own.store
      .getState()
      .openDesign(
        shared.text,
        'import',
        { positions: shared.positions, direction: shared.direction },
        shared.istioVersion,
      );
    studio.dispose();
    forgetFragment();
    setStudio(own);
  };
  return (
    <PreferencesContext.Provider value={preferences}>
      <StudioContext.Provider value={studio}>
        {studio.store.getState().readOnly ? <Presentation onEditCopy={editCopy} /> : <App />}
      </StudioContext.Provider>
    </PreferencesContext.Provider>
  );
}

/** Drops the shared design from the address, so a reload opens the user's own design. */
function forgetFragment(): void {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}
