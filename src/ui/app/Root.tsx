import { useEffect, useState } from 'react';

import { createStudio, StudioContext, type Studio } from '../../store';
import { readShareFragment } from '../../store/share';
import { App } from './App';
import { Presentation } from './Presentation';

interface RootProps {
  storage: Storage | undefined;
  sample: string;
}

/**
 * Opens the app: the user's own design, or — when the URL carries a shared design — that design
 * presented read-only until the user chooses to edit a copy of it.
 */
export function Root({ storage, sample }: RootProps) {
  const [opened] = useState(() => open(storage, sample));
  const [studio, setStudio] = useState<Studio>(opened.studio);
  const presenting = studio.store.getState().readOnly;
  // Save what was typed in the last moments before the page goes away.
  useEffect(() => {
    const flush = () => studio.flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [studio]);
  const editCopy = () => {
    const shared = studio.store.getState();
    const own = ownStudio(storage, sample);
    // The user's previous design stays one Undo away.
    own.store.getState().openDesign(shared.text, 'import', shared.positions);
    studio.dispose();
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    setStudio(own);
  };
  return (
    <StudioContext.Provider value={studio}>
      {presenting ? <Presentation onEditCopy={editCopy} /> : <App />}
    </StudioContext.Provider>
  );
}

function open(storage: Storage | undefined, sample: string): { studio: Studio } {
  const shared = readShareFragment(location.hash);
  if (shared.kind === 'design')
    return { studio: createStudio({ sample, design: shared.design, readOnly: true }) };
  const studio = ownStudio(storage, sample);
  if (shared.kind === 'unreadable') {
    studio.store
      .getState()
      .notify(`The shared link could not be opened (${shared.reason}); your own design is shown.`);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  }
  return { studio };
}

/** The user's own studio: the saved design (or the sample), autosaved. */
function ownStudio(storage: Storage | undefined, sample: string): Studio {
  return createStudio({ storage, sample });
}
