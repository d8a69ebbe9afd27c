import type { SourceRange } from './lines';

/** One YAML document's slice of a bundle: its text and where it sits. */
export interface Chunk extends SourceRange {
  text: string;
}

// A line that starts with `---` or `...` followed by white space or the line end is a document
// marker in YAML 1.2 wherever it appears, even inside block scalars, so splitting on it by line
// agrees with what a YAML parser does.

/**
 * Splits a bundle into one chunk per YAML document, so each document can be parsed, cached and
 * analysed on its own. A `---` line starts a new chunk (and belongs to it); text after `...`
 * up to the next `---` belongs to the document it ends. Chunks cover the text with no gaps.
 */
export function splitDocuments(text: string): Chunk[] {
  return scanDocuments(text).chunks;
}

/**
 * {@link splitDocuments}, also telling whether the last chunk holds content (a marker or a line
 * that is not blank or a comment). A `---` right after the text starts a new document only then,
 * which is what re-splitting one region of an edited bundle needs to know.
 */
export function scanDocuments(text: string): { chunks: Chunk[]; lastHasContent: boolean } {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let sawContent = false;
  let lineStart = 0;
  // Lines are examined in place (no per-line strings): this runs over the whole bundle on every edit.
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const marker = isMarkerAt(text, lineStart, lineEnd);
    if (marker === '---' && sawContent) {
      chunks.push({ start: chunkStart, end: lineStart, text: text.slice(chunkStart, lineStart) });
      chunkStart = lineStart;
      sawContent = false;
    }
    if (marker === '---' || (!sawContent && !isBlankOrComment(text, lineStart, lineEnd))) sawContent = true;
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  chunks.push({ start: chunkStart, end: text.length, text: text.slice(chunkStart) });
  return { chunks, lastHasContent: sawContent };
}

/** `---` or `...` when the line at `start` is a document marker (followed by white space or its end). */
function isMarkerAt(text: string, start: number, end: number): '---' | '...' | undefined {
  const first = text.charCodeAt(start);
  if (first !== 45 /* - */ && first !== 46 /* . */) return undefined;
  if (text.charCodeAt(start + 1) !== first || text.charCodeAt(start + 2) !== first) return undefined;
  const next = start + 3;
  if (next < end && !' \t\r'.includes(text[next]!)) return undefined;
  return first === 45 ? '---' : '...';
}

function isBlankOrComment(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r') continue;
    return c === '#' || c === '%';
  }
  return true;
}
