/** A 1-based line and column, as editors and the CLI print them. */
export interface Position {
  line: number;
  column: number;
}

/** A half-open span of character offsets `[start, end)` into a bundle's text. */
export interface SourceRange {
  start: number;
  end: number;
}

/**
 * Converts between character offsets and 1-based line/column for one text.
 * Build once per text: construction is O(n), each lookup O(log lines).
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Number of lines (a text without newline has one). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based position of `offset`; offsets past the end clamp to the end. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.starts[low]! + 1 };
  }

  /** The offset of a 1-based position; out-of-range lines and columns clamp. */
  offsetAt(position: Position): number {
    const line = Math.max(1, Math.min(position.line, this.starts.length));
    const start = this.starts[line - 1]!;
    const end = line < this.starts.length ? this.starts[line]! - 1 : this.text.length;
    return Math.min(start + Math.max(0, position.column - 1), end);
  }
}
