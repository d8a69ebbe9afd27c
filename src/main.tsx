import type { Root } from 'react-dom/client';

import './ui/app/app.css';
import { paintFirstFrame } from './ui/first-paint/paint';
import { browserStorage } from './ui/shared/browser-storage';

const storage = browserStorage();
const container = document.getElementById('root')!;
// index.html has painted the first frame already (its markup and inline script, see ui/first-paint);
// here where a Content Security Policy refused that script. Where the markup could not serve the
// user's layout, React paints it first.
paintFirstFrame(container);
const painted: Promise<Root | undefined> = container.hasChildNodes()
  ? Promise.resolve(undefined)
  : import('./ui/first-paint/render').then(({ renderFirstPaint }) => renderFirstPaint(container, storage));
// Then, once that frame is on screen, the app, which draws the same graph in the same place.
void painted.then(
  async (root) => {
    await new Promise<void>((resolve) =>
      afterFirstPaint(container.querySelector('.still-graph') !== null, () => resolve()),
    );
    const app = await import('./ui/app/boot').catch(() => undefined);
    // A lost connection or a deployment that replaced the files: say so instead of freezing.
    if (!app) showLoadFailure(container);
    await app?.boot(container, root, storage);
  },
  () => showLoadFailure(container),
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

/** Says, above the first paint that stays on screen, that the rest of the app could not load. */
function showLoadFailure(container: HTMLElement): void {
  const alert = document.createElement('div');
  alert.className = 'banner banner-blocked';
  alert.setAttribute('role', 'alert');
  alert.textContent =
    'Egress Studio could not load the rest of its code. Check the connection and reload the page; your design is saved in this browser.';
  const shell = container.querySelector('.shell');
  shell?.setAttribute('aria-busy', 'false');
  const header = shell?.querySelector('.shell-header');
  if (header) header.after(alert);
  else container.prepend(alert);
}
