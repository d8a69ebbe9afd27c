import { describe, expect, it } from 'vitest';

import { analyzeBundle } from '../analysis/analyze';
import { parseBundle } from './bundle';
import { LineIndex } from './lines';
import { parseOneDocument } from './parse-document';

/** The errors of one document as `line: underlined text: message`. */
function errorsOf(text: string): string[] {
  const lines = new LineIndex(text);
  return parseOneDocument(text)
    .problems.filter((p) => p.severity === 'error')
    .map(
      (p) =>
        `${lines.positionAt(p.range.start).line}: ${text.slice(p.range.start, p.range.end)}: ${p.message}`,
    );
}

describe('YAML syntax errors in words', () => {
  // Each mistake a person makes while typing YAML by hand: one problem, on the line to fix.
  const cases: [string, string, RegExp][] = [
    [
      'a line indented deeper than its siblings',
      'spec:\n  hosts:\n  - a.example.com\n   ports: x\n',
      /^4: ports: A mapping value is not allowed here: .*indentation/,
    ],
    [
      'a key indented under a key that has a value',
      'spec:\n  hosts: x\n    ports: y\n',
      /^3: ports: A mapping value is not allowed here/,
    ],
    [
      'a key indented less than its siblings',
      'spec:\n    hosts: x\n  ports: y\n',
      /^3: ports: y: This key does not line up with the keys above it/,
    ],
    [
      'a key without its colon',
      'spec:\n  hosts\n  ports: x\n',
      /^2: hosts: 'hosts' is missing the ':' that ends a key/,
    ],
    [
      'a key being typed',
      'apiVersion: v1\nkind: ServiceEntry\nmeta\n',
      /^3: meta: 'meta' is missing the ':'/,
    ],
    [
      'no space after the colon',
      'spec:\n  hosts:x\n  ports: y\n',
      /^2: hosts:x: Put a space after the ':' in 'hosts:x'/,
    ],
    [
      'an unclosed [',
      'kind: [unclosed\nspec: x\n',
      /^1: \[: This '\[' is never closed: end the list with '\]'/,
    ],
    ['an unclosed { in a list', 'spec: {a: b\nother: c\n', /^1: \{: This '\{' is never closed/],
    ['an unclosed [ at the root', '[a, b\n', /^1: \[: This '\[' is never closed/],
    ['an unclosed double quote', 'a: "abc\nb: c\n', /^1: ": This " is never closed/],
    ['an unclosed single quote', "x:\n  - 'abc\n  - d\n", /^2: ': This ' is never closed/],
    ['a tab as indentation', 'spec:\n\thosts: x\n', /^2: \t: Tabs cannot indent YAML/],
    ['a key twice', 'a: 1\na: 2\n', /^2: a: 'a' is already a key of this mapping/],
    ['list items out of line', 'hosts:\n  - a\n - b\n', /^3: - b: A list item cannot start here/],
    ['a list item after a key', 'a: 1\n- b\n', /^2: - b: A list item cannot start here/],
    ['a stray ]', 'a: b\n]\n', /^2: \]: This '\]' closes nothing/],
    ['a value starting with @', 'a: @x\n', /^1: @: A value cannot start with '@' unless it is quoted/],
    [
      'a second colon on one line',
      'a: b: c\n',
      /^1: b: A mapping value is not allowed here: .*cannot hold ': '/,
    ],
    ['a comment glued to a value', 'd: "x"#c\n', /^1: #: Put a space before '#'/],
    ['a double comma', 'a: [x,, y]\n', /^1: ,: This ',' has no item before it/],
    ['a bad escape', 'a: "\\q"\n', /^1: \\: '\\q' is not an escape sequence in double quotes/],
    [
      'an unquoted wildcard host',
      'hosts:\n- *.example.com\n',
      /^2: \*\.example\.com: YAML reads '\*\.example\.com' as an alias/,
    ],
  ];
  it.each(cases)('%s: one problem, in words, on the line to fix', (_, text, expected) => {
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
  });

  it('keeps separate mistakes apart', () => {
    expect(errorsOf('spec:\n  hosts: x\n    ports: y\n  a: "q\n')).toEqual([
      expect.stringMatching(/^3: ports: A mapping value is not allowed here/),
      expect.stringMatching(/^4: ": This " is never closed/),
    ]);
  });

  it('keeps the yaml library code on the problem, out of the words', () => {
    const text = 'spec:\n  hosts: x\n    ports: y\n';
    expect(parseOneDocument(text).problems.map((p) => p.code)).toEqual(['MULTILINE_IMPLICIT_KEY']);
    const diagnostics = analyzeBundle(
      parseBundle(`apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n${text}`),
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'YAML-SYNTAX', severity: 'error' });
    expect(diagnostics[0]!.message).not.toMatch(/[A-Z]+_[A-Z_]+/);
  });
});
