import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

import type { DrawnGraph } from '../../store/persistence';
import { StillGraph } from './StillGraph';

/**
 * The HTML React renders for `element`, with the React DOM the app already loads (no server
 * renderer): rendered at once into a detached element, read, and unmounted.
 */
export function renderMarkup(element: ReactElement): string {
  const container = document.createElement('div');
  const root = createRoot(container);
  flushSync(() => root.render(element));
  const html = container.innerHTML;
  root.unmount();
  return html;
}

/** The still graph of `drawn` as markup, saved with the design for the next visit's first paint. */
export function stillGraphMarkup(drawn: DrawnGraph): string {
  return renderMarkup(<StillGraph drawn={drawn} />);
}
