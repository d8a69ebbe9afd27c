import { StrictMode } from 'react';
import type { Root as ReactRoot } from 'react-dom/client';

import { createPreferences } from '../../store';
import { Root } from './Root';

/** Starts the app in place of the first paint (main.tsx loads this once that frame is painted). */
export function boot(root: ReactRoot, storage: Storage | undefined, sample: string): void {
  const preferences = createPreferences(storage);
  root.render(
    <StrictMode>
      <Root storage={storage} sample={sample} preferences={preferences} />
    </StrictMode>,
  );
}
