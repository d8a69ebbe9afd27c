/**
 * Fits a still graph (see StillGraph) to its pane, in plain DOM: index.html's inline script does it
 * before React has loaded, and StillGraph does it when React draws it, the same way either time.
 */
import type { LayoutDirection } from '../../core/graph/geometry';
import { chooseDirection, fitViewport } from '../canvas/drawing';

type Point = { x: number; y: number };

/**
 * Turns the still graph `graph` the way that fits its pane (unless its user chose one: then it has
 * only that layout) and fits it there, as the canvas will: its `data-shown` says which layout CSS
 * shows, its viewport's transform where. `minimap`: whether the canvas will show its minimap.
 */
export function fitStillGraph(graph: HTMLElement, minimap: boolean): void {
  const [width, height] = [graph.clientWidth, graph.clientHeight];
  // Not laid out (detached, or in a collapsed pane): nothing to fit to.
  if (width === 0 || height === 0) return;
  const leftToRight = corners(graph.dataset['lr']);
  const topDown = corners(graph.dataset['tb']);
  const direction: LayoutDirection =
    leftToRight && topDown
      ? chooseDirection(leftToRight, () => topDown, width, height, minimap)
      : topDown
        ? 'TB'
        : 'LR';
  const viewport = fitViewport((direction === 'TB' ? topDown : leftToRight) ?? [], width, height, minimap);
  graph.dataset['shown'] = direction;
  const pane = graph.querySelector<HTMLElement>('.still-graph-viewport');
  if (pane) pane.style.transform = `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`;
}

/**
 * The nodes at a layout's corners, as StillGraph writes them ("left top right bottom" of the
 * nodes' positions): the box around them is the box around every node, which is all a fit reads.
 */
export function layoutCorners(positions: readonly Point[]): string | undefined {
  if (positions.length === 0) return undefined;
  const xs = positions.map((p) => p.x);
  const ys = positions.map((p) => p.y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].join(' ');
}

function corners(value: string | undefined): Point[] | undefined {
  const [left, top, right, bottom] = (value ?? '').split(' ').map(Number);
  if ([left, top, right, bottom].some((n) => n === undefined || !Number.isFinite(n))) return undefined;
  return [
    { x: left!, y: top! },
    { x: right!, y: bottom! },
  ];
}
