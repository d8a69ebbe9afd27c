import { StrictMode } from 'react';
import { createRoot, type Root as ReactRoot } from 'react-dom/client';

import { createPreferences, createWorkbench } from '../../store';
import { openLibrary } from '../../store/library';
import { openTabChannel } from '../../store/tabs';
import sample from '../../templates/sample-payments.yaml?raw';
import { stillGraphMarkup } from '../first-paint/markup';
import { Root } from './Root';

const SHARED = '#design=';

/**
 * Starts the app in place of the first paint (main.tsx loads this once that frame is painted): in
 * the root React painted it into, or in a new one over index.html's markup. The first paint stays
 * on screen until the design is read from the library and its studio is ready.
 */
export async function boot(
  container: HTMLElement,
  root: ReactRoot | undefined,
  storage: Storage | undefined,
): Promise<void> {
  const preferences = createPreferences(storage);
  const { library, refused } = await openLibrary();
  const workbench = createWorkbench({
    library,
    refused,
    storage,
    channel: openTabChannel(),
    sample,
    drawStill: stillGraphMarkup,
  });
  await openFromAddress(workbench);
  (root ?? createRoot(container)).render(
    <StrictMode>
      <Root workbench={workbench} preferences={preferences} />
    </StrictMode>,
  );
}

/**
 * Opens what the address asks for: a shared design (read-only until the user edits a copy; the
 * link reader loads only for such addresses), else the design this tab or browser had open.
 */
export async function openFromAddress(workbench: ReturnType<typeof createWorkbench>): Promise<void> {
  if (!location.hash.startsWith(SHARED)) return workbench.start();
  const { readShareFragment } = await import('../../store/share');
  const shared = readShareFragment(location.hash);
  if (shared.kind === 'design') return workbench.getState().present(shared.design);
  forgetFragment();
  await workbench.start();
  if (shared.kind === 'unreadable')
    workbench
      .getState()
      .studio?.store.getState()
      .notify(`The shared link could not be opened (${shared.reason}); your own design is shown.`);
}

/** Drops the shared design from the address, so a reload opens the user's own design. */
export function forgetFragment(): void {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}
