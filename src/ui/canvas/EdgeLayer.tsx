import { EdgeLabelRenderer, useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { Fragment, memo, useMemo } from 'react';

import type { Box, GraphEdge, LayoutDirection } from '../../core';
import { edgeEnds, edgeLine, edgePath } from './drawing';
import { labelHead, placeEdgeLabels, type EdgeBundle } from './edge-labels';
import { BreakerIcon, RetriesIcon, TimeoutIcon, TlsIcon } from './icons';
import { describeEdge } from './roles';
import type { EgressFlowEdge, EgressFlowNode } from './toFlow';

// Below this zoom labels are too small to read: they are left out, which also keeps large graphs
// fast to draw and to zoom.
const LABEL_ZOOM = 0.55;
const zoomedIn = (s: ReactFlowState) => s.transform[2] >= LABEL_ZOOM;

/**
 * Every edge of the graph in one SVG, in the viewport's coordinates. React Flow draws each edge as
 * its own SVG element, and the browser composites each separately: with thousands of edges that
 * cost tens of milliseconds a frame, for any change anywhere on the page. Each bundle of parallel
 * edges has one label (see edge-labels.ts), a button that selects the hop, so its details open in
 * the inspector; a click on a curve selects its edge too, which is how the unlabelled ones (the
 * hand-off to the sidecar, the policy's gate) are selected.
 */
export function EdgeLayer({
  nodes,
  edges,
  direction,
  bends,
  selected,
  onSelect,
}: {
  nodes: EgressFlowNode[];
  edges: EgressFlowEdge[];
  direction: LayoutDirection;
  /** Whether nodes are where the layout put them, so edges take the bends it gave them. */
  bends: boolean;
  /** The selected edge's id. */
  selected: string | undefined;
  onSelect: (edgeId: string) => void;
}) {
  const detailed = useStore(zoomedIn);
  const at = useMemo(() => new Map(nodes.map((n) => [n.id, n.position])), [nodes]);
  // Each edge from its source's outgoing side to its target's incoming one (nodes have one size).
  const drawn = edges.flatMap((edge): Ends[] => {
    const source = at.get(edge.source);
    const target = at.get(edge.target);
    if (!source || !target) return [];
    const { sx, sy, tx, ty } = edgeEnds(source, target, direction);
    // Numbers and the edge's own bends (the same array while the layout stands): the memo holds.
    return [{ edge, direction, sx, sy, tx, ty, via: bends ? edge.data.edge.via : undefined }];
  });
  const bundles = useMemo(
    () =>
      detailed
        ? placeEdgeLabels(
            edges.map((e) => e.data.edge),
            at,
            direction,
            bends,
          )
        : [],
    [detailed, edges, at, direction, bends],
  );
  // A bundle is selected when any of its edges is.
  const selectedBundle = bundles.find((b) => b.edges.some((e) => e.id === selected))?.id;
  return (
    <>
      <ViewportPortal>
        <svg className="egress-edges" aria-hidden="true">
          {drawn.map((ends) => (
            <EdgePath
              key={ends.edge.id}
              {...ends}
              selected={ends.edge.id === selected}
              onSelect={detailed ? onSelect : undefined}
            />
          ))}
        </svg>
      </ViewportPortal>
      {detailed && (
        <EdgeLabelRenderer>
          {bundles.map((bundle) =>
            bundle.box ? (
              <EdgeLabelButton
                key={bundle.id}
                bundle={bundle}
                box={bundle.box}
                selected={bundle.id === selectedBundle}
                onSelect={onSelect}
              />
            ) : null,
          )}
        </EdgeLabelRenderer>
      )}
    </>
  );
}

interface Ends {
  edge: EgressFlowEdge;
  direction: LayoutDirection;
  sx: number;
  sy: number;
  tx: number;
  ty: number;
  /** The bends the layout gave it, while the nodes are where it put them. */
  via: { x: number; y: number }[] | undefined;
}

// Memoised per edge: moving one node redraws only the edges that touch it.
const EdgePath = memo(function EdgePath({
  edge,
  selected,
  onSelect,
  ...ends
}: Ends & { selected: boolean; onSelect: ((edgeId: string) => void) | undefined }) {
  const path = edgePath(edgeLine(ends, ends.via), ends.direction);
  return (
    <>
      <path className={`${edge.className}${selected ? ' edge-selected' : ''}`} d={path} />
      {/* A wider, invisible stroke: a curve 1.5 px wide is too thin to hit. */}
      {onSelect && (
        <path
          className="edge-hit"
          d={path}
          data-edge={edge.id}
          onClick={(event) => {
            event.stopPropagation();
            onSelect(edge.id);
          }}
        />
      )}
    </>
  );
});

interface LabelProps {
  bundle: EdgeBundle;
  box: Box;
  selected: boolean;
  onSelect: (edgeId: string) => void;
}

const EdgeLabelButton = memo(function EdgeLabelButton({ bundle, box, selected, onSelect }: LabelProps) {
  const kind = bundle.edges[0]!.kind;
  const words = bundle.edges.map(describeEdge).join('; ');
  return (
    <button
      type="button"
      className={`edge-label edge-label-${kind}${selected ? ' selected' : ''}`}
      style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height }}
      title={words}
      aria-pressed={selected}
      onClick={() => onSelect(bundle.id)}
    >
      {bundle.edges.map((edge, i) => (
        <Fragment key={edge.id}>
          {i > 0 && <span className="edge-label-separator" aria-hidden="true" />}
          <EdgeLabel edge={edge} />
        </Fragment>
      ))}
      {/* The name reads what is shown, then the hop in words (the icons are pictures). */}
      <span className="visually-hidden"> — hop {words}</span>
    </button>
  );
});

/** protocol:port and icons for TLS, timeout, retries and breaker; blocked and unmanaged traffic in words. */
function EdgeLabel({ edge }: { edge: GraphEdge }) {
  const head = labelHead(edge);
  if (edge.kind === 'blocked' || edge.kind === 'passthrough') return <span>{head}</span>;
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
