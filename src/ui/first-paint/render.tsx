import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';

import { drawnAtStart } from '../../store/persistence';
import { loadPreferences } from '../../store/preferences';
import sampleDrawn from '../../templates/sample-payments.drawn.json';
import { FirstPaint } from './FirstPaint';

/**
 * Renders the first paint with React, where index.html's markup cannot serve (its panes are all
 * open; the user collapsed one): the same component, laid out with the user's preferences. The
 * app then renders into the same root.
 */
export function renderFirstPaint(container: HTMLElement, storage: Storage | undefined): Root {
  const drawn = location.hash.startsWith('#design=') ? undefined : drawnAtStart(storage, sampleDrawn);
  // At once: main.tsx then waits for this frame to be painted before it loads the app.
  const root = createRoot(container);
  flushSync(() => root.render(<FirstPaint drawn={drawn} preferences={loadPreferences(storage)} />));
  return root;
}
