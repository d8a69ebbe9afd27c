import type { DrawnGraph } from '../../store/persistence';
import type { Preferences } from '../../store/preferences';
import { PaneLayout } from '../app/panes/PaneLayout';
import { StillGraph } from './StillGraph';

interface FirstPaintProps {
  drawn: DrawnGraph | undefined;
  /** The saved pane sizes: the shell is laid out as the app will lay it out. */
  preferences: Preferences;
}

/**
 * The app's first frame, painted before the app itself has loaded: the shell's layout and the
 * graph as it was last drawn (or the sample's, on a first visit), still and silent (aria-hidden
 * graph, busy shell). The app replaces it as soon as it has loaded and derived the design, drawing
 * the same graph in the same place. It imports neither the engine nor React Flow, on purpose.
 *
 * index.html carries it as markup, rendered for the sample (see first-paint.html), and an inline
 * script swaps in the saved design's graph: painted before any module has loaded. main.tsx renders
 * it with React only where that markup cannot serve (collapsed panes).
 */
export function FirstPaint({ drawn, preferences }: FirstPaintProps) {
  return (
    <div className="shell" aria-busy="true">
      <header className="shell-header">
        <h1>Egress Studio</h1>
      </header>
      <PaneLayout
        sizes={preferences.sizes}
        collapsed={preferences.collapsed}
        graph={drawn && <StillGraph drawn={drawn} />}
        inspector={
          <p className="muted">
            Select a node in the graph to see the resources behind it, or an edge (its line or its label) to
            see what that hop does.
          </p>
        }
        editor={<p className="muted">Loading the editor…</p>}
        problems={null}
      />
    </div>
  );
}
