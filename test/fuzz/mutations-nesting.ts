/**
 * Mutations that nest, alias and repeat: lists and maps nested around the reader's bound and far
 * past it, anchors and aliases (billion laughs, self-reference, merge keys), documents repeated.
 */
import type { Mutation, MutationContext } from './mutation';
import type { Random } from './random';
import { documentsOf, randomLine, randomOffset, randomValue, replaceValue, splice } from './text-ops';

// Depths around the reader's nesting bound (MAX_NESTING = 100) and far past it.
const DEPTHS = [2, 10, 49, 50, 97, 98, 99, 100, 101, 102, 103, 150, 400];
const LARGE_DEPTHS = [2_000, 10_000];

function depth(random: Random, context: MutationContext): number {
  return context.large && random.chance(0.1) ? random.pick(LARGE_DEPTHS) : random.pick(DEPTHS);
}

/** The most text a repetition makes. */
const REPEATED_CHARS = 1_000_000;

/** `open`s then `close`s, `n` each: `[[[x]]]`. */
function nested(n: number, open: string, close: string, inner = 'x'): string {
  return open.repeat(n) + inner + close.repeat(n);
}

export const deepBlock: Mutation = {
  name: 'deep-block-sequence',
  apply(text, random, context) {
    const n = depth(random, context);
    const shape = random.int(3);
    if (shape === 0) {
      // `- - - - x` on one line, as a value or a new top-level key.
      return replaceValue(text, random, () => `\n${'- '.repeat(n)}x`);
    }
    if (shape === 1) {
      // One item per line, each indented under the last.
      const lines = Array.from({ length: Math.min(n, 600) }, (_, i) => `${' '.repeat(i * 2)}- `);
      return replaceValue(text, random, () => `\n${lines.join('\n')}x`);
    }
    const { start } = randomLine(text, random);
    return splice(text, start, start, `${'- '.repeat(n)}x\n`);
  },
};

export const deepFlow: Mutation = {
  name: 'deep-flow',
  apply(text, random, context) {
    const n = depth(random, context);
    const forms = [
      () => nested(n, '[', ']'),
      () => nested(n, '{a: ', '}'),
      () => nested(n, '[{k: ', '}]'),
      () => '['.repeat(n), // never closed
      () => nested(n, '[', '}'),
      () => nested(n, '[', ']').slice(0, -1 - random.int(n)),
      () => `${nested(n, '[', ']')}${']'.repeat(random.between(1, 5))}`,
    ];
    const value = random.pick(forms)();
    if (random.chance(0.7)) return replaceValue(text, random, () => value);
    const at = randomOffset(text, random);
    return splice(text, at, at, value);
  },
};

export const deepMap: Mutation = {
  name: 'deep-block-map',
  apply(text, random, context) {
    const n = Math.min(depth(random, context), 800);
    const step = random.pick([1, 2]);
    const lines = Array.from({ length: n }, (_, i) => `${' '.repeat((i + 1) * step)}k${i}:`);
    return replaceValue(text, random, () => `\n${lines.join('\n')} leaf`);
  },
};

/** Billion laughs: each level lists the previous one `width` times. */
function aliasBomb(levels: number, width: number, flow: boolean): string {
  const lines = [`l0: &l0 ${flow ? '["lol"]' : 'lol'}`];
  for (let level = 1; level < levels; level++) {
    const items = Array.from({ length: width }, () => `*l${level - 1}`);
    lines.push(`l${level}: &l${level} [${items.join(', ')}]`);
  }
  return lines.join('\n');
}

export const aliases: Mutation = {
  name: 'aliases',
  apply(text, random) {
    const forms = [
      // A bomb as its own document, as data of a ConfigMap, or inside a spec.
      () => `${text}\n---\n${aliasBomb(random.between(3, 12), random.between(2, 10), random.chance(0.5))}\n`,
      () =>
        `${text}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${aliasBomb(random.between(3, 10), random.between(2, 10), false).replace(/^/gm, '  ')}\n`,
      () => replaceValue(text, random, () => `&a [*a]`),
      () => replaceValue(text, random, () => `*undefined-anchor`),
      () => replaceValue(text, random, () => `*.example.com`),
      () =>
        replaceValue(
          text,
          random,
          (site) =>
            `&deep ${nested(95, '[', ']')}\n${' '.repeat(site.indent)}again: ${nested(95, '[', ']', '*deep')}`,
        ),
      () =>
        replaceValue(
          text,
          random,
          (site) =>
            `&m {a: 1}\n${' '.repeat(site.indent)}<<: ${random.pick(['*m', '[*m, *m]', '1', '[1]', '*nope', '{b: 2}'])}`,
        ),
      () => replaceValue(text, random, () => `{*a : 1}`),
      () => {
        // An anchor on one value and an alias to it on another, in either order.
        const first = randomValue(text, random);
        if (!first || first.start === first.end) return text;
        const anchored = splice(text, first.start, first.start, '&fz ');
        return replaceValue(anchored, random, () => '*fz');
      },
    ];
    return random.pick(forms)();
  },
};

export const repeatDocuments: Mutation = {
  name: 'repeat-documents',
  apply(text, random, context) {
    const drawn = random.pick(context.large ? [2, 10, 100, 500, 2_000] : [2, 10, 50, 200]);
    // At most about a megabyte: past that, a linear derivation outgrows the hang bound by itself.
    const count = (unit: string, wanted: number) =>
      Math.max(2, Math.min(wanted, Math.floor(REPEATED_CHARS / (unit.length + 1))));
    if (random.chance(0.5)) {
      const joined = text.endsWith('\n') ? text : `${text}\n`;
      return Array.from({ length: count(joined, Math.ceil(drawn / 10)) }, () => joined).join('---\n');
    }
    const documents = documentsOf(text);
    const index = random.int(documents.length);
    const document = documents[index]!;
    const body = document.startsWith('---') ? document : `---\n${document}`;
    const repeated = Array.from({ length: count(body, drawn) }, () =>
      body.endsWith('\n') ? body : `${body}\n`,
    ).join('');
    documents.splice(index, 1, document.startsWith('---') ? repeated : repeated.slice(4));
    return documents.join('');
  },
};
