import type { SourceRange } from './lines';

/** One YAML document's slice of a bundle: its text and where it sits. */
export interface Chunk extends SourceRange {
  text: string;
}

// A line that starts with `---` or `...` followed by white space or the line end is a document
// marker in YAML 1.2 wherever it appears, even inside block scalars, so splitting on it by line
// agrees with what a YAML parser does.
const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/;

/**
 * Splits a bundle into one chunk per YAML document, so each document can be parsed, cached and
 * analysed on its own. A `---` line starts a new chunk (and belongs to it); text after `...`
 * up to the next `---` belongs to the document it ends. Chunks cover the text with no gaps.
 */
export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let sawContent = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd);
    if (line.startsWith('---') && MARKER.test(line) && sawContent) {
      chunks.push({ start: chunkStart, end: lineStart, text: text.slice(chunkStart, lineStart) });
      chunkStart = lineStart;
      sawContent = false;
    }
    if (line.startsWith('---') && MARKER.test(line)) sawContent = true;
    else if (!sawContent && !isBlankOrComment(line)) sawContent = true;
    if (newline === -1) break;
    lineStart = lineEnd;
  }
  chunks.push({ start: chunkStart, end: text.length, text: text.slice(chunkStart) });
  return chunks;
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('%');
}
