import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

import { SPLITTERS, type Splitter as SplitterId } from '../../../store/preferences';

/** A step of the arrow keys, and with Shift, in percent. */
const STEP = 2;
const BIG_STEP = 10;

const LABELS: Record<SplitterId, string> = {
  main: 'Width of the graph',
  graph: 'Height of the graph',
  inspector: 'Height of the inspector',
};

interface SplitterProps {
  id: SplitterId;
  /** The share of the pane before it (left or above), in percent. */
  value: number;
  /** Moves it; absent in the first paint, which only shows where it stands. */
  onResize?: ((id: SplitterId, percent: number) => void) | undefined;
}

/**
 * A bar between two panes (WAI-ARIA window splitter): dragged with the pointer, or moved with the
 * arrow keys (Shift: further), Home and End. A vertical bar sits between side-by-side panes.
 */
export function Splitter({ id, value, onResize }: SplitterProps) {
  const bar = useRef<HTMLDivElement>(null);
  const vertical = id === 'main';
  const { min, max } = SPLITTERS[id];

  const onKeyDown = (event: KeyboardEvent) => {
    if (!onResize) return;
    const step = event.shiftKey ? BIG_STEP : STEP;
    // Either pair of arrows: toward the start (left, up) or the end (right, down).
    const moves: Record<string, number> = {
      ArrowLeft: value - step,
      ArrowUp: value - step,
      ArrowRight: value + step,
      ArrowDown: value + step,
      Home: min,
      End: max,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onResize(id, next);
  };
  const onPointerDown = (event: PointerEvent) => {
    const parent = bar.current?.parentElement;
    if (!onResize || !parent || event.button !== 0) return;
    event.preventDefault();
    bar.current!.focus();
    bar.current!.setPointerCapture(event.pointerId);
    const box = parent.getBoundingClientRect();
    const move = (e: globalThis.PointerEvent) =>
      onResize(
        id,
        vertical ? ((e.clientX - box.left) / box.width) * 100 : ((e.clientY - box.top) / box.height) * 100,
      );
    const stop = () => {
      bar.current?.removeEventListener('pointermove', move);
      bar.current?.removeEventListener('pointerup', stop);
      bar.current?.removeEventListener('pointercancel', stop);
    };
    bar.current!.addEventListener('pointermove', move);
    bar.current!.addEventListener('pointerup', stop);
    bar.current!.addEventListener('pointercancel', stop);
  };

  return (
    <div
      ref={bar}
      role="separator"
      tabIndex={0}
      aria-label={LABELS[id]}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      className={`splitter ${vertical ? 'splitter-vertical' : 'splitter-horizontal'}`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    />
  );
}
