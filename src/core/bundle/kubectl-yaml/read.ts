import {
  Composer,
  isCollection,
  Lexer,
  Parser,
  visit,
  YAMLParseError,
  YAMLWarning,
  type Document,
  type ErrorCode,
} from 'yaml';

import { KUBECTL_YAML_OPTIONS } from './schema';
import { checkUniqueKeys, COMPOSE_WITHOUT_KEY_CHECK } from './unique-keys';

// Lexemes the yaml library's lexer emits that take no room in the text.
const DOCUMENT = '\x02';
const FLOW_END = '\x18';
const SCALAR = '\x1f';
const FLOW_INDICATORS = ',[]{}';

interface FlowFinding {
  offset: number;
  message: string;
  /** The yaml error code it is reported with; UNEXPECTED_TOKEN unless said. */
  code?: ErrorCode;
}

/** The code of the error that input nests past {@link MAX_NESTING} (not one of the yaml library's). */
export const NESTING_TOO_DEEP = 'NESTING_TOO_DEEP' as ErrorCode;

/**
 * The lexemes of `text`, adjusted where go-yaml's scanner reads a plain scalar inside `[ ]` or
 * `{ }` differently from YAML 1.2: go-yaml ends it at `:` only before white space, so `::` in
 * `[2001:db8::, 10.0.0.1]` stays in the scalar (YAML 1.2 ends it before `,` too); a leading `?`
 * is a key indicator. What go-yaml refuses instead (`?` inside such a scalar, one starting with
 * `:`) is reported in `findings`. Lexemes keep their lengths in sum, so ranges stay exact.
 */
function kubectlLexemes(text: string, findings: FlowFinding[]): string[] {
  const lexemes = Array.from(new Lexer().lex(text));
  const out: string[] = [];
  let offset = 0;
  let depth = 0;
  for (let i = 0; i < lexemes.length; i++) {
    const lexeme = lexemes[i]!;
    if (lexeme === SCALAR) {
      let scalar = lexemes[++i] ?? '';
      const at = offset;
      offset += scalar.length;
      if (depth === 0) {
        out.push(SCALAR, scalar);
        continue;
      }
      if (lexemes[i + 1] === ':' && FLOW_INDICATORS.includes(text[offset + 1] ?? ' ')) {
        scalar += ':';
        offset += 1;
        i++;
        // Before a `,` the lexer emits an empty scalar for the value the `:` announced.
        if (lexemes[i + 1] === SCALAR && lexemes[i + 2] === '') i += 2;
      }
      out.push(...plainInFlow(scalar, at, findings));
      continue;
    }
    if (lexeme === '[' || lexeme === '{') depth++;
    else if (lexeme === ']' || lexeme === '}') depth = Math.max(0, depth - 1);
    else if (lexeme === FLOW_END) depth = 0;
    if (lexeme !== DOCUMENT && lexeme !== FLOW_END) offset += lexeme.length;
    out.push(lexeme);
  }
  return out;
}

/** The lexemes of a plain scalar inside `[ ]` or `{ }`, as go-yaml scans it. */
function plainInFlow(scalar: string, at: number, findings: FlowFinding[]): string[] {
  const out: string[] = [];
  let rest = scalar;
  let offset = at;
  // go-yaml reads `?` at the start of a flow entry as the key indicator (`[?a]` is `[{a: null}]`).
  while (rest.length > 1 && rest[0] === '?') {
    out.push('?');
    rest = rest.slice(1);
    offset++;
  }
  if (rest[0] === ':') {
    findings.push({
      offset,
      message:
        'kubectl reads ":" at the start of a value inside [ ] or { } as a key indicator and refuses this entry: quote the value',
    });
  }
  const question = rest.indexOf('?', 1);
  if (question !== -1) {
    findings.push({
      offset: offset + question,
      message:
        'kubectl ends a plain value at "?" inside [ ] or { } and refuses what follows: quote the value',
    });
  }
  out.push(SCALAR, rest);
  return out;
}

/**
 * Parses one YAML document as kubectl reads it (see {@link KUBECTL_YAML_OPTIONS}), with exact
 * source ranges and comments, like the yaml library's `parseDocument`. Beyond YAML 1.2's errors
 * it reports what go-yaml v2 and the JSON conversion refuse: the flow-context cases above, a
 * `%YAML` version other than 1.1, and `.inf`/`.nan` values (JSON has no such numbers). Text after
 * a document end marker (`...`) is ignored, as go-yaml ignores it, with a warning. Throws (a
 * RangeError) only if the call stack runs out, which {@link MAX_NESTING} keeps from happening.
 */
export function readYamlDocument(text: string): Document.Parsed {
  // The yaml library reports each problem as an Error, whose stack is captured and never used: on
  // hostile input (thousands of documents, each with a hundred unclosed flow levels) that capture
  // alone took seconds. Off while the library reads; an exception it throws has its message still.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return readDocument(text);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function readDocument(text: string): Document.Parsed {
  const findings: FlowFinding[] = [];
  const parser = new Parser();
  const composer = new Composer({ ...KUBECTL_YAML_OPTIONS, ...COMPOSE_WITHOUT_KEY_CHECK });
  const hasFlow = text.includes('[') || text.includes('{');
  const lexemes = hasFlow ? kubectlLexemes(text, findings) : new Lexer().lex(text);
  checkSeparatorLines(text, findings);
  const tokens = parseLexemes(parser, lexemes, findings);
  let doc: Document.Parsed | undefined;
  let ignored = false;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else ignored ||= next.contents !== null || next.errors.length > 0;
  }
  // compose(…, true) yields a document even for empty text.
  if (!doc) throw new Error('no YAML document composed');
  // The yaml library reports running out of call stack as an error at the node where it happened,
  // which depends on how deep the caller's stack already was: a tree and errors that another call
  // would not give. MAX_NESTING keeps the reader far from that; should it happen still, it is the
  // engine's failure, not a problem of the text (and must not be cached as one).
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) throw new RangeError(`The YAML reader ran out of call stack: ${exhausted.message}`);
  checkUniqueKeys(doc);
  if (doc.directives.docEnd) ignored = ignoreAfterEnd(doc, doc.range[2]) || ignored;
  if (ignored) {
    const end = doc.range[2];
    doc.warnings.push(
      new YAMLWarning(
        [end, Math.max(end + 1, text.length)],
        'MULTIPLE_DOCS',
        'kubectl ignores everything after the document end marker (...) up to the next ---',
      ),
    );
  }
  for (const { offset, message, code = 'UNEXPECTED_TOKEN' } of findings) {
    doc.errors.push(new YAMLParseError([offset, offset + 1], code, message));
  }
  checkDirectives(doc);
  checkNodes(doc, text);
  return doc;
}

/**
 * kubectl splits a file into documents itself, line by line, before go-yaml reads them: a line
 * that starts with `---` and goes on with anything but spaces or a comment (`--- !!map`,
 * `--- {kind: List}`, `----`) makes it refuse the file ("invalid Yaml document separator"), where
 * YAML would read a document starting on that line.
 */
function checkSeparatorLines(text: string, findings: FlowFinding[]): void {
  // Lines as kubectl reads them: split at `\n` alone; after `---`, white space, then what it refuses.
  for (const line of text.matchAll(/(?<=^|\n)---[^\S\n]*([^\s#][^\n]*)?/g)) {
    if (line[1] === undefined) continue;
    findings.push({
      offset: line.index + line[0].length - line[1].length,
      message:
        "kubectl refuses anything but a comment after '---' on its line (invalid Yaml document separator): start the document on the next line",
    });
  }
}

/** Drops the problems the yaml library found after the document's end marker; true if any. */
function ignoreAfterEnd(doc: Document.Parsed, end: number): boolean {
  const before = doc.errors.length + doc.warnings.length;
  doc.errors = doc.errors.filter((e) => e.pos[0] < end);
  doc.warnings = doc.warnings.filter((w) => w.pos[0] < end);
  return doc.errors.length + doc.warnings.length < before;
}

/**
 * How deep lists and maps may nest in one document. Kubernetes objects nest a few dozen levels at
 * most; far deeper input (hundreds of `- - - …`) would exhaust the call stack of the recursive
 * steps after parsing (composing, converting, checking), in the app and in the CLI alike.
 */
export const MAX_NESTING = 100;

/**
 * How many tokens the parser may refuse in one document before it is read no further. kubectl
 * stops at the first; past a few, more say nothing new, but each costs an error object, and a line
 * of 100,000 stray `]` would take seconds to report.
 */
export const MAX_SYNTAX_ERRORS = 1000;

/** The code of the error that a document holds more than {@link MAX_SYNTAX_ERRORS} errors. */
export const TOO_MANY_ERRORS = 'TOO_MANY_ERRORS' as ErrorCode;

/**
 * The parser's tokens for `lexemes`, up to the point where lists and maps nest deeper than
 * {@link MAX_NESTING}, or the parser has refused {@link MAX_SYNTAX_ERRORS} tokens (reported in
 * `findings`): the parser keeps its open collections on an explicit stack, so the depth is read
 * there, before anything recursive sees the tree.
 */
function* parseLexemes(parser: Parser, lexemes: Iterable<string>, findings: FlowFinding[]) {
  let offset = 0;
  let errors = 0;
  // The parser's stack holds the document and its top-level value besides the collections.
  const limit = MAX_NESTING + 2;
  for (const lexeme of lexemes) {
    for (const token of parser.next(lexeme)) {
      if (token.type === 'error') errors++;
      yield token;
    }
    if (errors >= MAX_SYNTAX_ERRORS) {
      findings.push({
        offset,
        code: TOO_MANY_ERRORS,
        message: `${MAX_SYNTAX_ERRORS} errors in this document up to here: it is not read further`,
      });
      break;
    }
    if (parser.stack.length > limit) {
      findings.push({
        offset,
        code: NESTING_TOO_DEEP,
        message: `Lists and maps nest more than ${MAX_NESTING} levels deep here: no Kubernetes object does, and the document is not read further`,
      });
      break;
    }
    if (lexeme !== DOCUMENT && lexeme !== FLOW_END && lexeme !== SCALAR) offset += lexeme.length;
  }
  yield* parser.end();
}

/**
 * go-yaml v2 reads YAML 1.1 only and refuses a document declaring another version; its tag
 * handles are word characters between `!`s.
 */
function checkDirectives(doc: Document.Parsed): void {
  const { yaml, tags } = doc.directives;
  if (yaml.explicit && yaml.version !== '1.1') {
    doc.errors.push(
      new YAMLParseError([0, 1], 'BAD_DIRECTIVE', `found incompatible YAML document (%YAML ${yaml.version})`),
    );
  }
  for (const handle of Object.keys(tags)) {
    if (!/^!(?:[\w-]*!)?$/.test(handle)) {
      doc.errors.push(
        new YAMLParseError([0, 1], 'BAD_DIRECTIVE', `tag handle ${handle}: did not find expected whitespace`),
      );
    }
  }
}

/**
 * What go-yaml or the conversion to JSON refuse in a well-formed tree: an alias to an unknown
 * anchor or inside its own anchor, a map key that is a list or map, and `.inf`/`.nan` values
 * (JSON has no such numbers). Each check runs only when the text could hold its case.
 */
function checkNodes(doc: Document.Parsed, text: string): void {
  const aliases = text.includes('*');
  const keys = text.includes('?') || text.includes('[') || text.includes('{');
  const numbers = /\.(?:inf|Inf|INF|nan|NaN|NAN)/.test(text);
  if (!aliases && !keys && !numbers) return;
  const fail = (node: { range?: readonly number[] | null }, code: ErrorCode, message: string) => {
    const [start = 0, end = start + 1] = node.range ?? [];
    doc.errors.push(new YAMLParseError([start, end], code, message));
  };
  visit(doc, {
    Alias(_, alias, path) {
      const source = alias.resolve(doc);
      // go-yaml: "unknown anchor 'x' referenced". A wildcard host written unquoted is the usual cause.
      if (!source) {
        fail(
          alias,
          'BAD_ALIAS',
          `YAML reads '*${alias.source}' as an alias to an anchor (&${alias.source}) that is not defined: quote it ("*${alias.source}") if it is a host`,
        );
      } else if (path.includes(source))
        fail(alias, 'BAD_ALIAS', `the anchor &${alias.source} contains this alias to itself`);
    },
    Pair(_, pair) {
      if (isCollection(pair.key))
        fail(pair.key, 'NON_STRING_KEY', 'invalid map key: a list or map cannot be a JSON object key');
    },
    Scalar(key, node) {
      if (!numbers || key === 'key' || typeof node.value !== 'number' || Number.isFinite(node.value)) return;
      const name = Number.isNaN(node.value) ? 'NaN' : node.value > 0 ? '+Inf' : '-Inf';
      fail(
        node,
        'TAG_RESOLVE_FAILED',
        `kubectl cannot convert this value to JSON (json: unsupported value: ${name}): quote it to keep a string`,
      );
    },
  });
}
