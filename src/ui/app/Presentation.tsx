import { useCallback, useState } from 'react';

import { useViewValue } from '../../store';
import { Canvas } from '../canvas/Canvas';
import { Problems } from '../panels/Problems';
import { EditorPane } from './EditorPane';

/**
 * A shared design, presented read-only: its graph, its YAML and its problems. "Edit a copy" makes
 * it the user's own design (their previous one stays one Undo away).
 */
export function Presentation({ onEditCopy }: { onEditCopy: () => void }) {
  const [graphShown, setGraphShown] = useState(false);
  const onGraphShown = useCallback(() => setGraphShown(true), []);
  const resources = useViewValue((v) => v.current.bundle.resources.length);
  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Egress Studio</h1>
        <p className="presentation-note">
          A shared design ({resources} {resources === 1 ? 'resource' : 'resources'}), read-only.
        </p>
        <div className="toolbar" role="toolbar" aria-label="Shared design">
          <button type="button" className="button-primary" onClick={onEditCopy}>
            Edit a copy
          </button>
        </div>
      </header>
      <main className="workspace workspace-presentation">
        <section aria-label="Egress graph" className="panel panel-graph">
          <Canvas onShown={graphShown ? undefined : onGraphShown} />
        </section>
        <EditorPane ready={graphShown} />
        <section aria-label="Problems" className="panel panel-problems">
          <h2>Problems</h2>
          <Problems />
        </section>
      </main>
    </div>
  );
}
