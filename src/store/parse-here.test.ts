import { describe, expect, it } from 'vitest';

import { parseBundle, type Bundle } from '../core';
import { createHereParser } from './parse-here';

const documentsOf = (n: number, name = 'vendor') =>
  Array.from(
    { length: n },
    (_, i) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: ${name}-${i}, namespace: team}
spec:
  hosts: [api-${i}.example.com]
  ports: [{number: 443, name: tls, protocol: TLS}]
  resolution: DNS
`,
  ).join('---\n');

const shape = (bundle: Bundle) => ({
  text: bundle.text,
  documents: bundle.documents.map((d) => [d.start, d.end]),
  resources: bundle.resources.map((r) => r.id),
});

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 1));
  expect(done()).toBe(true);
}

describe('the main thread parse of a large text', () => {
  it('hands out a bundle that parses its text only when its documents are read', () => {
    const here = createHereParser();
    const text = documentsOf(30);
    const bundle = here.bundle(text);
    expect(here.bundle(text)).toBe(bundle);
    expect(bundle.text).toBe(text);
    expect(bundle.lines.positionAt(text.length).line).toBe(text.split('\n').length);
    expect(here.isNear(text)).toBe(false);
    expect(shape(bundle)).toEqual(shape(parseBundle(text)));
    expect(here.isNear(text)).toBe(true);
    // Parsed now: the bundle handed out for it from now on is the parse itself.
    expect(here.bundle(text).resources).toBe(bundle.resources);
  });

  it('parses between frames, telling each waiter once, even when parsed at once meanwhile', async () => {
    const here = createHereParser();
    const text = documentsOf(200);
    let told = 0;
    here.expect(text);
    here.parseBetweenFrames(text, () => told++);
    here.parseBetweenFrames(text, () => told++);
    expect(here.isNear(text)).toBe(false);
    here.parse(text);
    await until(() => told === 2);
    here.parseBetweenFrames(text, () => told++);
    expect(told).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(told).toBe(3);

    const other = documentsOf(200, 'other');
    here.parseBetweenFrames(other, () => told++);
    await until(() => here.isNear(other));
    await until(() => told === 4);
    here.dispose();
  });

  it('reads a text typed ahead of an expected one between frames, and tells its waiter', async () => {
    const here = createHereParser();
    const text = documentsOf(100);
    here.expect(text);
    const typed = `# reviewed\n${text}`;
    expect(here.typeAhead(typed, { base: text, range: { start: 0, end: 0, length: 11 } })).toBe(true);
    let told = false;
    here.parseBetweenFrames(typed, () => (told = true));
    await until(() => told);
    expect(here.isNear(typed)).toBe(true);
    expect(shape(here.parse(typed))).toEqual(shape(parseBundle(typed)));
  });

  it('notes keystrokes in an expected text and parses them around the change once it is parsed', () => {
    const here = createHereParser();
    const text = documentsOf(50);
    here.expect(text);
    const at = text.indexOf('api-7.');
    const typed = `${text.slice(0, at)}x${text.slice(at)}`;
    expect(here.typeAhead(typed, { base: text, range: { start: at, end: at, length: 1 } })).toBe(true);
    // Not near: the text it was typed in is not parsed yet.
    expect(here.isNear(typed)).toBe(false);
    here.parse(text);
    expect(here.isNear(typed)).toBe(true);
    expect(shape(here.parse(typed))).toEqual(shape(parseBundle(typed)));
    // A keystroke in a text neither parsed, expected nor typed is not noted.
    expect(here.typeAhead('a: 1\n', { base: 'a:\n', range: { start: 2, end: 2, length: 2 } })).toBe(false);
  });

  it('parses any text typed ahead around its changes, the worker answering one typed meanwhile', () => {
    const here = createHereParser();
    const text = documentsOf(60);
    here.parse(text);
    // Forty keystrokes, each at a document of its own: more than are kept one by one.
    const texts = [text];
    for (let i = 0; i < 40; i++) {
      const before = texts.at(-1)!;
      const at = before.indexOf(`api-${i}.`);
      texts.push(`${before.slice(0, at)}x${before.slice(at)}`);
      expect(here.typeAhead(texts.at(-1)!, { base: before, range: { start: at, end: at, length: 1 } })).toBe(
        true,
      );
    }
    // The oldest ones were let go (their steps made one); the last 31 are each near.
    expect(here.isNear(texts[5]!)).toBe(false);
    expect(texts.slice(10).every((typed) => here.isNear(typed))).toBe(true);
    expect(shape(here.parse(texts[20]!))).toEqual(shape(parseBundle(texts[20]!)));
    // Those typed after it are still ahead of it, and near.
    expect(here.isNear(texts[30]!)).toBe(true);
    expect(here.isNear(texts[15]!)).toBe(false);
    expect(shape(here.parse(texts[40]!))).toEqual(shape(parseBundle(texts[40]!)));
  });
});
