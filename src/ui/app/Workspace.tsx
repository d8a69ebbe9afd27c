import { lazy, Suspense, useCallback, useState } from 'react';

import { Canvas } from '../canvas/Canvas';
import { Inspector } from '../inspector/Inspector';
import { Problems } from '../panels/Problems';

// Monaco is large: it starts loading only once the graph is on screen (DESIGN.md §4).
const YamlEditor = lazy(() => import('../editor/YamlEditor'));

/**
 * The regions of a design: graph, inspector (left out when the design is only presented), YAML
 * editor and problems.
 */
export function Workspace({ inspector }: { inspector: boolean }) {
  const [graphShown, setGraphShown] = useState(false);
  const onGraphShown = useCallback(() => setGraphShown(true), []);
  return (
    <main className={inspector ? 'workspace' : 'workspace workspace-presentation'}>
      <section aria-label="Egress graph" className="panel panel-graph">
        <Canvas onShown={graphShown ? undefined : onGraphShown} />
      </section>
      {inspector && (
        <section aria-label="Inspector" className="panel panel-inspector">
          <h2>Inspector</h2>
          <Inspector />
        </section>
      )}
      <section aria-label="YAML editor" className="panel panel-editor">
        <Suspense fallback={<EditorLoading />}>{graphShown ? <YamlEditor /> : <EditorLoading />}</Suspense>
      </section>
      <section aria-label="Problems" className="panel panel-problems">
        <h2>Problems</h2>
        <Problems />
      </section>
    </main>
  );
}

function EditorLoading() {
  return <p className="muted">Loading the editor…</p>;
}
