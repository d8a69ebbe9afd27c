import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { createStudio, StudioContext } from './store';
import sample from './templates/sample-payments.yaml?raw';
import { App } from './ui/app/App';
import './ui/app/app.css';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled: the app still runs, without autosave
  }
}

const studio = createStudio({ storage: browserStorage(), sample });
// Save what was typed in the last moments before the page goes away.
window.addEventListener('pagehide', () => studio.flush());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StudioContext.Provider value={studio}>
      <App />
    </StudioContext.Provider>
  </StrictMode>,
);
