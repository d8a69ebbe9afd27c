import { ControlButton, Controls } from '@xyflow/react';

import type { LayoutDirection } from '../../core';
import { useStudioApi } from '../../store';
import { useFitView } from './FitView';
import type { EgressFlowNode } from './toFlow';

interface CanvasControlsProps {
  nodes: EgressFlowNode[];
  direction: LayoutDirection;
  minimap: boolean;
  onMinimap: (shown: boolean) => void;
  /** Nothing can be laid out again (a shared design, or text that does not parse). */
  readOnly: boolean;
}

/**
 * The zoom buttons, Fit (the canvas's own fit, readable and clear of the panels), the switch
 * between drawing the path left to right and top to bottom, and the minimap switch, in one row
 * along the pane's top, where the fit leaves room: they never cover a node.
 */
export function CanvasControls({ nodes, direction, minimap, onMinimap, readOnly }: CanvasControlsProps) {
  const fit = useFitView(nodes, minimap, direction);
  const { store } = useStudioApi();
  const other = direction === 'LR' ? 'TB' : 'LR';
  const turn = other === 'TB' ? 'Lay out top to bottom' : 'Lay out left to right';
  return (
    <Controls position="top-right" orientation="horizontal" showInteractive={false} showFitView={false}>
      <ControlButton onClick={fit} title="Fit the graph" aria-label="Fit the graph">
        <svg viewBox="0 0 12 12" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="M1 4V1h3M8 1h3v3M11 8v3H8M4 11H1V8" />
        </svg>
      </ControlButton>
      <ControlButton
        onClick={() => store.getState().setDirection(other)}
        title={turn}
        aria-label={turn}
        disabled={readOnly}
      >
        <svg viewBox="0 0 12 12" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4">
          {other === 'TB' ? <path d="M6 1v9M3 7l3 3 3-3" /> : <path d="M1 6h9M7 3l3 3-3 3" />}
        </svg>
      </ControlButton>
      <ControlButton
        onClick={() => onMinimap(!minimap)}
        title={minimap ? 'Hide the minimap' : 'Show the minimap'}
        aria-label="Minimap"
        aria-pressed={minimap}
      >
        <svg viewBox="0 0 12 12" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.2">
          <rect x="0.5" y="1.5" width="11" height="9" rx="1" />
          <rect x="6" y="6" width="4" height="3" fill="currentColor" />
        </svg>
      </ControlButton>
    </Controls>
  );
}
