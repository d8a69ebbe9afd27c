/** A rectangle: top-left corner and size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

// Boxes are filed in a grid of this cell size, so a new box is checked only against those near it:
// a graph of thousands of edges would otherwise cost a check per pair.
const CELL = 64;

/**
 * The boxes already taken on a drawing (nodes, placed labels), to find free room for another: the
 * SVG export and the canvas place their edge labels with it.
 */
export class BoxGrid {
  private readonly grid = new Map<string, Box[]>();

  /** Marks a box as taken. */
  take(box: Box): void {
    for (const key of this.cells(box)) {
      const cell = this.grid.get(key);
      if (cell) cell.push(box);
      else this.grid.set(key, [box]);
    }
  }

  /** Whether a box overlaps one taken. */
  collides(box: Box): boolean {
    for (const key of this.cells(box)) {
      for (const other of this.grid.get(key) ?? []) {
        if (
          box.x < other.x + other.width &&
          other.x < box.x + box.width &&
          box.y < other.y + other.height &&
          other.y < box.y + box.height
        )
          return true;
      }
    }
    return false;
  }

  /** Keys of the grid cells a box touches. */
  private cells(box: Box): string[] {
    const keys: string[] = [];
    for (let x = Math.floor(box.x / CELL); x <= Math.floor((box.x + box.width) / CELL); x++)
      for (let y = Math.floor(box.y / CELL); y <= Math.floor((box.y + box.height) / CELL); y++)
        keys.push(`${x},${y}`);
    return keys;
  }
}
