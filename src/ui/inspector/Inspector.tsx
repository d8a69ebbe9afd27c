import { lazy, Suspense, useEffect, useState } from 'react';

import { useStudio, useStudioApi, type View } from '../../store';
import { withDeferredView } from '../shared/deferred-view';

// The forms and an edge's details come in chunks of their own, fetched once the designer is up (so
// the first selection finds them here), not before its first paint.
const loadNode = () => import('./NodeDetails');
const loadEdge = () => import('./EdgeDetails');
const NodeDetails = lazy(() => loadNode().then((m) => ({ default: m.NodeDetails })));
const EdgeDetails = lazy(() => loadEdge().then((m) => ({ default: m.EdgeDetails })));

/** The selected node: the resources it stands for and their problems, each one click from its YAML. */
export const Inspector = withDeferredView(function Inspector({ view }: { view: View }) {
  const selection = useStudio((s) => s.selection);
  const edgeSelection = useStudio((s) => s.edgeSelection);
  const { store } = useStudioApi();
  const deleting = useStudio((s) => s.deleting);
  const { graph, bundle } = view.lastGood;
  const found = graph.nodes.find((n) => n.id === selection);
  // An edit that renames a node (a host typed in its form) keeps its resources: follow them, so the
  // form the user is typing in stays where it is.
  const before = found ? undefined : view.previous?.lastGood.graph.nodes.find((n) => n.id === selection);
  const node =
    found ??
    (before &&
      graph.nodes.find(
        (n) => n.kind === before.kind && n.resources.some((r) => before.resources.includes(r)),
      ));
  useEffect(() => {
    if (node && node.id !== selection) store.getState().select(node.id);
  }, [node, selection, store]);
  useEffect(() => {
    void loadNode();
    void loadEdge();
  }, []);
  // Resources stay listed while the node stays selected, even if an edit (say, of a host) moves
  // them to another node: the form being typed in must not vanish under the cursor.
  const [kept, setKept] = useState<{ selection: string | undefined; refs: string[] }>({
    selection,
    refs: [],
  });
  // A node lists its resources by `Kind/namespace/name`, which is the id of the modelled kinds.
  // (Not read while a large design just landed is being read: kept ones are for edits of one.)
  const keptRefs = kept.selection === selection && !view.reading ? kept.refs : [];
  const existing = keptRefs.length > 0 ? new Set(bundle.resources.map((r) => r.id)) : undefined;
  const refs = [...new Set([...(node?.resources ?? []), ...keptRefs.filter((r) => existing?.has(r))])];
  if (kept.selection !== selection || refs.join('\n') !== kept.refs.join('\n')) setKept({ selection, refs });
  const edge = edgeSelection === undefined ? undefined : graph.edges.find((e) => e.id === edgeSelection);
  // The details list the resources behind it: read between frames for a design just landed.
  if ((edge || node) && view.reading) return <p className="muted">Reading the resources of this design…</p>;
  if (edge) {
    const parallel = graph.edges.filter((e) => e.source === edge.source && e.target === edge.target);
    return (
      <Suspense fallback={null}>
        <EdgeDetails edges={parallel} graph={graph} resources={bundle.resources} />
      </Suspense>
    );
  }
  if (!node) {
    return (
      <p className="muted">
        Select a node in the graph to see the resources behind it, or an edge (its line or its label) to see
        what that hop does.
      </p>
    );
  }
  return (
    <Suspense fallback={null}>
      <NodeDetails node={node} refs={refs} view={view} deleting={deleting} />
    </Suspense>
  );
});
