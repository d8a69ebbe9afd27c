// Edge labels sit at the middle of their curve. Between two columns of the layout there is room
// for a label or two across, and edges that meet at a node have nearby midpoints, so labels are
// broken at their ` · ` separators into short lines and moved up or down past labels already placed.

import { BoxGrid } from '../graph/box-grid';

/** Font size of edge labels, and the height of one of their lines. */
export const EDGE_FONT = 11;
const LINE_HEIGHT = 13;
const PADDING = 4;
// Text is not measured (core/ has no DOM): an average advance of a sans-serif at 11 px.
const CHAR_WIDTH = 6.2;
// Up to this many label heights away from the curve's middle; beyond it a label overlaps instead.
const MAX_SHIFT = 3;

/** A placed edge label: its plate (top-left, size) and its lines. */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

/** Places labels centred on given points, each clear of the ones placed before where it can be. */
export class LabelPlacer {
  private readonly placed = new BoxGrid();

  /** The box for `label` centred on (`cx`, `cy`), or as near above or below it as is free. */
  place(label: string, cx: number, cy: number): LabelBox {
    const lines = label.split(' · ');
    const width = Math.max(...lines.map((line) => Array.from(line).length)) * CHAR_WIDTH + 2 * PADDING;
    const height = lines.length * LINE_HEIGHT + PADDING;
    const at = (step: number): LabelBox => ({
      x: cx - width / 2,
      y: cy - height / 2 + step * (height + 2),
      width,
      height,
      lines,
    });
    let box = at(0);
    for (let shift = 1; this.placed.collides(box) && shift <= MAX_SHIFT; shift++) {
      box = at(shift);
      if (this.placed.collides(box)) box = at(-shift);
    }
    if (this.placed.collides(box)) box = at(0);
    this.placed.take(box);
    return box;
  }
}

/** Baseline of line `index` of a label plate whose top is at `top`. */
export function lineBaseline(top: number, index: number): number {
  return top + PADDING / 2 + EDGE_FONT - 1 + index * LINE_HEIGHT;
}
