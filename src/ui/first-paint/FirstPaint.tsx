import { useLayoutEffect, useRef, useState } from 'react';

import type { NodeKind } from '../../core';
import type { DrawnGraph } from '../../store/persistence';
import type { Preferences } from '../../store/preferences';
import { PaneLayout } from '../app/panes/PaneLayout';
import {
  edgeClassName,
  edgeCurve,
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
            Select a node in the graph to see the resources behind it, or the label of an edge to see what
            that hop does.
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
  const [viewport, setViewport] = useState<Viewport | undefined>(undefined);
  // Fitted before the browser paints (a layout effect), as the canvas fits its view.
  useLayoutEffect(() => {
    const element = pane.current;
    if (element)
      setViewport(
        fitViewport(drawn.nodes, element.clientWidth, element.clientHeight, savedToggle(MINIMAP_KEY, false)),
      );
  }, [drawn]);
  const at = new Map(drawn.nodes.map((n) => [n.id, n]));
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
              const { path } = edgeCurve(
                source.x + NODE_WIDTH,
                source.y + NODE_HEIGHT / 2,
                target.x,
                target.y + NODE_HEIGHT / 2,
              );
              return <path key={edge.id} className={edgeClassName(edge)} d={path} />;
            })}
          </svg>
          {drawn.nodes.map((node) => (
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
