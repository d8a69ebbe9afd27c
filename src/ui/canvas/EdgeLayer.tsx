import { EdgeLabelRenderer, useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';

import type { GraphEdge } from '../../core';
import { BreakerIcon, RetriesIcon, TimeoutIcon, TlsIcon } from './icons';
import { edgeCurve, NODE_HEIGHT, NODE_WIDTH } from './drawing';
import type { EgressFlowEdge, EgressFlowNode } from './toFlow';

// Below this zoom labels are too small to read: they are left out, which also keeps large graphs
// fast to draw and to zoom.
const LABEL_ZOOM = 0.55;
const zoomedIn = (s: ReactFlowState) => s.transform[2] >= LABEL_ZOOM;

/**
 * Every edge of the graph in one SVG, in the viewport's coordinates. React Flow draws each edge as
 * its own SVG element, and the browser composites each separately: with thousands of edges that
 * cost tens of milliseconds a frame, for any change anywhere on the page. Edges here are not
 * interactive (the graph is edited through its nodes), so one layer draws them all.
 */
export function EdgeLayer({ nodes, edges }: { nodes: EgressFlowNode[]; edges: EgressFlowEdge[] }) {
  const detailed = useStore(zoomedIn);
  const at = new Map(nodes.map((n) => [n.id, n.position]));
  // Each edge from its source's right handle to its target's left one (nodes have one size).
  const drawn = edges.flatMap((edge): Ends[] => {
    const source = at.get(edge.source);
    const target = at.get(edge.target);
    if (!source || !target) return [];
    const [sx, sy] = [source.x + NODE_WIDTH, source.y + NODE_HEIGHT / 2];
    return [{ edge, sx, sy, tx: target.x, ty: target.y + NODE_HEIGHT / 2 }];
  });
  return (
    <>
      <ViewportPortal>
        <svg className="egress-edges" aria-hidden="true">
          {drawn.map((ends) => (
            <EdgePath key={ends.edge.id} {...ends} />
          ))}
        </svg>
      </ViewportPortal>
      {detailed && (
        <EdgeLabelRenderer>
          {drawn.map((ends) => (
            <EdgeLabelAt key={ends.edge.id} {...ends} />
          ))}
        </EdgeLabelRenderer>
      )}
    </>
  );
}

interface Ends {
  edge: EgressFlowEdge;
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}

function bezier({ sx, sy, tx, ty }: Omit<Ends, 'edge'>): [string, number, number] {
  const { path, x, y } = edgeCurve(sx, sy, tx, ty);
  return [path, x, y];
}

// Memoised per edge: moving one node redraws only the edges that touch it.
const EdgePath = memo(function EdgePath({ edge, ...ends }: Ends) {
  const [path] = bezier(ends);
  return <path className={edge.className} d={path} />;
});

const EdgeLabelAt = memo(function EdgeLabelAt({ edge, ...ends }: Ends) {
  const graphEdge = edge.data!.edge;
  // The policy node already shows the mode; workload hand-offs need no words.
  if (graphEdge.kind === 'workload' || graphEdge.kind === 'policy') return null;
  const [, x, y] = bezier(ends);
  return (
    <div
      className={`edge-label edge-label-${graphEdge.kind}`}
      style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
    >
      <EdgeLabel edge={graphEdge} />
    </div>
  );
});

/** protocol:port and icons for TLS, timeout, retries and breaker; blocked and unmanaged traffic in words. */
function EdgeLabel({ edge }: { edge: GraphEdge }) {
  if (edge.kind === 'blocked' || edge.kind === 'passthrough') return <span>{edge.label}</span>;
  const head = edge.protocol
    ? `${edge.protocol}${edge.port !== undefined ? `:${edge.port}` : ''}`
    : edge.label;
  return (
    <>
      <span>{head}</span>
      <TlsIcon tls={edge.tls} />
      {edge.timeout && (
        <>
          <TimeoutIcon timeout={edge.timeout} />
          <span>{edge.timeout}</span>
        </>
      )}
      {edge.retries ? (
        <>
          <RetriesIcon retries={edge.retries} />
          <span>{edge.retries}</span>
        </>
      ) : null}
      {edge.circuitBreaker && <BreakerIcon />}
    </>
  );
}
