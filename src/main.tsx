import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { drawnAtStart } from './store/persistence';
import sampleDrawn from './templates/sample-payments.drawn.json';
import sample from './templates/sample-payments.yaml?raw';
import { FirstPaint } from './ui/first-paint/FirstPaint';
import './ui/app/app.css';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled: the app still runs, without autosave
  }
}

const storage = browserStorage();
const root = createRoot(document.getElementById('root')!);
// First the graph as it was last drawn (the engine, React Flow and the rest are still loading)...
const shared = location.hash.startsWith('#design=');
root.render(
  <StrictMode>
    <FirstPaint drawn={shared ? undefined : drawnAtStart(storage, sampleDrawn)} />
  </StrictMode>,
);
// ...then, once that frame is on screen, the app, which draws the same graph in the same place.
requestAnimationFrame(() =>
  setTimeout(() => void import('./ui/app/boot').then(({ boot }) => boot(root, storage, sample))),
);
