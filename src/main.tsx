import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { drawnAtStart } from './store/persistence';
import { loadPreferences } from './store/preferences';
import sampleDrawn from './templates/sample-payments.drawn.json';
import sample from './templates/sample-payments.yaml?raw';
import { FirstPaint } from './ui/first-paint/FirstPaint';
import { applyTheme } from './ui/shared/theme';
import './ui/app/app.css';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled: the app still runs, without autosave
  }
}

const storage = browserStorage();
// The user's theme and pane sizes, before anything is painted: the first frame is laid out as the app.
const preferences = loadPreferences(storage);
applyTheme(preferences.theme);
const root = createRoot(document.getElementById('root')!);
// First the graph as it was last drawn (the engine, React Flow and the rest are still loading)...
const drawn = location.hash.startsWith('#design=') ? undefined : drawnAtStart(storage, sampleDrawn);
root.render(
  <StrictMode>
    <FirstPaint drawn={drawn} preferences={preferences} />
  </StrictMode>,
);
// ...then, once that frame is on screen, the app, which draws the same graph in the same place.
afterFirstPaint(drawn !== undefined, () =>
  import('./ui/app/boot').then(
    ({ boot }) => boot(root, storage, sample),
    // A lost connection or a deployment that replaced the files: say so instead of freezing.
    () =>
      root.render(
        <StrictMode>
          <FirstPaint drawn={drawn} preferences={preferences} failed />
        </StrictMode>,
      ),
  ),
);

/**
 * Runs `start` once the first paint is on screen: when the browser reports the graph's text painted
 * (Element Timing), or after the next frame where it cannot tell (no graph, or no Element Timing).
 * Starting earlier would make the browser compile and run the app before it paints at all.
 */
function afterFirstPaint(graph: boolean, start: () => unknown): void {
  let started = false;
  let observer: PerformanceObserver | undefined;
  const go = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    start();
  };
  if (graph && PerformanceObserver.supportedEntryTypes.includes('element')) {
    observer = new PerformanceObserver(go);
    observer.observe({ type: 'element', buffered: true });
    // Should the report never come (a hidden tab paints nothing), the app starts anyway.
    setTimeout(go, 1000);
  } else {
    requestAnimationFrame(() => setTimeout(go));
  }
}
