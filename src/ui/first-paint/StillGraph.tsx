import { useLayoutEffect, useRef, type CSSProperties } from 'react';

import type { LayoutDirection, NodeKind } from '../../core';
import type { DrawnGraph } from '../../store/persistence';
import { edgeClassName, edgeEnds, edgeLine, edgePath, NODE_HEIGHT, NODE_WIDTH } from '../canvas/drawing';
import { NodeCard } from '../canvas/NodeCard';
import { MINIMAP_KEY, savedToggle } from '../canvas/saved-toggle';
import { fitStillGraph, layoutCorners } from './fit';

type Point = { x: number; y: number };

interface Layout {
  direction: LayoutDirection;
  at: Point[];
  bends: (edge: DrawnGraph['edges'][number]) => Point[] | undefined;
}

/**
 * The graph as last drawn, still and silent (aria-hidden), for the first paint. It is drawn in
 * every layout it may be shown in (left to right and top to bottom, unless the user chose one), so
 * the same markup serves any window: `fitStillGraph` turns it the way that fits the pane and fits
 * it, before it is painted. The markup is saved with the design (see `stillGraphMarkup`), so the
 * next visit paints it before any code has loaded.
 */
export function StillGraph({ drawn }: { drawn: DrawnGraph }) {
  const graph = useRef<HTMLDivElement>(null);
  // Before the browser paints (a layout effect), as the canvas fits.
  useLayoutEffect(() => {
    if (graph.current) fitStillGraph(graph.current, savedToggle(MINIMAP_KEY, false));
  }, [drawn]);
  const layouts = stillLayouts(drawn);
  const byId = new Map(drawn.nodes.map((node, i) => [node.id, i]));
  const corners = (direction: LayoutDirection) =>
    layoutCorners(layouts.find((l) => l.direction === direction)?.at ?? []);
  return (
    <div
      ref={graph}
      className="still-graph"
      aria-hidden="true"
      data-lr={corners('LR')}
      data-tb={corners('TB')}
    >
      <div className="still-graph-viewport">
        <svg className="egress-edges">
          {layouts.map(({ direction, at, bends }) => (
            <g key={direction} className={`still-edges still-edges-${direction}`}>
              {drawn.edges.map((edge) => {
                const [source, target] = [byId.get(edge.source), byId.get(edge.target)];
                if (source === undefined || target === undefined) return null;
                const ends = edgeEnds(at[source]!, at[target]!, direction);
                const path = edgePath(edgeLine(ends, bends(edge)), direction);
                return <path key={edge.id} className={edgeClassName(edge)} d={path} />;
              })}
            </g>
          ))}
        </svg>
        {drawn.nodes.map((node, i) => {
          // Each layout's place as a custom property: CSS moves the node to the one shown.
          const style: Record<string, string | number> = { width: NODE_WIDTH, height: NODE_HEIGHT };
          for (const { direction, at } of layouts)
            style[`--at-${direction.toLowerCase()}`] = `translate(${at[i]!.x}px, ${at[i]!.y}px)`;
          return (
            <div key={node.id} className="still-node" style={style as CSSProperties}>
              <NodeCard
                kind={node.kind as NodeKind}
                role={node.role}
                label={node.label}
                errors={node.errors}
                warnings={node.warnings}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * The layouts the graph may be shown in: the one the user chose, or left to right and (when the
 * app saved it beside) top to bottom.
 */
function stillLayouts(drawn: DrawnGraph): Layout[] {
  const saved: Layout = {
    direction: drawn.direction ?? 'LR',
    at: drawn.nodes.map((n) => ({ x: n.x, y: n.y })),
    bends: (edge) => edge.via,
  };
  if (drawn.direction || !drawn.nodes.every((n) => n.down)) return [saved];
  const topDown: Layout = { direction: 'TB', at: drawn.nodes.map((n) => n.down!), bends: (e) => e.downVia };
  return [saved, topDown];
}
