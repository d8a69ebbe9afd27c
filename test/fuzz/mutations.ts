/**
 * The fuzz suite's mutations: each turns a bundle text into a hostile variant of it (deep
 * nesting, alias bombs, repeated documents, broken bytes, huge scalars, odd characters, values of
 * the wrong type...). Pure functions of the text and a seeded {@link Random}.
 */
import type { Mutation, MutationContext } from './mutation';
import { aliases, deepBlock, deepFlow, deepMap, repeatDocuments } from './mutations-nesting';
import type { Random } from './random';
import { documentsOf, randomLine, randomOffset, replaceValue, splice } from './text-ops';

export type { Mutation, MutationContext } from './mutation';

function size(random: Random, context: MutationContext): number {
  const sizes = [64, 253, 254, 1_000, 10_000, 70_000];
  return context.large && random.chance(0.2) ? random.pick([300_000, 1_000_000]) : random.pick(sizes);
}

/** Characters that mean something to YAML, or to the code reading it. */
const SPECIAL = [...':-?[]{},#&*!|>\'"%@`\t\n\r\0 \\.~=<+/', '\r\n', '- ', ': ', '---', '...', '\uFEFF'];
const UNICODE = [
  'é',
  'ü',
  '日本',
  '😀',
  '\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}',
  '\uD800', // lone surrogates
  '\uDFFF',
  '\u200B', // zero width space
  '\u202E', // right-to-left override
  '\u0085', // next line
  '\u2028', // line separator
  '\u2029',
  '\u00A0', // no-break space
  '\u0301', // combining accent
  '：',
  '\uFFFD',
  '\uFFFE',
  '\u0007',
  '\u001B[31m',
];

const bytes: Mutation = {
  name: 'bytes',
  apply(text, random) {
    let out = text;
    const edits = random.between(1, 8);
    for (let i = 0; i < edits; i++) {
      const at = randomOffset(out, random);
      const junk = random.chance(0.8) ? random.pick(SPECIAL) : String.fromCharCode(random.int(0x10000));
      const op = random.int(3);
      if (op === 0)
        out = splice(out, at, at + 1, junk); // flip
      else if (op === 1)
        out = splice(out, at, at, junk); // insert
      else out = splice(out, at, at + random.between(1, 40), ''); // delete
    }
    return out;
  },
};

const truncate: Mutation = {
  name: 'truncate',
  apply(text, random) {
    return text.slice(0, randomOffset(text, random));
  },
};

const longScalars: Mutation = {
  name: 'long-scalar',
  apply(text, random, context) {
    const n = size(random, context);
    const forms = [
      () => 'a'.repeat(n),
      () => `${'a.'.repeat(Math.ceil(n / 2))}com`,
      () => `"${'\\u00e9'.repeat(Math.ceil(n / 6))}"`,
      () => `'${"x''".repeat(Math.ceil(n / 3))}'`,
      () => `${'*.'.repeat(Math.ceil(n / 2))}com`,
      () => `|\n${`  ${'line '.repeat(8)}\n`.repeat(Math.ceil(n / 40))}`,
      () => `${'9'.repeat(Math.min(n, 5000))}`,
      () =>
        `[${Array.from({ length: Math.min(Math.ceil(n / 8), 20_000) }, (_, i) => `h${i}.com`).join(', ')}]`,
      () =>
        `{${Array.from({ length: Math.min(Math.ceil(n / 10), 20_000) }, (_, i) => `k${i}: v${i}`).join(', ')}}`,
    ];
    if (random.chance(0.25)) {
      // A long key: a label, an annotation or an unknown field.
      const key =
        random.pick(['', 'example.com/', `${'d.'.repeat(200)}io/`]) + 'k'.repeat(Math.min(n, 100_000));
      return replaceValue(text, random, (site) => `\n${' '.repeat(site.indent + 2)}${key}: v`);
    }
    return replaceValue(text, random, () => random.pick(forms)());
  },
};

const unicode: Mutation = {
  name: 'unicode',
  apply(text, random) {
    let out = text;
    for (let i = random.between(1, 6); i > 0; i--) {
      const at = randomOffset(out, random);
      out = splice(out, at, at, random.pick(UNICODE));
    }
    return out;
  },
};

const lineEnds: Mutation = {
  name: 'line-ends',
  apply(text, random) {
    const forms = [
      () => text.replace(/\n/g, '\r\n'),
      () => text.replace(/\n/g, () => (random.chance(0.3) ? '\r\n' : '\n')),
      () => text.replace(/\n/g, () => (random.chance(0.1) ? '\r' : '\n')),
      () => `${text}\r`,
    ];
    return random.pick(forms)();
  },
};

const tabs: Mutation = {
  name: 'tabs',
  apply(text, random) {
    const lines = text.split('\n');
    for (let i = random.between(1, 4); i > 0; i--) {
      const index = random.int(lines.length);
      const line = lines[index]!;
      lines[index] = random.chance(0.5) ? line.replace(/^ {1,2}/, '\t') : line.replace(': ', ':\t');
    }
    return lines.join('\n');
  },
};

const nul: Mutation = {
  name: 'nul',
  apply(text, random) {
    const at = randomOffset(text, random);
    return splice(text, at, at + random.int(2), '\0'.repeat(random.between(1, 3)));
  },
};

const separators: Mutation = {
  name: 'document-separators',
  apply(text, random) {
    const marker = random.pick([
      '---',
      '...',
      '--- ',
      '---\t',
      '--- |',
      '--- !x',
      '---#',
      ' ---',
      '----',
      '...\n---',
      '---\n---',
      '--- &a',
      '--- *a',
      '--- >',
    ]);
    if (random.chance(0.6)) {
      const { start } = randomLine(text, random);
      return splice(text, start, start, `${marker}\n`);
    }
    const at = randomOffset(text, random);
    return splice(text, at, at, random.chance(0.5) ? marker : `\n${marker}`);
  },
};

const retype: Mutation = {
  name: 'retype-value',
  apply(text, random) {
    const values = [
      '1e308',
      '-1e308',
      '1e999',
      '-0',
      '0x1F',
      '0o17',
      '017',
      '.inf',
      '-.Inf',
      '.NaN',
      '1_000',
      '9007199254740993',
      'true',
      'yes',
      'no',
      'on',
      'off',
      'null',
      '~',
      '12:30:00',
      '2001-12-14',
      "''",
      '""',
      '[]',
      '{}',
      '!!binary aGVsbG8=',
      '!!int abc',
      '!!str 1',
      '!!float x',
      '! x',
      '!custom y',
      '0b101',
      '+12',
      '1e3',
      '-',
      '?',
      ':',
      '| ',
      '>-',
      '=',
      '<<',
      '&',
      '*',
      '!',
      '@x',
      '`x`',
      '%x',
      '"\\x"',
      "'",
      '"',
      '[a, b',
      '{a: 1',
      'a: b: c',
      '- item',
    ];
    return replaceValue(text, random, () => random.pick(values));
  },
};

const structure: Mutation = {
  name: 'structure',
  apply(text, random, context) {
    const lines = text.split('\n');
    const i = random.int(lines.length);
    const j = random.int(lines.length);
    switch (random.int(6)) {
      case 0: // duplicate a line (often a duplicate key)
        lines.splice(i, 0, lines[i]!);
        break;
      case 1: // swap two lines
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        break;
      case 2: // shift a line's indentation
        lines[i] = random.chance(0.5)
          ? ' '.repeat(random.between(1, 4)) + lines[i]!
          : lines[i]!.replace(/^ {1,4}/, '');
        break;
      case 3: {
        // lines of another input
        const donor = random.pick(context.donors).split('\n');
        const from = random.int(donor.length);
        lines.splice(i, 0, ...donor.slice(from, from + random.between(1, 12)));
        break;
      }
      case 4: // comment a line out, or a comment glued to a value
        lines[i] = random.chance(0.5) ? `#${lines[i]!}` : `${lines[i]!}#x`;
        break;
      default: // a whole document of another input
        lines.splice(i, 0, '---', ...random.pick(context.donors).split('\n'), '---');
    }
    return lines.join('\n');
  },
};

const wholeText: Mutation = {
  name: 'whole-text',
  apply(text, random, context) {
    const forms = [
      () => '',
      () => '\n\n  \n',
      () => '---',
      () => '---\n'.repeat(random.pick([10, 1_000])),
      () => '---\n~\n'.repeat(random.pick([10, 1_000])),
      () => `%YAML 1.2\n---\n${text}`,
      () => `%YAML 1.1\n---\n${text}`,
      () => `%TAG !e! tag:example.com,2000:\n---\n${text}`,
      () => `%FOO bar\n${text}`,
      () => `\uFEFF${text}`,
      () =>
        `apiVersion: v1\nkind: List\nitems:\n${documentsOf(text)
          .map((d) => `- ${d.replace(/^---.*\n?/, '').replace(/\n(?=.)/g, '\n  ')}`)
          .join('\n')}`,
      () => `${text}\n---\n${'k: v\n'.repeat(context.large ? 50_000 : 5_000)}`,
      () =>
        `${text}\n---\nmetadata:\n  labels:\n${Array.from({ length: 3_000 }, (_, i) => `    l${i}: v${i}`).join('\n')}\n`,
    ];
    return random.pick(forms)();
  },
};

/** Every mutation, each as likely as the others. */
export const MUTATIONS: readonly Mutation[] = [
  deepBlock,
  deepFlow,
  deepMap,
  aliases,
  repeatDocuments,
  bytes,
  truncate,
  longScalars,
  unicode,
  lineEnds,
  tabs,
  nul,
  separators,
  retype,
  structure,
  wholeText,
];
