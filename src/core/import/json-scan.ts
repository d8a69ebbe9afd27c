import type { PathSegment } from '../bundle';

/** What a pass over a JSON text found: its first syntax error, how deeply it nests, and places. */
export interface JsonScan {
  error?: { offset: number; message: string };
  /** The deepest nesting of objects and arrays seen (up to the error, if any). */
  depth: number;
  /** Start offsets of the values at most {@link RECORDED_DEPTH} levels deep, by {@link pathKey}. */
  starts: Map<string, number>;
  /** Every key named `__proto__`, `constructor` or `prototype` (however escaped), with its offset. */
  hostileKeys: { offset: number; key: string }[];
}

/** How deep value positions are recorded: enough for the objects of an array of Lists. */
export const RECORDED_DEPTH = 3;

const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The key of a path in {@link JsonScan.starts}. */
export function pathKey(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/** An open object or array: what closes it, and the key or index of the value being read. */
interface Open {
  close: '}' | ']';
  index: number;
  key: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';

/**
 * Checks JSON syntax (RFC 8259, as `JSON.parse` reads it) and reports where the first error is,
 * with our own message. Engines word and place `JSON.parse` errors differently (V8 gives a
 * position for some errors and none for others, Firefox a line and column), so the position is
 * computed here rather than read from their messages. On the way it records where the shallow
 * values start and where any hostile key is, so the import names lines without a second parse.
 * Iterative: any nesting depth is safe.
 */
export function scanJson(text: string): JsonScan {
  const stack: Open[] = [];
  const starts = new Map<string, number>();
  const hostileKeys: JsonScan['hostileKeys'] = [];
  let depth = 0;
  let expect: Expect = 'value';
  let i = 0;
  const fail = (offset: number, message: string): JsonScan => ({
    error: { offset, message },
    depth,
    starts,
    hostileKeys,
  });
  const afterValue = (): Expect => (stack.length > 0 ? 'comma-or-close' : 'end');
  const record = (): void => {
    if (stack.length <= RECORDED_DEPTH) {
      starts.set(pathKey(stack.map((open) => (open.close === ']' ? open.index : open.key))), i);
    }
  };
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= text.length) {
      return expect === 'end'
        ? { depth, starts, hostileKeys }
        : fail(text.length, 'the JSON text ends too early');
    }
    const c = text[i]!;
    if (expect === 'value' || expect === 'value-or-close') {
      if (c === ']' && expect === 'value-or-close') {
        stack.pop();
        expect = afterValue();
        i++;
        continue;
      }
      record();
      if (c === '{' || c === '[') {
        stack.push({ close: c === '{' ? '}' : ']', index: 0, key: '' });
        depth = Math.max(depth, stack.length);
        expect = c === '{' ? 'key-or-close' : 'value-or-close';
        i++;
      } else if (c === '"') {
        const end = scanString(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.message);
        i = end;
        expect = afterValue();
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        const match = NUMBER.exec(text);
        if (!match) return fail(i, 'a number must have digits after "-"');
        i += match[0].length;
        expect = afterValue();
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (!literal) return fail(i, `unexpected ${describe(c)}; expected a value`);
        i += literal.length;
        expect = afterValue();
      }
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (c === '}' && expect === 'key-or-close') {
        stack.pop();
        expect = afterValue();
        i++;
      } else if (c === '"') {
        const end = scanString(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.message);
        const key = readKey(text, i, end);
        if (HOSTILE_KEYS.has(key)) hostileKeys.push({ offset: i, key });
        stack[stack.length - 1]!.key = key;
        i = end;
        expect = 'colon';
      } else {
        return fail(i, `unexpected ${describe(c)}; expected a property name in double quotes`);
      }
    } else if (expect === 'colon') {
      if (c !== ':') return fail(i, `unexpected ${describe(c)}; expected ":" after the property name`);
      expect = 'value';
      i++;
    } else if (expect === 'comma-or-close') {
      const open = stack[stack.length - 1]!;
      if (c === ',') {
        open.index++;
        expect = open.close === '}' ? 'key' : 'value';
        i++;
      } else if (c === open.close) {
        stack.pop();
        expect = afterValue();
        i++;
      } else {
        return fail(i, `unexpected ${describe(c)}; expected "," or "${open.close}"`);
      }
    } else {
      return fail(i, `unexpected ${describe(c)} after the end of the JSON value`);
    }
  }
}

/** The key a string token `[start, end)` spells, escapes decoded. */
function readKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/** The offset just past a string starting at `start` (a `"`), or where and why it is broken. */
function scanString(text: string, start: number): number | { offset: number; message: string } {
  for (let j = start + 1; j < text.length; j++) {
    const c = text[j]!;
    if (c === '"') return j + 1;
    if (c === '\\') {
      const next = text[j + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
          return { offset: j, message: 'a \\u escape needs four hexadecimal digits' };
        }
        j += 5;
      } else if (next !== undefined && ESCAPES.includes(next)) {
        j++;
      } else {
        return { offset: j, message: 'invalid escape in a string' };
      }
    } else if (c.charCodeAt(0) < 0x20) {
      return { offset: j, message: 'a string may not contain a raw line break or control character' };
    }
  }
  return { offset: start, message: 'a string is not closed' };
}

function describe(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f ? `character U+${code.toString(16).padStart(4, '0')}` : `"${c}"`;
}

/**
 * Reads the place of a `JSON.parse` error from the engine's message, for the rare case where
 * {@link scanJson} found none: V8 says `at position N` (Node 20, Chromium) and newer V8 and
 * Firefox say `line L column C`. Undefined when the message names no place (Safari).
 */
export function jsonErrorPlace(
  message: string,
): { offset: number } | { line: number; column: number } | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(message);
  return position ? { offset: Number(position[1]) } : undefined;
}
