import { describe, expect, it } from 'vitest';

import { parseBundle } from '../bundle';
import { editDocumentText } from '../edit';
import { parseOneDocument } from '../parse-document';
import { renderYaml } from '../render';
import { readYamlDocument } from './read';

// Rows copied from go-yaml v2, which kubectl reads YAML with (through sigs.k8s.io/yaml):
// github.com/go-yaml/yaml, branch v2, commit 7649d4548cb53a614db133b2a8ac1f31859dda8c —
// resolve.go (resolveMapList), decode_test.go (unmarshalTests, mergeTests, unmarshalErrorTests,
// decoderTests) and encode_test.go (marshalTests). Expected values are go-yaml's, as JS values.

/** What a document reads as (go-yaml's value, before any conversion to JSON), with its errors. */
function read(yaml: string): { value: unknown; errors: string[] } {
  const doc = readYamlDocument(yaml);
  const errors = doc.errors.map((e) => e.message);
  return { value: doc.toJS(), errors };
}

/** The errors kubectl's conversion to JSON adds for the infinities and NaN in `value`. */
function jsonErrors(value: unknown): string[] {
  if (typeof value === 'number' && !Number.isFinite(value))
    return [expect.stringContaining('json: unsupported value')];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(jsonErrors);
}

// resolve.go, resolveMapList: every form, resolved as a plain scalar.
const RESOLVE_MAP: [forms: string[], value: unknown][] = [
  [['y', 'Y', 'yes', 'Yes', 'YES'], true],
  [['true', 'True', 'TRUE'], true],
  [['on', 'On', 'ON'], true],
  [['n', 'N', 'no', 'No', 'NO'], false],
  [['false', 'False', 'FALSE'], false],
  [['off', 'Off', 'OFF'], false],
  [['', '~', 'null', 'Null', 'NULL'], null],
  [['.nan', '.NaN', '.NAN'], Number.NaN],
  [['.inf', '.Inf', '.INF'], Number.POSITIVE_INFINITY],
  [['+.inf', '+.Inf', '+.INF'], Number.POSITIVE_INFINITY],
  [['-.inf', '-.Inf', '-.INF'], Number.NEGATIVE_INFINITY],
];

// decode_test.go, unmarshalTests: the rows that decode into interface{} values, as kubectl does.
const UNMARSHAL: [yaml: string, value: unknown][] = [
  ['v: hi', { v: 'hi' }],
  ['v: true', { v: true }],
  ['v: 10', { v: 10 }],
  ['v: 0b10', { v: 2 }],
  ['v: 0xA', { v: 10 }],
  ['v: 0.1', { v: 0.1 }],
  ['v: .1', { v: 0.1 }],
  ['v: .Inf', { v: Number.POSITIVE_INFINITY }],
  ['v: -.Inf', { v: Number.NEGATIVE_INFINITY }],
  ['v: -10', { v: -10 }],
  ['v: -.1', { v: -0.1 }],
  ['canonical: 6.8523e+5', { canonical: 6.8523e5 }],
  ['expo: 685.230_15e+03', { expo: 685.23015e3 }],
  ['fixed: 685_230.15', { fixed: 685230.15 }],
  ['neginf: -.inf', { neginf: Number.NEGATIVE_INFINITY }],
  ['notanum: .NaN', { notanum: Number.NaN }], // TestUnmarshalNaN
  ['canonical: y', { canonical: true }],
  ['answer: NO', { answer: false }],
  ['logical: True', { logical: true }],
  ['option: on', { option: true }],
  ['canonical: 685230', { canonical: 685230 }],
  ['decimal: +685_230', { decimal: 685230 }],
  ['octal: 02472256', { octal: 685230 }],
  ['hexa: 0x_0A_74_AE', { hexa: 685230 }],
  ['bin: 0b1010_0111_0100_1010_1110', { bin: 685230 }],
  ['bin: -0b101010', { bin: -42 }],
  ['bin: -0b1000000000000000000000000000000000000000000000000000000000000000', { bin: -9223372036854775808 }],
  ['empty:', { empty: null }],
  ['canonical: ~', { canonical: null }],
  ['english: null', { english: null }],
  ['seq: [A,B]', { seq: ['A', 'B'] }],
  ['seq: [A,1,C]', { seq: ['A', 1, 'C'] }],
  ['seq:\n - A\n - B', { seq: ['A', 'B'] }],
  ['seq:\n - A\n - 1\n - C', { seq: ['A', 1, 'C'] }],
  ['a: {b: c}', { a: { b: 'c' } }],
  ["'1': '\"2\"'", { '1': '"2"' }],
  ["v: !!float '1.1'", { v: 1.1 }],
  ['v: !!float 0', { v: 0 }],
  ['v: !!float -1', { v: -1 }],
  ["v: !!null ''", { v: null }],
  ["%TAG !y! tag:yaml.org,2002:\n---\nv: !y!int '1'", { v: 1 }],
  ['v: ! test', { v: 'test' }],
  ['foo: null', { foo: null }],
  ['foo: ~', { foo: null }],
  // (go-yaml's row `%YAML 1.1\n--- !!str\n"Generic line break ..."` is below: kubectl refuses it.)
  [
    '%YAML 1.1\n---\n!!str "Generic line break (no glyph)\\n\\\n Generic line break (glyphed)\\n\\\n Line separator\\u2028\\\n Paragraph separator\\u2029"\n',
    'Generic line break (no glyph)\nGeneric line break (glyphed)\nLine separator\u2028Paragraph separator\u2029',
  ],
  ['a: -b_c', { a: '-b_c' }],
  ['a: +b_c', { a: '+b_c' }],
  ['a: 50cent_of_dollar', { a: '50cent_of_dollar' }],
  ['a: {b: https://github.com/go-yaml/yaml}', { a: { b: 'https://github.com/go-yaml/yaml' } }],
  ['a: [https://github.com/go-yaml/yaml]', { a: ['https://github.com/go-yaml/yaml'] }],
  ['a: !!str 2015-01-01', { a: '2015-01-01' }],
  ['a: "2015-01-01"', { a: '2015-01-01' }],
  ['a: !!timestamp "2015-01-01"', { a: '2015-01-01' }],
  ['a: 2015-01-01', { a: '2015-01-01' }],
  ['a: 123456e1\n', { a: 123456e1 }],
  ['a: 123456E1\n', { a: 123456e1 }],
  [
    'First occurrence: &anchor Foo\nSecond occurrence: *anchor\nOverride anchor: &anchor Bar\nReuse anchor: *anchor\n',
    {
      'First occurrence': 'Foo',
      'Second occurrence': 'Foo',
      'Override anchor': 'Bar',
      'Reuse anchor': 'Bar',
    },
  ],
  ['---\nhello\n...\n}not yaml', 'hello'],
  ['\na:\n  b\nb:\n  ? a\n  : a', { a: 'b', b: { a: 'a' } }],
  ['a: 1.2.3.4\n', { a: '1.2.3.4' }], // a textUnmarshaler row: into interface{} it is a string
  ['a: 2015-02-24T18:19:39Z\n', { a: '2015-02-24T18:19:39Z' }], // likewise
];

// decode_test.go rows that decode into typed Go values (struct fields, map[string]string,
// map[string]int8, ...): they test go-yaml's conversion to Go types, which kubectl never asks
// for (it decodes into interface{}). Each is still YAML that kubectl reads without error.
const TYPED_TARGET_ROWS = [
  '',
  '{}',
  'v: 4294967296',
  '123',
  'seq: [A,B,C,]',
  'scalar: | # Comment\n\n literal\n\n \ttext\n\n',
  'scalar: > # Comment\n\n folded\n line\n \n next\n line\n  * one\n  * two\n\n last\n line\n\n',
  'hello: world',
  'a:',
  'a: 1',
  'a: 1.0',
  'a: [1, 2]',
  'a: y',
  'v: 42',
  'v: -42',
  'v: -4294967296',
  'int_max: 2147483647',
  'int_min: -2147483648',
  'int_overflow: 9223372036854775808',
  'int64_max: 9223372036854775807',
  'int64_max_base2: 0b111111111111111111111111111111111111111111111111111111111111111',
  'int64_min: -9223372036854775808',
  'int64_neg_base2: -0b111111111111111111111111111111111111111111111111111111111111111',
  'uint_min: 0',
  'uint_max: 4294967295',
  'uint_underflow: -1',
  'uint64_max: 18446744073709551615',
  'uint64_max_base2: 0b1111111111111111111111111111111111111111111111111111111111111111',
  'uint64_maxint64: 9223372036854775807',
  'float32_max: 3.40282346638528859811704183484516925440e+38',
  'float32_nonzero: 1.401298464324817070923729583289916131280e-45',
  'float32_maxuint64+1: 18446744073709551616',
  'float64_max: 1.797693134862315708145274237317043567981e+308',
  'float64_nonzero: 4.940656458412465441765687928682213723651e-324',
  'v: 4294967297',
  'v: 128',
  "v:\n- A\n- 'B\n\n  C'\n",
  'a: &x 1\nb: &y 2\nc: *x\nd: *y\n',
  'a: &a {c: 1}\nb: *a',
  'a: &a [1, 2]\nb: *a',
  "foo: ''",
  'a: 1\nb: 2\n',
  'a: 1\nb: 2\nc: 3\n',
  'a: 3s',
  'a: <foo>',
  'a: 1:1\n',
  'a: !!binary gIGC\n',
  `a: !!binary |\n  ${'kJCQ'.repeat(17)}kJ\n  CQ\n`,
  `a: !!binary |\n  ${'A'.repeat(70)}\n  ==\n`,
  '{b: 2, a: 1, d: 4, c: 3, sub: {e: 5}}',
  'a:\n b:\n  c: d\n',
  'a: 2015-02-24T18:19:39.12Z\n',
  'a: 2015-2-3T3:4:5Z',
  'a: 2015-02-24t18:19:39Z\n',
  'a: 2015-02-24 18:19:39\n',
  'a: !!timestamp 2015-01-01',
  'a: []',
  'a: 5\n',
  'a: 5.5\n',
];

// The UTF-16 rows of unmarshalTests are about decoding bytes, before YAML: decoding is the
// input's (src/core/import/decode.ts, tested with the import), so they have no counterpart here.

// decode_test.go, mergeTests: every map below "anchors" equals `want` (TestMerge).
const MERGE_TESTS = `
anchors:
  list:
    - &CENTER { "x": 1, "y": 2 }
    - &LEFT   { "x": 0, "y": 2 }
    - &BIG    { "r": 10 }
    - &SMALL  { "r": 1 }

# All the following maps are equal:

plain:
  # Explicit keys
  "x": 1
  "y": 2
  "r": 10
  label: center/big

mergeOne:
  # Merge one map
  << : *CENTER
  "r": 10
  label: center/big

mergeMultiple:
  # Merge multiple maps
  << : [ *CENTER, *BIG ]
  label: center/big

override:
  # Override
  << : [ *BIG, *LEFT, *SMALL ]
  "x": 1
  label: center/big

shortTag:
  # Explicit short merge tag
  !!merge "<<" : [ *CENTER, *BIG ]
  label: center/big

longTag:
  # Explicit merge long tag
  !<tag:yaml.org,2002:merge> "<<" : [ *CENTER, *BIG ]
  label: center/big

inlineMap:
  # Inlined map 
  << : {"x": 1, "y": 2, "r": 10}
  label: center/big

inlineSequenceMap:
  # Inlined map in sequence
  << : [ *CENTER, {"r": 10} ]
  label: center/big
`;

// decode_test.go, unmarshalErrorTests: go-yaml refuses each of these.
const UNMARSHAL_ERRORS = [
  "v: !!float 'error'",
  'v: [A,',
  'v:\n- [A,',
  'a:\n- b: *,',
  'a: *b\n',
  'a: &a\n  b: *a\n',
  'a: &x null\n<<:\n- *x\nb: &x {}\n',
  'value: -',
  'a: !!binary ==',
  '{[.]}',
  '{{.}}',
  'b: *a\na: &a {c: 1}',
  "%TAG !%79! tag:yaml.org,2002:\n---\nv: !%79!int '1'",
  'a:\n  1:\nb\n  2:',
  [
    'a: &a [00,00,00,00,00,00,00,00,00]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
    'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
    '',
  ].join('\n'),
];

// decode_test.go, decoderTests: a stream of documents, each decoded on its own.
const DECODER: [yaml: string, values: unknown[]][] = [
  ['', []],
  ['a: b', [{ a: 'b' }]],
  ['---\na: b\n...\n', [{ a: 'b' }]],
  ["---\n'hello'\n...\n---\ngoodbye\n...\n", ['hello', 'goodbye']],
];

// encode_test.go, marshalTests: the strings go-yaml writes. Written by us, each reads back as the
// same string (quoted where a plain scalar would read as something else).
const MARSHALLED_STRINGS = [
  'hi',
  'true',
  'false',
  '10',
  '',
  'A',
  'B\nC',
  '-',
  '<foo>',
  '1:1',
  '\u0000',
  '\u0080\u0081\u0082',
  '你好',
  '2015-02-24T18:19:39Z',
  'b: c',
  'Hello #comment',
  '你好 #comment',
  'bogus',
];

describe("go-yaml v2's resolution table (resolve.go)", () => {
  for (const [forms, value] of RESOLVE_MAP) {
    it.each(forms)(`reads %j as ${String(value)}`, (form) => {
      const { value: got, errors } = read(`v: ${form}`);
      expect(got).toEqual({ v: value });
      expect(errors).toEqual(jsonErrors(value));
    });
  }
  it('reads a plain << key as the merge key, and a quoted one as a string', () => {
    expect(read('a: &a {x: 1}\nb:\n  <<: *a\n  z: 2').value).toEqual({ a: { x: 1 }, b: { x: 1, z: 2 } });
    expect(read('"<<": 1').value).toEqual({ '<<': 1 });
  });
  it('leaves base 60 numbers as strings, which resolve.go says it purposely does not support', () => {
    expect(read('a: 190:20:30\nb: 190:20:30.15').value).toEqual({ a: '190:20:30', b: '190:20:30.15' });
  });
});

describe("go-yaml v2's unmarshal tests into interface{} (decode_test.go)", () => {
  it.each(UNMARSHAL)('%j', (yaml, value) => {
    const { value: got, errors } = read(yaml);
    expect(got).toEqual(value);
    expect(errors).toEqual(jsonErrors(value));
  });

  it.each(TYPED_TARGET_ROWS)('reads the typed-target row %j without error', (yaml) => {
    expect(read(yaml).errors).toEqual([]);
  });

  it('merges as go-yaml does: every map of mergeTests equals the explicit one', () => {
    const { value, errors } = read(MERGE_TESTS);
    expect(errors).toEqual([]);
    const want = { x: 1, y: 2, r: 10, label: 'center/big' };
    const maps = Object.entries(value as Record<string, unknown>).filter(([name]) => name !== 'anchors');
    expect(maps).toHaveLength(8);
    for (const [name, map] of maps) expect(map, name).toEqual(want);
  });

  it("refuses the row go-yaml reads with content after '---', as kubectl's document splitter does", () => {
    // kubectl splits a file at `---` lines itself, and refuses one with more than a comment after
    // it (apimachinery's YAMLReader: "invalid Yaml document separator") before go-yaml reads it.
    const row = '%YAML 1.1\n--- !!str\n"Generic line break (no glyph)"\n';
    expect(read(row).errors).toEqual([expect.stringContaining('invalid Yaml document separator')]);
    expect(read('--- # a comment\na: 1\n').errors).toEqual([]);
    expect(read('a: 1\n----\n').errors).toContainEqual(
      expect.stringContaining('invalid Yaml document separator'),
    );
  });

  it.each(UNMARSHAL_ERRORS)('refuses %j', (yaml) => {
    const parsed = parseOneDocument(yaml);
    expect(parsed.problems.some((p) => p.severity === 'error')).toBe(true);
  });

  it.each(DECODER)('reads the stream %j document by document', (yaml, values) => {
    const bundle = parseBundle(yaml);
    const documents = bundle.documents.filter((d) => d.parsed.root !== null);
    // Strings are refused later, as documents that are not objects; the YAML itself reads.
    const problems = bundle.documents
      .flatMap((d) => d.parsed.problems)
      .filter((p) => p.code !== 'NOT_AN_OBJECT');
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.parsed.yaml.toJS())).toEqual(values);
  });
});

describe("the JSON kubectl makes of go-yaml's values (sigs.k8s.io/yaml)", () => {
  it('turns a null map key into an error, as JSON keys are strings', () => {
    expect(read('~: null key').errors[0]).toContain('unsupported map key');
  });

  it('names other keys as JSON does: booleans and numbers as text', () => {
    expect(read('on: 1\n0x10: 2\n1e6: 3\n1.5: 4\nn: 5').value).toEqual({
      true: 1,
      '16': 2,
      '1e+06': 3,
      '1.5': 4,
      false: 5,
    });
  });

  it('refuses .inf and .nan values, which JSON cannot hold', () => {
    expect(read('v: .inf').errors[0]).toContain('json: unsupported value: +Inf');
    expect(read('v: [.nan]').errors[0]).toContain('json: unsupported value: NaN');
  });
});

describe('writing values kubectl reads back unchanged', () => {
  const forms = [...RESOLVE_MAP.flatMap(([f]) => f), ...UNMARSHAL.flatMap(([yaml]) => scalarsOf(yaml))];
  it.each([...new Set([...MARSHALLED_STRINGS, ...forms, '0o17', '0x_1', '+_1', '1_', '.5_5', '<<'])])(
    'writes the string %j so that it reads back as that string',
    (text) => {
      expect(read(renderYaml({ v: text }, { indent: 2, indentSequences: true })).value).toEqual({ v: text });
      expect(read(renderYaml({ [text]: 1 }, { indent: 2, indentSequences: true })).value).toEqual({
        [text]: 1,
      });
      const edited = editDocumentText('v: x\n', { kind: 'set', path: ['v'], value: text });
      expect(edited.ok && read(edited.text).value).toEqual({ v: text });
    },
  );
});

/** The plain scalars after `: ` in a row, to write back as strings. */
function scalarsOf(yaml: string): string[] {
  return [...yaml.matchAll(/: ([^\s[{'"!&*][^\n]*)$/gm)].map((m) => m[1]!.trim());
}
