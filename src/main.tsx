import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import sample from './templates/sample-payments.yaml?raw';
import { Root } from './ui/app/Root';
import './ui/app/app.css';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled: the app still runs, without autosave
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root storage={browserStorage()} sample={sample} />
  </StrictMode>,
);
