import { lazy, Suspense, useCallback, useState } from 'react';

import { usePreferences, usePreferencesApi } from '../../store';
import { Canvas } from '../canvas/Canvas';
import { Inspector } from '../inspector/Inspector';
import { Problems } from '../panels/Problems';
import { EmptyDesignHint } from './EmptyDesignHint';
import { LessonPanel } from './LessonPanel';
import { PaneLayout } from './panes/PaneLayout';

// Monaco is large: it starts loading only once the graph is on screen (DESIGN.md §4).
const YamlEditor = lazy(() => import('../editor/YamlEditor'));

/**
 * The regions of a design: graph, inspector (left out when the design is only presented), YAML
 * editor and problems, in panes the user sizes and collapses.
 */
export function Workspace({ inspector }: { inspector: boolean }) {
  const [graphShown, setGraphShown] = useState(false);
  const onGraphShown = useCallback(() => setGraphShown(true), []);
  const preferences = usePreferencesApi();
  const sizes = usePreferences((p) => p.sizes);
  const collapsed = usePreferences((p) => p.collapsed);
  const { resize, setCollapsed } = preferences.getState();
  return (
    <PaneLayout
      sizes={sizes}
      collapsed={collapsed}
      onResize={resize}
      onCollapse={setCollapsed}
      graph={
        <>
          <Canvas onShown={graphShown ? undefined : onGraphShown} />
          {inspector && <EmptyDesignHint />}
        </>
      }
      aside={inspector ? <LessonPanel /> : undefined}
      inspector={inspector ? <Inspector /> : undefined}
      editor={
        <Suspense fallback={<EditorLoading />}>{graphShown ? <YamlEditor /> : <EditorLoading />}</Suspense>
      }
      problems={<Problems />}
    />
  );
}

function EditorLoading() {
  return <p className="muted">Loading the editor…</p>;
}
