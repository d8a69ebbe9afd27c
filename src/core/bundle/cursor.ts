import type { PathSegment } from './types';

/** What sits at a cursor in YAML text, read from indentation (it works on half-typed lines too). */
export interface CursorContext {
  /** The `kind:` of the document around the cursor, if it has one. */
  kind: string | undefined;
  /** Keys of the maps enclosing the cursor, outermost first; `'[]'` for a list item. */
  path: PathSegment[];
  /** The key on the cursor's line (typed so far, when in key position). */
  key: string;
  /** Whether the cursor is after `key:` (editing the value) rather than on the key. */
  inValue: boolean;
}

const KEY_LINE = /^(\s*)((?:-\s+)*)([^\s#:][^:#]*?)\s*:(?:\s|$)/;

/**
 * The YAML context at `offset`: the enclosing keys and list items, the key on the line and
 * whether the cursor is on the key or its value. Editors use it for completion and hover.
 */
export function cursorContext(text: string, offset: number): CursorContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEndAt === -1 ? text.length : lineEndAt);
  const column = offset - lineStart;
  const own = contentOf(line);
  const colon = line.indexOf(':', own.column);
  const inValue = colon !== -1 && column > colon;
  const key = (inValue ? line.slice(own.column, colon) : line.slice(own.column, column)).trim();

  const path: PathSegment[] = [];
  // The column the enclosing structure must start left of; a dash on our line opens a list item.
  let limit = own.column;
  if (own.dashes > 0) {
    path.unshift('[]');
    limit = own.dashColumn;
  }
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  let docStart = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const previous = lines[i]!;
    if (/^(---|\.\.\.)(\s|$)/.test(previous)) {
      docStart = i + 1;
      break;
    }
    if (/^\s*(#.*)?$/.test(previous)) continue;
    const content = contentOf(previous);
    if (content.column >= limit && !(content.dashes > 0 && content.dashColumn < limit)) continue;
    if (content.dashes > 0 && content.dashColumn < limit && content.column >= limit) {
      // A sibling inside the same list item: the item is a parent.
      path.unshift('[]');
      limit = content.dashColumn;
      continue;
    }
    const match = KEY_LINE.exec(previous);
    if (!match) continue;
    path.unshift(match[3]!.trim());
    if (content.dashes > 0) {
      path.unshift('[]');
      limit = content.dashColumn;
    } else limit = content.column;
    if (limit === 0) {
      docStart = findDocStart(lines, i);
      break;
    }
  }
  return { kind: kindOf(text, lines, docStart, lineStart), path, key, inValue };
}

/** Where a line's content starts, after indentation and any `- ` markers. */
function contentOf(line: string): { column: number; dashes: number; dashColumn: number } {
  const indent = /^ */.exec(line)![0].length;
  const markers = /^(?:-(?:\s+|$))*/.exec(line.slice(indent))![0];
  return { column: indent + markers.length, dashes: (markers.match(/-/g) ?? []).length, dashColumn: indent };
}

function findDocStart(lines: string[], from: number): number {
  for (let i = from; i >= 0; i--) if (/^(---|\.\.\.)(\s|$)/.test(lines[i]!)) return i + 1;
  return 0;
}

/** The `kind:` at the top level of the document that holds the cursor. */
function kindOf(text: string, before: string[], docStart: number, lineStart: number): string | undefined {
  for (let i = before.length - 1; i >= docStart; i--) {
    const match = /^kind:\s*([A-Za-z]+)/.exec(before[i]!);
    if (match) return match[1];
  }
  const after = text.slice(lineStart).split('\n');
  for (let i = 1; i < after.length; i++) {
    if (/^(---|\.\.\.)(\s|$)/.test(after[i]!)) break;
    const match = /^kind:\s*([A-Za-z]+)/.exec(after[i]!);
    if (match) return match[1];
  }
  return undefined;
}
