import { describe, expect, it } from 'vitest';

import { LATEST_ISTIO_VERSION, OLDEST_ISTIO_VERSION } from '../core';
import { STORAGE_KEY } from './persistence';
import {
  decodeHistory,
  encodeHistory,
  fingerprintBetweenFrames,
  HISTORY_KEY,
  MAX_SAVED_HISTORY_CHARS,
  MAX_SAVED_STEPS,
} from './saved-history';
import { createStudio, type Studio } from './studio';
import { storageKeeper } from './storage-keeper';
import { limitedStorage, SAMPLE } from './testing';

const storageOf = (quota = Infinity) => limitedStorage(quota);

/** Saves the studio's design as the page going away does, and opens it again as a reload does. */
function reload(studio: Studio, storage: Storage): Studio {
  studio.flush();
  studio.dispose();
  return createStudio({ keeper: storageKeeper(storage), sample: 'unused' });
}

const textOf = (studio: Studio) => studio.store.getState().text;

describe('the undo history across reloads', () => {
  it('undoes and redoes after a reload as before it, release changes included', () => {
    const storage = storageOf();
    const first = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    const edit = (text: string) => first.store.getState().setText(text, 'form');
    edit(SAMPLE.replace('DNS', 'NONE'));
    first.store.getState().setIstioVersion(OLDEST_ISTIO_VERSION);
    edit(SAMPLE.replace('DNS', 'STATIC'));
    edit(SAMPLE.replace('github', 'gitlab'));
    first.store.getState().undo();
    const second = reload(first, storage);
    const { undo, redo } = second.store.getState();
    expect(textOf(second)).toBe(SAMPLE.replace('DNS', 'STATIC'));
    undo();
    expect(textOf(second)).toBe(SAMPLE.replace('DNS', 'NONE'));
    expect(second.store.getState().istioVersion).toBe(OLDEST_ISTIO_VERSION);
    undo();
    expect(second.store.getState().istioVersion).toBe(LATEST_ISTIO_VERSION);
    undo();
    expect(textOf(second)).toBe(SAMPLE);
    undo();
    expect(textOf(second)).toBe(SAMPLE);
    for (let i = 0; i < 4; i++) redo();
    expect(textOf(second)).toBe(SAMPLE.replace('github', 'gitlab'));
    // And again: the history saved by a reloaded studio reloads too.
    const third = reload(second, storage);
    for (let i = 0; i < 4; i++) third.store.getState().undo();
    expect(textOf(third)).toBe(SAMPLE);
  });

  it('opens a step whose release the app no longer supports at the newest', () => {
    const storage = storageOf();
    const first = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    first.store.getState().setIstioVersion(OLDEST_ISTIO_VERSION);
    first.store.getState().setText(`${SAMPLE}# later\n`, 'form');
    first.store.getState().undo();
    first.store.getState().undo();
    first.flush();
    // The release of the step to redo, as an older app saved it.
    const saved = storage.getItem(HISTORY_KEY)!;
    expect(saved).toContain(`"${OLDEST_ISTIO_VERSION}"`);
    storage.setItem(HISTORY_KEY, saved.replace(`"${OLDEST_ISTIO_VERSION}"`, '"1.2"'));
    const second = createStudio({ keeper: storageKeeper(storage), sample: 'unused' });
    second.store.getState().redo();
    expect(second.store.getState().istioVersion).toBe(LATEST_ISTIO_VERSION);
    second.store.getState().redo();
    expect(textOf(second)).toBe(`${SAMPLE}# later\n`);
  });

  it(`keeps the last ${MAX_SAVED_STEPS} steps`, () => {
    const storage = storageOf();
    const first = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    for (let i = 1; i <= 150; i++) first.store.getState().setText(`${SAMPLE}# step ${i}\n`, 'form');
    const second = reload(first, storage);
    expect(second.store.temporal.getState().pastStates).toHaveLength(MAX_SAVED_STEPS);
    for (let i = 0; i < MAX_SAVED_STEPS; i++) second.store.getState().undo();
    expect(textOf(second)).toBe(`${SAMPLE}# step 50\n`);
  });

  it('saves steps, not copies of the design, and stops at its size bound', () => {
    const storage = storageOf();
    const big = `${SAMPLE}# ${'x'.repeat(200_000)}\n`;
    const first = createStudio({ keeper: storageKeeper(storage), sample: big });
    for (let i = 1; i <= 20; i++) first.store.getState().setText(`${big}# step ${i}\n`, 'form');
    first.flush();
    // Twenty steps of a 200 kB design: a few hundred characters.
    expect(storage.getItem(HISTORY_KEY)!.length).toBeLessThan(2_000);
    const noise = (i: number) => `# ${String(i).repeat(60_000)}\n`;
    for (let i = 1; i <= 30; i++) first.store.getState().setText(`${SAMPLE}${noise(i)}`, 'form');
    const second = reload(first, storage);
    expect(storage.getItem(HISTORY_KEY)!.length).toBeLessThanOrEqual(MAX_SAVED_HISTORY_CHARS + 1_000);
    const steps = second.store.temporal.getState().pastStates.length;
    expect(steps).toBeGreaterThan(5);
    expect(steps).toBeLessThan(50);
    second.store.getState().undo();
    expect(textOf(second)).toBe(`${SAMPLE}${noise(29)}`);
  });

  it('is left out when storage is full, and never costs the design its place', () => {
    const storage = storageOf(45_000);
    const first = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    // Each step replaces 10,000 characters: the design and two steps fit, not four.
    const step = (i: number) => `${SAMPLE}# ${String(i).repeat(10_000)}\n`;
    for (let i = 1; i <= 5; i++) first.store.getState().setText(step(i), 'form');
    const second = reload(first, storage);
    expect(first.store.getState().notice).toBeUndefined();
    expect(textOf(second)).toBe(step(5));
    expect(second.store.temporal.getState().pastStates).toHaveLength(2);
    second.store.getState().undo();
    expect(textOf(second)).toBe(step(4));
    // When even the design alone does not fit, the user is told, as before.
    first.store.getState().setText(`${SAMPLE}# ${'z'.repeat(50_000)}\n`, 'form');
    first.flush();
    expect(first.store.getState().notice).toMatch(/Autosave failed/);
    expect(storage.getItem(HISTORY_KEY)).toBeNull();
  });

  it('is not used for another design, nor when it is damaged', () => {
    const storage = storageOf();
    const first = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    first.store.getState().setText(`${SAMPLE}# mine\n`, 'form');
    first.flush();
    first.dispose();
    // Another tab saved another design over it.
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, text: 'kind: Namespace\n', positions: {} }));
    expect(
      createStudio({ keeper: storageKeeper(storage), sample: SAMPLE }).store.temporal.getState().pastStates,
    ).toEqual([]);
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, text: `${SAMPLE}# mine\n`, positions: {} }));
    storage.setItem(HISTORY_KEY, '{"version":1,"head":');
    const damaged = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    expect(damaged.store.temporal.getState().pastStates).toEqual([]);
    expect(damaged.store.getState().notice).toBeUndefined();
  });

  it('is not given to a presented design, which saves nothing', () => {
    const storage = storageOf();
    const own = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    own.store.getState().setText(`${SAMPLE}# mine\n`, 'form');
    own.flush();
    const saved = storage.getItem(HISTORY_KEY);
    const shared = createStudio({
      keeper: storageKeeper(storage),
      sample: SAMPLE,
      design: { text: `${SAMPLE}# mine\n`, positions: {}, selection: undefined },
      readOnly: true,
    });
    expect(shared.store.temporal.getState().pastStates).toEqual([]);
    shared.flush();
    expect(storage.getItem(HISTORY_KEY)).toBe(saved);
  });
});

describe('the last good state across reloads', () => {
  it('shows the same last good graph after a reload while the text does not parse', () => {
    const storage = storageOf();
    const first = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    // The views derive each text they show: the sample, then the broken text.
    first.derived.of(SAMPLE, LATEST_ISTIO_VERSION);
    const broken = SAMPLE.replace('  resolution: DNS', '  resolution: [DNS');
    first.store.getState().setText(broken, 'editor');
    const before = first.derived.of(broken, LATEST_ISTIO_VERSION);
    expect(before.blocked).toBeDefined();
    expect(before.lastGood.graph.nodes.map((n) => n.id)).toContain('external:api.github.com');
    const second = reload(first, storage);
    expect(textOf(second)).toBe(broken);
    const after = second.derived.of(broken, LATEST_ISTIO_VERSION);
    expect(after.blocked).toEqual(before.blocked);
    expect(after.lastGood.bundle.text).toBe(SAMPLE);
    expect(after.lastGood.graph.nodes.map((n) => n.id)).toEqual(before.lastGood.graph.nodes.map((n) => n.id));
    // Once the text parses again, nothing of it is saved any more.
    second.store.getState().setText(SAMPLE.replace('DNS', 'NONE'), 'editor');
    second.flush();
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).not.toHaveProperty('lastGood');
  });
});

describe('the fingerprint of a large design', () => {
  it('is worked out a slice at a time, and is the one its saved history is checked against', async () => {
    const large = { text: `${SAMPLE}# ${'x'.repeat(300_000)}\n`, istioVersion: LATEST_ISTIO_VERSION };
    let slices = 0;
    await fingerprintBetweenFrames(large, (slice) => {
      slices++;
      slice();
    });
    expect(slices).toBeGreaterThan(5);
    // Fresh, in one pass: the same fingerprint (another state first, so nothing is reused).
    const other = { text: SAMPLE, istioVersion: LATEST_ISTIO_VERSION };
    encodeHistory(other, { past: [], future: [] });
    const saved = encodeHistory(large, { past: [other], future: [] });
    expect(decodeHistory(saved, large).past).toHaveLength(1);
    // Sliced again (after another state), then taken from there: the same.
    encodeHistory(other, { past: [], future: [] });
    slices = 0;
    await fingerprintBetweenFrames(large, (slice) => {
      slices++;
      slice();
    });
    expect(slices).toBeGreaterThan(5);
    expect(encodeHistory(large, { past: [other], future: [] }).head).toBe(saved.head);
    expect(decodeHistory(saved, { ...large, text: `${large.text} ` }).past).toHaveLength(0);
  });
});
