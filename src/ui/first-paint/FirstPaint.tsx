import { useLayoutEffect, useRef, useState } from 'react';

import type { LayoutDirection, NodeKind } from '../../core';
import type { DrawnGraph } from '../../store/persistence';
import type { Preferences } from '../../store/preferences';
import { PaneLayout } from '../app/panes/PaneLayout';
import {
  chooseDirection,
  edgeClassName,
  edgeEnds,
  edgeLine,
  edgePath,
  fitViewport,
  NODE_HEIGHT,
  NODE_WIDTH,
  type Viewport,
} from '../canvas/drawing';
import { NodeCard } from '../canvas/NodeCard';
import { MINIMAP_KEY, savedToggle } from '../canvas/useSavedToggle';

interface FirstPaintProps {
  drawn: DrawnGraph | undefined;
  /** The saved pane sizes: the shell is laid out as the app will lay it out. */
  preferences: Preferences;
  failed?: boolean;
}

/**
 * The app's first frame, painted before the app itself has loaded: the shell's layout and the
 * graph as it was last drawn (or the sample's, on a first visit), still and silent (aria-hidden
 * graph, busy shell). The app replaces it as soon as it has loaded and derived the design, drawing
 * the same graph in the same place. It imports neither the engine nor React Flow, on purpose. If
 * the app cannot load, it says so here.
 */
export function FirstPaint({ drawn, preferences, failed = false }: FirstPaintProps) {
  return (
    <div className="shell" aria-busy={!failed}>
      <header className="shell-header">
        <h1>Egress Studio</h1>
      </header>
      {failed && (
        <div className="banner banner-blocked" role="alert">
          Egress Studio could not load the rest of its code. Check the connection and reload the page; your
          design is saved in this browser.
        </div>
      )}
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

function StillGraph({ drawn }: { drawn: DrawnGraph }) {
  const pane = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<{ viewport: Viewport; direction: LayoutDirection } | undefined>(undefined);
  // Turned and fitted before the browser paints (a layout effect), as the canvas does.
  useLayoutEffect(() => {
    const element = pane.current;
    if (!element) return;
    const [width, height] = [element.clientWidth, element.clientHeight];
    const minimap = savedToggle(MINIMAP_KEY, false);
    const direction =
      drawn.direction ?? chooseDirection(drawn.nodes, () => placed(drawn, 'TB'), width, height, minimap);
    setView({ viewport: fitViewport(placed(drawn, direction), width, height, minimap), direction });
  }, [drawn]);
  const viewport = view?.viewport;
  const direction = view?.direction ?? 'LR';
  const places = placed(drawn, direction);
  const nodes = drawn.nodes.map((node, i) => ({ ...node, ...places[i]! }));
  const at = new Map(nodes.map((n) => [n.id, n]));
  return (
    <div ref={pane} className="still-graph" aria-hidden="true">
      {viewport && (
        <div
          className="still-graph-viewport"
          style={{ transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` }}
        >
          <svg className="egress-edges">
            {drawn.edges.map((edge) => {
              const source = at.get(edge.source);
              const target = at.get(edge.target);
              if (!source || !target) return null;
              const via = direction === 'TB' && !drawn.direction ? edge.downVia : edge.via;
              const path = edgePath(edgeLine(edgeEnds(source, target, direction), via), direction);
              return <path key={edge.id} className={edgeClassName(edge)} d={path} />;
            })}
          </svg>
          {nodes.map((node) => (
            <div
              key={node.id}
              className="still-node"
              style={{
                transform: `translate(${node.x}px, ${node.y}px)`,
                width: NODE_WIDTH,
                height: NODE_HEIGHT,
              }}
            >
              <NodeCard
                kind={node.kind as NodeKind}
                role={node.role}
                label={node.label}
                errors={node.errors}
                warnings={node.warnings}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** Where the nodes sit drawn in `direction`: as saved, or the top-to-bottom layout saved beside it. */
function placed(drawn: DrawnGraph, direction: LayoutDirection): { x: number; y: number }[] {
  return drawn.nodes.map((n) =>
    direction === 'TB' && !drawn.direction && n.down ? n.down : { x: n.x, y: n.y },
  );
}
