/**
 * The first paint, run by index.html as an inline script right after its markup (the shell and the
 * sample's graph, see first-paint.html), before any module has loaded: the user's theme and pane
 * sizes, the saved design's graph in place of the sample's, turned and fitted to the pane. Plain
 * DOM, and small: it is inlined in every page load. Where the markup cannot serve (collapsed panes)
 * it empties the root, and main.tsx renders the first paint with React instead. Where a Content
 * Security Policy refuses inline scripts, main.tsx runs it (a moment later, as the first module).
 */
import { firstPaintAtStart, tabDesignId } from '../../store/persistence';
import { loadPreferences, type Splitter } from '../../store/preferences';
import { MINIMAP_KEY, savedToggle } from '../canvas/saved-toggle';
import { browserStorage } from '../shared/browser-storage';
import { applyTheme } from '../shared/theme';
import { fitStillGraph } from './fit';

/** Paints the first frame into `root`, once (the inline script and main.tsx both ask). */
export function paintFirstFrame(root: HTMLElement): void {
  if (root.dataset['painted'] !== undefined) return;
  root.dataset['painted'] = '';
  const storage = browserStorage();
  const preferences = loadPreferences(storage);
  applyTheme(preferences.theme);
  // The markup has every pane open.
  if (preferences.collapsed.length > 0) {
    root.replaceChildren();
    return;
  }
  const workspace = root.querySelector<HTMLElement>('.workspace');
  for (const [splitter, size] of Object.entries(preferences.sizes) as [Splitter, number][])
    workspace?.style.setProperty(`--pane-${splitter}`, `${size}%`);
  const sample = root.querySelector<HTMLElement>('.still-graph');
  if (!sample) return;
  // A shared design is not known yet; a saved one has its own graph, or none to show early.
  const saved = location.hash.startsWith('#design=') ? '' : firstPaintAtStart(storage, tabDesignId());
  if (saved === '') sample.remove();
  else if (saved !== undefined) sample.outerHTML = saved;
  const graph = root.querySelector<HTMLElement>('.still-graph');
  if (graph) fitStillGraph(graph, savedToggle(MINIMAP_KEY, false));
}
