import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  useStore,
  type Edge,
  type EdgeProps,
  type ReactFlowState,
} from '@xyflow/react';
import { memo } from 'react';

import type { GraphEdge } from '../../core';
import { BreakerIcon, RetriesIcon, TimeoutIcon, TlsIcon } from './icons';

/** What an edge component shows: the engine's edge. */
export interface EgressEdgeData extends Record<string, unknown> {
  edge: GraphEdge;
}

export type EgressFlowEdge = Edge<EgressEdgeData, 'egress'>;

// Below this zoom labels are too small to read: they are left out, which also keeps large graphs
// (thousands of edges) fast to draw and to zoom.
const LABEL_ZOOM = 0.55;
const zoomedIn = (s: ReactFlowState) => s.transform[2] >= LABEL_ZOOM;

/** An edge of the egress graph, labelled with protocol:port and icons for TLS, timeout, retries and breaker. */
function EgressEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
}: EdgeProps<EgressFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const detailed = useStore(zoomedIn);
  const edge = data?.edge;
  // The policy node already shows the mode; workload hand-offs need no words.
  const labelled = edge && edge.kind !== 'workload' && edge.kind !== 'policy';
  return (
    <>
      <BaseEdge id={id} path={path} />
      {detailed && labelled && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label edge-label-${edge.kind}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            <EdgeLabel edge={edge} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

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

export const EgressEdge = memo(EgressEdgeView);
