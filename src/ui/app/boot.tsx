import { StrictMode } from 'react';
import { createRoot, type Root as ReactRoot } from 'react-dom/client';

import { createPreferences } from '../../store';
import sample from '../../templates/sample-payments.yaml?raw';
import { Root } from './Root';

/**
 * Starts the app in place of the first paint (main.tsx loads this once that frame is painted): in
 * the root React painted it into, or in a new one over index.html's markup.
 */
export function boot(
  container: HTMLElement,
  root: ReactRoot | undefined,
  storage: Storage | undefined,
): void {
  const preferences = createPreferences(storage);
  (root ?? createRoot(container)).render(
    <StrictMode>
      <Root storage={storage} sample={sample} preferences={preferences} />
    </StrictMode>,
  );
}
