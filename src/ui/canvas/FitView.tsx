import { useReactFlow, useStore } from '@xyflow/react';
import { useCallback, useLayoutEffect, useRef } from 'react';

import type { LayoutDirection } from '../../core';
import { useStudio, useStudioApi } from '../../store';
import { fitViewport } from './drawing';
import type { EgressFlowNode } from './toFlow';

/**
 * Fits the graph into the pane (see `fitViewport`): once the pane has a size, and again when a
 * design is opened or merged in, a form adds a node, a group of a large graph opens or closes, or
 * the graph turns to the other direction;
 * typing and undo never move the view. Returns the fit itself, for the Fit button. Must be used
 * inside React Flow.
 */
export function useFitView(
  nodes: EgressFlowNode[],
  minimap: boolean,
  direction: LayoutDirection,
): () => void {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const { setViewport } = useReactFlow();
  const { store } = useStudioApi();
  const fit = useCallback(() => {
    void setViewport(
      fitViewport(
        nodes.map((n) => n.position),
        width,
        height,
        minimap,
      ),
    );
  }, [nodes, width, height, minimap, setViewport]);
  const expanded = useStudio((s) => s.expanded);
  const fitted = useRef<
    | { ids: Set<string>; minimap: boolean; direction: LayoutDirection; expanded: readonly string[] }
    | undefined
  >(undefined);
  // Before the browser paints, so the first frame drawn is the fitted one.
  useLayoutEffect(() => {
    if (width === 0 || height === 0) return;
    const ids = new Set(nodes.map((n) => n.id));
    const last = fitted.current;
    if (last === undefined || last.minimap !== minimap || last.direction !== direction) {
      fitted.current = { ids, minimap, direction, expanded };
      return fit();
    }
    if (![...ids].some((id) => !last.ids.has(id))) {
      // The open groups are those of the nodes drawn: for a large design, the graph for newly
      // opened groups lands later (derived off the main thread), and is fitted then.
      fitted.current = { ...last, ids };
      return;
    }
    fitted.current = { ids, minimap, direction, expanded };
    if (last.expanded !== expanded) return fit();
    const origin = store.getState().origin;
    if (origin === 'template' || origin === 'import' || (origin === 'form' && ids.size > last.ids.size))
      fit();
  }, [nodes, width, height, minimap, direction, expanded, fit, store]);
  return fit;
}
