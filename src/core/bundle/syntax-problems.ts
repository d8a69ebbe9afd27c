import { isCollection, isPair, isScalar, type Document, type YAMLError } from 'yaml';

import type { SyntaxProblem } from './types';
import { NESTING_TOO_DEEP, TOO_MANY_ERRORS } from './kubectl-yaml/read';

/** A worded error, and how well its words explain the mistake when several errors share a line. */
interface Worded {
  problem: SyntaxProblem;
  /** Lower explains better: the error that names the cause, not one that follows from it. */
  rank: number;
}

// Ranks, best first.
/** Input nested past the reader's limit: what follows from it (unclosed brackets) is not the cause. */
const TOO_DEEP = 0;
const UNCLOSED = 1;
const CONTINUED_LINE = 2;
const LIST_ITEM = 3;
const ALIGNMENT = 4;
const LOCAL = 5;
const MISSING_COLON = 6;
const OTHER = 8;

const CLOSERS: Record<string, string> = { ']': '[', '}': '{' };

/**
 * How many of a document's errors are put in words (the first, by place). Wording one reads its
 * line, so thousands on one long line would cost the line's length thousands of times; and the
 * errors past the first few hundred only follow from those.
 */
const MAX_WORDED = 200;

/**
 * The problems the yaml library found in one document, in words, one per mistake: a mistake
 * that the library reports as several errors (a line indented too deep is a "multi-line
 * implicit key" and a "nested mapping in a compact mapping") becomes one problem, on the line
 * to fix, which is not always where the library noticed it (an unclosed `[` or quote is noticed
 * where the text ends). Each keeps the library's code; warnings keep its words.
 */
export function syntaxProblems(doc: Document.Parsed, text: string): SyntaxProblem[] {
  // Errors the library reports at one position are one mistake seen from several rules.
  const byPosition = new Map<number, Worded>();
  const openings = lazyOpenings(doc);
  for (const error of firstErrors(doc.errors)) {
    const worded = explain(error, openings, text);
    const seen = byPosition.get(error.pos[0]);
    if (!seen || worded.rank < seen.rank) byPosition.set(error.pos[0], worded);
  }
  // And so are the errors left on the line the words point at.
  const errors: Worded[] = [];
  for (const next of [...byPosition.values()].sort((a, b) => a.problem.range.start - b.problem.range.start)) {
    const last = errors[errors.length - 1];
    if (!last || lineStart(text, last.problem.range.start) !== lineStart(text, next.problem.range.start)) {
      errors.push(next);
    } else if (next.rank < last.rank) {
      errors[errors.length - 1] = next;
    }
  }
  return [
    ...errors.map((e) => e.problem),
    ...doc.warnings.map((w) => problemAt('warning', w.code, capitalise(firstLine(w.message)), w.pos, text)),
  ];
}

/** The {@link MAX_WORDED} first errors by place, and the reader's own why it stopped reading. */
function firstErrors(errors: readonly YAMLError[]): readonly YAMLError[] {
  if (errors.length <= MAX_WORDED) return errors;
  const byPlace = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  return byPlace.filter(
    (e, i) => i < MAX_WORDED || e.code === NESTING_TOO_DEEP || e.code === TOO_MANY_ERRORS,
  );
}

/** A problem at `pos` (widened to at least one character, so an editor can show it). */
export function problemAt(
  severity: SyntaxProblem['severity'],
  code: string,
  message: string,
  pos: readonly [number, number],
  text: string,
): SyntaxProblem {
  const start = Math.min(pos[0], text.length);
  const end = Math.min(Math.max(pos[1], start + 1), Math.max(text.length, start));
  return { severity, code, message, range: { start, end } };
}

function explain(error: YAMLError, openings: () => Openings, text: string): Worded {
  const message = firstLine(error.message);
  const [from, to] = error.pos;
  const at = (range: readonly [number, number], words: string, rank: number): Worded => ({
    problem: problemAt('error', error.code, words, range, text),
    rank,
  });
  const quoted = (s: string) => `'${s.length > 40 ? `${s.slice(0, 39)}…` : s}'`;
  switch (error.code) {
    case 'MULTILINE_IMPLICIT_KEY':
      return continuedLine(from, to, text, at) ?? at(error.pos, capitalise(message), OTHER);
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (message.startsWith('A block sequence')) return listItem(text, to, at);
      return at(
        error.pos,
        "A mapping value is not allowed here: a value on its key's line cannot hold ': '. Quote the value, or put the inner key on a line of its own.",
        LOCAL,
      );
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return (
        unclosed(message, from, openings, at) ??
        misplaced(message, from, text, quoted, at) ??
        at(error.pos, capitalise(message), OTHER)
      );
    case 'TAB_AS_INDENT':
      return at(error.pos, 'Tabs cannot indent YAML: indent this line with spaces.', LOCAL);
    case 'DUPLICATE_KEY':
      return at(
        error.pos,
        `${quoted(text.slice(from, to))} is already a key of this mapping: a key may appear only once.`,
        LOCAL,
      );
    case 'BAD_SCALAR_START':
      return at(
        error.pos,
        `A value cannot start with ${quoted(text.slice(from, from + 1))} unless it is quoted: put the value in quotes.`,
        LOCAL,
      );
    case 'BAD_DQ_ESCAPE':
      return at(
        error.pos,
        `${quoted(message.replace(/^Invalid escape sequence /, ''))} is not an escape sequence in double quotes: write '\\\\' for a backslash, or use single quotes.`,
        LOCAL,
      );
    case 'BLOCK_IN_FLOW':
      return at(
        error.pos,
        "Inside [ ] or { }, separate the entries with ', ', and write a nested list or mapping in brackets too.",
        LOCAL,
      );
    case 'UNEXPECTED_TOKEN':
      return unexpected(message, error.pos, text, quoted, at);
    case NESTING_TOO_DEEP:
      return at(error.pos, message, TOO_DEEP);
    case TOO_MANY_ERRORS:
      // Said only on a line with no error of its own: the first mistake explains more.
      return at(error.pos, message, OTHER + 1);
    default:
      return at(error.pos, capitalise(message), OTHER);
  }
}

type At = (range: readonly [number, number], words: string, rank: number) => Worded;

/**
 * A key that runs over two lines: the first line has no `:` (or none followed by a space), or
 * the second line is indented so that it continues the value on the first.
 */
function continuedLine(from: number, to: number, text: string, at: At): Worded | undefined {
  const key = text.slice(from, to);
  const newline = key.indexOf('\n');
  if (newline === -1) return undefined;
  const first = key.slice(0, newline).trimEnd();
  if (text.slice(lineStart(text, from), from).trim() === '') {
    // The key starts its line: that line is the one missing its ':'.
    const glued = /^([^\s:]+):\S/.exec(first);
    if (glued) {
      return at(
        [from, from + first.length],
        `Put a space after the ':' in '${first}': without one, YAML reads a single word, not a key and its value.`,
        CONTINUED_LINE,
      );
    }
    return at([from, from + first.length], `'${first}' is missing the ':' that ends a key.`, MISSING_COLON);
  }
  // The key starts after `key: ` or `- `: the next line, indented deeper, continues that value.
  return at(
    [from + key.lastIndexOf('\n') + 1 + indentOf(key.slice(key.lastIndexOf('\n') + 1)), to],
    "A mapping value is not allowed here: YAML reads this line as the rest of the value above it. Check this line's indentation: a key lines up with the other keys of its mapping.",
    CONTINUED_LINE,
  );
}

/**
 * Where the flow collections and quoted scalars that end at an offset open (of two ending at one
 * offset, the later in the tree's order).
 */
interface Openings {
  flow: Map<number, number>;
  quoted: Map<number, number>;
}

/**
 * The document's {@link Openings}, found on first use in one walk: each unclosed bracket or quote
 * looked up by walking the tree would cost the tree times the number of them (a hundred unclosed
 * `[` in 500 documents took seconds).
 */
function lazyOpenings(doc: Document.Parsed): () => Openings {
  let openings: Openings | undefined;
  return () => {
    if (openings) return openings;
    openings = { flow: new Map(), quoted: new Map() };
    // Depth first, items in order (as the library's visit goes), on an explicit stack.
    const pending: unknown[] = [doc.contents];
    while (pending.length > 0) {
      const node = pending.pop();
      if (isPair(node)) {
        pending.push(node.value, node.key);
        continue;
      }
      const range = (node as { range?: readonly number[] | null } | null)?.range;
      if (isCollection(node)) {
        if (node.flow && range) openings.flow.set(range[1]!, range[0]!);
        for (let i = node.items.length - 1; i >= 0; i--) pending.push(node.items[i]);
      } else if (isScalar(node) && node.type?.startsWith('QUOTE') && range) {
        openings.quoted.set(range[1]!, range[0]!);
      }
    }
    return openings;
  };
}

/** A `[`, `{` or quote that is never closed, shown where it opens. */
function unclosed(message: string, from: number, openings: () => Openings, at: At): Worded | undefined {
  const flow = /^Flow (sequence|map)\b.*end with a ([\]}])$/.exec(message);
  const quote = /^Missing closing (["'])quote$/.exec(message);
  if (!flow && !quote) return undefined;
  const opening = (flow ? openings().flow : openings().quoted).get(from);
  if (opening === undefined) return undefined;
  if (quote) {
    const mark = quote[1]!;
    return at(
      [opening, opening + 1],
      `This ${mark} is never closed: end the value with another ${mark}.`,
      UNCLOSED,
    );
  }
  const close = flow![2]!;
  const what = flow![1] === 'sequence' ? 'list' : 'mapping';
  return at(
    [opening, opening + 1],
    `This '${CLOSERS[close]}' is never closed: end the ${what} with '${close}' (lines inside it must be indented deeper than its key).`,
    UNCLOSED,
  );
}

/**
 * The library's indentation and punctuation messages (by how they start), in words; `line`
 * underlines the line's text rather than the character the library points at.
 */
const MISPLACED: { starts: string; words: string; rank: number; line?: true }[] = [
  {
    starts: 'All mapping items must start at the same column',
    words:
      'This key does not line up with the keys above it: the keys of one mapping start at the same column.',
    rank: ALIGNMENT,
    line: true,
  },
  {
    starts: 'All sequence items must start at the same column',
    words:
      'This list item does not line up with the items above it: the items of one list start at the same column.',
    rank: ALIGNMENT,
    line: true,
  },
  {
    starts: 'Block scalar',
    words:
      "This line of a '|' or '>' text is indented less than the text above it: indent every line of the text under its key.",
    rank: ALIGNMENT,
    line: true,
  },
  {
    starts: 'Flow end indicator should be more indented',
    words: 'Indent the closing bracket deeper than the key it belongs to.',
    rank: ALIGNMENT,
  },
  {
    starts: 'Comments must be separated',
    words: "Put a space before '#': a comment is set apart from the value by a space.",
    rank: LOCAL,
  },
  {
    starts: 'Missing , or : between',
    words: "Separate the entries inside { } with ', ' and each key from its value with ': '.",
    rank: LOCAL,
  },
  { starts: 'Missing , between', words: "Separate the items inside [ ] with ', '.", rank: LOCAL },
  { starts: 'Missing space after :', words: "Put a space after ':' inside { }.", rank: LOCAL },
  {
    starts: 'Block collection cannot start on same line',
    words: "Start the document's content on the line after '---'.",
    rank: LOCAL,
  },
  {
    starts: 'Sequence item without - indicator',
    words: "Start each item of this list with '- '.",
    rank: LIST_ITEM,
    line: true,
  },
];

/** Indentation and punctuation errors, in words, on the line to fix. */
function misplaced(
  message: string,
  from: number,
  text: string,
  quoted: (s: string) => string,
  at: At,
): Worded | undefined {
  if (message.startsWith('Implicit map keys need to be followed by map values')) {
    const key = text.slice(from, lineEnd(text, from)).trim();
    if (/^-(\s|$)/.test(key)) return listItem(text, from, at);
    return at(lineContent(text, from), `${quoted(key)} is missing the ':' that ends a key.`, MISSING_COLON);
  }
  const known = MISPLACED.find((m) => message.startsWith(m.starts));
  if (!known) return undefined;
  return at(known.line ? lineContent(text, from) : [from, from + 1], known.words, known.rank);
}

/** A `- ` item where the mapping around it expects a key. */
function listItem(text: string, offset: number, at: At): Worded {
  return at(
    lineContent(text, offset),
    "A list item cannot start here: line up its '-' with the other items of its list, or put the list under a key that ends in ':'.",
    LIST_ITEM,
  );
}

/** A token where YAML expects none; the kubectl reader's own findings are worded already. */
function unexpected(
  message: string,
  pos: readonly [number, number],
  text: string,
  quoted: (s: string) => string,
  at: At,
): Worded {
  if (!message.startsWith('Unexpected ')) return at(pos, message, LOCAL);
  const source = text.slice(pos[0], pos[1]).trim();
  const opener = CLOSERS[source];
  if (opener) {
    return at(
      pos,
      `This '${source}' closes nothing: remove it, or add the '${opener}' it belongs to.`,
      LOCAL,
    );
  }
  if (/^Unexpected (,|empty item) in/.test(message)) {
    return at(pos, "This ',' has no item before it: remove it.", LOCAL);
  }
  if (source === '') return at(pos, capitalise(message), OTHER);
  return at(pos, `YAML does not expect ${quoted(source)} here.`, OTHER);
}

/** The offset where the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** What the line holding `offset` says, without its indentation and trailing spaces. */
function lineContent(text: string, offset: number): [number, number] {
  const start = lineStart(text, offset);
  const line = text.slice(start, lineEnd(text, offset));
  return [start + indentOf(line), start + line.trimEnd().length];
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
