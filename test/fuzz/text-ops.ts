// Places in a YAML text that mutations aim at: line starts, values after `key: `, documents.
import { splitDocuments } from '../../src/core/bundle';
import type { Random } from './random';

/** The offsets at which the lines of `text` start. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A random line of `text`: its start, its end (before the newline) and its indentation. */
export function randomLine(text: string, random: Random): { start: number; end: number; indent: string } {
  const start = random.pick(lineStarts(text));
  const newline = text.indexOf('\n', start);
  const end = newline === -1 ? text.length : newline;
  const indent = /^[ \t]*/.exec(text.slice(start, end))![0];
  return { start, end, indent };
}

/** A value written after `key: ` on its line: where it starts and ends, and the key's indentation. */
export interface ValueSite {
  start: number;
  end: number;
  indent: number;
  key: string;
}

/** Every `key: value` (or bare `key:`) line of `text`, with where its value sits. */
export function valueSites(text: string): ValueSite[] {
  const sites: ValueSite[] = [];
  const pattern = /^( *)(?:- )?([\w.\-/]+):( ?)(.*)$/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const [whole, indent, key, , value] = match;
    const start = match.index + whole.length - value!.length;
    sites.push({ start, end: start + value!.length, indent: indent!.length, key: key! });
  }
  return sites;
}

/** A random value site, or undefined when the text has none. */
export function randomValue(text: string, random: Random): ValueSite | undefined {
  const sites = valueSites(text);
  return sites.length === 0 ? undefined : random.pick(sites);
}

/** `text` with `[start, end)` replaced by `insert`. */
export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** A value replaced by `value` (inline), or `value` added as a new key at a line start. */
export function replaceValue(text: string, random: Random, value: (site: ValueSite) => string): string {
  const site = randomValue(text, random);
  if (!site)
    return `${text}\nfuzz: ${value({ start: text.length, end: text.length, indent: 0, key: 'fuzz' })}\n`;
  // A bare `key:` owns the indented lines under it: replace those too, so the new value stands alone.
  let end = site.end;
  if (site.start === site.end) {
    const after = text.slice(end);
    const block = new RegExp(`^(?:\\n(?: {${site.indent + 1},}.*|\\s*))*`).exec(after)![0];
    end += block.length;
  }
  const prefix = text[site.start - 1] === ':' ? ' ' : '';
  return splice(text, site.start, end, prefix + value(site));
}

/** The documents of `text` as chunks (each with its own `---`, if any). */
export function documentsOf(text: string): string[] {
  return splitDocuments(text).map((c) => c.text);
}

/** A random offset in `text` (its length included). */
export function randomOffset(text: string, random: Random): number {
  return random.int(text.length + 1);
}
