import { lazy, Suspense } from 'react';

// Monaco is large: it starts loading only once the graph is on screen (DESIGN.md §4).
const YamlEditor = lazy(() => import('../editor/YamlEditor'));

/** The YAML editor's region: the editor once `ready` (the graph is on screen), a note until then. */
export function EditorPane({ ready }: { ready: boolean }) {
  return (
    <section aria-label="YAML editor" className="panel panel-editor">
      <Suspense fallback={<EditorLoading />}>{ready ? <YamlEditor /> : <EditorLoading />}</Suspense>
    </section>
  );
}

function EditorLoading() {
  return <p className="muted">Loading the editor…</p>;
}
