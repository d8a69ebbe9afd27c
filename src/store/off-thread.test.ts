import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

import { realisticDesign } from '../templates/realistic';
import {
  deriveOnce,
  LATEST_ISTIO_VERSION,
  parseBundle,
  roleAndLabel,
  type Bundle,
  type Diagnostic,
  type TextChange,
} from '../core';
import { createAnswerReader, type DiagnosticsDelta } from './answer-delta';
import { createDerived } from './derived';
import { createOffThread, OFF_THREAD_CHARS, type OffThread } from './off-thread';
import {
  createAnswerer,
  DRAWN_AHEAD_DOCUMENTS,
  editRequest,
  requestFromEdit,
  type DeriveAnswer,
  type DeriveRequest,
  type DrawnAnswer,
  type EditRequest,
  type WorkerRequest,
} from './off-thread-answer';

const LARGE = realisticDesign(600);
// One derivation of it on this thread, to compare with (each takes seconds).
let fresh: ReturnType<typeof deriveOnce> | undefined;
const freshLarge = () => (fresh ??= deriveOnce(LARGE));

/**
 * The worker's own answering function run in this process, answering when the test says: what
 * the worker does, minus the thread (the e2e tests run the real worker in Chromium).
 */
function inProcessWorker() {
  const answer = createAnswerer();
  type Asked = {
    request: DeriveRequest;
    onAnswer: (a: DeriveAnswer) => void;
    onDrawn?: ((drawn: DrawnAnswer) => void) | undefined;
  };
  const queue: Asked[] = [];
  const worker: OffThread & { answerAll(): void; asked: number } = {
    asked: 0,
    derive(request, onAnswer, onDrawn) {
      worker.asked++;
      queue.push({ request, onAnswer, onDrawn });
    },
    answerAll() {
      // Structured clone, as postMessage does: nothing but plain data crosses.
      for (const { request, onAnswer, onDrawn } of queue.splice(0))
        onAnswer(
          structuredClone(answer(structuredClone(request), (drawn) => onDrawn?.(structuredClone(drawn)))),
        );
    },
    warmUp() {},
    dispose() {},
  };
  return worker;
}

/**
 * A worker whose two messages for the last request, the graph sent ahead and the findings, are
 * delivered when the test says (as postMessage does: structured clones).
 */
function steppedWorker() {
  const answer = createAnswerer();
  let drawnMessage: (() => void) | undefined;
  let answerMessage: (() => void) | undefined;
  const worker: OffThread = {
    derive(request, onAnswer, onDrawn) {
      const checked = answer(request, (drawn) => (drawnMessage = () => onDrawn?.(structuredClone(drawn))));
      answerMessage = () => onAnswer(structuredClone(checked));
    },
    warmUp() {},
    dispose() {},
  };
  return { worker, deliverDrawn: () => drawnMessage!(), deliverAnswer: () => answerMessage!() };
}

/**
 * Waits for `done`: a landing waits for this thread's parse of its text, between frames, when the
 * answer comes before that parse is through.
 */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited++) {
    if (waited > 2000) throw new Error('it did not happen');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('derivation off the main thread', () => {
  it('answers with what a derivation on this thread gives, the graph as shown', () => {
    const answer = createAnswerer()({ text: LARGE, istioVersion: LATEST_ISTIO_VERSION, expanded: [] });
    expect(answer.diagnostics).toEqual(freshLarge().diagnostics);
    expect(answer.drawn!.graph!.nodes.length).toBeLessThan(20);
    expect(answer.drawn!.graph!.nodes.map(roleAndLabel)).toContain('External services (600): example.com');
    expect(structuredClone(answer)).toEqual(answer);
  });

  it('sends a graph once: an edit that leaves it as it was lands the graph shown before', () => {
    const answer = createAnswerer();
    const request = (text: string): DeriveRequest => ({
      text,
      istioVersion: LATEST_ISTIO_VERSION,
      expanded: [],
    });
    const first = answer(request(LARGE));
    const commented = `${LARGE}# a note\n`;
    const unchanged = answer(request(commented));
    expect(unchanged.drawn).toEqual({ unmodelled: first.drawn!.unmodelled });
    // A host of its own (not under example.com) is a node of its own: the graph is sent again.
    const added = `${commented}---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: added, namespace: team-0}\nspec:\n  hosts: [api.added.io]\n  ports: [{number: 443, name: tls, protocol: TLS}]\n  resolution: DNS\n`;
    const changed = answer(request(added)).drawn!.graph!;
    expect(changed.nodes.map(roleAndLabel)).toContain('External service: api.added.io');
    // Read in the order sent, each answer stands for its whole graph.
    const read = createAnswerReader();
    expect(read.graph(first.drawn!.graph)).toBe(first.drawn!.graph);
    expect(read.graph(unchanged.drawn!.graph)).toBe(first.drawn!.graph);
    expect(read.graph(changed)).toBe(changed);
  });

  it("sends an edit's findings as those before, moved, with what changed; read in order, they are whole", () => {
    const answer = createAnswerer();
    const read = createAnswerReader();
    const ask = (request: DeriveRequest | EditRequest) => structuredClone(answer(request));
    let text = LARGE;
    const first = ask({ text, istioVersion: LATEST_ISTIO_VERSION, expanded: [] });
    expect(Array.isArray(first.diagnostics)).toBe(true);
    read.diagnostics(first.diagnostics);
    // Keystrokes at the top, in the middle (a port made out of range: a finding of its own) and at
    // the end, a block cut; then a group opened (the same text again).
    const edits: { at: (text: string) => number; upTo?: (text: string) => number; inserted: string }[] = [
      { at: () => 0, inserted: '# edited\n' },
      { at: (t) => t.indexOf('number: 443') + 'number: '.length, inserted: '99' },
      { at: (t) => t.indexOf('vendor-300'), inserted: 'x' },
      { at: (t) => t.length, inserted: '# end\n' },
      // A block of documents cut: their findings go, those after it are kept.
      {
        at: (t) => t.lastIndexOf('---', t.indexOf('name: vendor-100,')),
        upTo: (t) => t.lastIndexOf('---', t.indexOf('name: vendor-140,')),
        inserted: '',
      },
    ];
    let sizes = 0;
    for (const { at, upTo, inserted } of edits) {
      const start = at(text);
      const end = upTo?.(text) ?? start;
      const next = `${text.slice(0, start)}${inserted}${text.slice(end)}`;
      const got = ask({
        edit: { start, end, inserted },
        istioVersion: LATEST_ISTIO_VERSION,
        expanded: [],
      });
      expect(Array.isArray(got.diagnostics)).toBe(false);
      const delta = got.diagnostics as DiagnosticsDelta;
      // The port made out of range has an error of its own, sent whole.
      const own = delta.parts.filter((part): part is Diagnostic => !Array.isArray(part));
      expect(own.some((d) => d.severity === 'error')).toBe(inserted === '99');
      sizes += JSON.stringify(delta).length;
      expect(read.diagnostics(got.diagnostics)).toEqual(deriveOnce(next).diagnostics);
      text = next;
    }
    // A few hundred bytes an edit, not the findings again (hundreds of kilobytes).
    expect(sizes).toBeLessThan(JSON.stringify(first.diagnostics).length / 20);
    const again = ask({ text, istioVersion: LATEST_ISTIO_VERSION, expanded: ['hosts:example.com'] });
    expect(read.diagnostics(again.diagnostics)).toEqual(deriveOnce(text).diagnostics);
  });

  it('rebuilds the findings of any sequence of keystrokes exactly from the deltas sent', () => {
    const base = realisticDesign(60, 6);
    let sent = 0;
    let whole = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat(),
            removed: fc.nat({ max: 3 }),
            inserted: fc.constantFrom('', 'x', ':', '\n', ' - ', '9'),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (keys) => {
          const answer = createAnswerer();
          const read = createAnswerReader();
          let text = base;
          read.diagnostics(
            structuredClone(answer({ text, istioVersion: LATEST_ISTIO_VERSION, expanded: [] })).diagnostics,
          );
          for (const { at, removed, inserted } of keys) {
            const start = at % (text.length + 1);
            const end = Math.min(text.length, start + removed);
            text = `${text.slice(0, start)}${inserted}${text.slice(end)}`;
            const got = structuredClone(
              answer({ edit: { start, end, inserted }, istioVersion: LATEST_ISTIO_VERSION, expanded: [] }),
            );
            const fresh = deriveOnce(text).diagnostics;
            expect(read.diagnostics(got.diagnostics)).toEqual(fresh);
            sent += JSON.stringify(got.diagnostics).length;
            whole += JSON.stringify(fresh).length;
          }
        },
      ),
      { numRuns: 25, seed: 17 },
    );
    // Keystrokes keep most findings: what is sent is a small part of them.
    expect(sent).toBeLessThan(whole / 4);
  });

  it('keeps small texts on this thread, and shows a large one once its derivation lands', async () => {
    expect(LARGE.length).toBeGreaterThan(OFF_THREAD_CHARS);
    const worker = inProcessWorker();
    let landings = 0;
    const derived = createDerived({ offThread: () => worker, onLanded: () => landings++ });
    const small = derived.of('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n', LATEST_ISTIO_VERSION);
    expect(small.pending).toBeUndefined();
    expect(worker.asked).toBe(0);

    const waiting = derived.of(LARGE, LATEST_ISTIO_VERSION);
    expect(waiting.pending).toBe(true);
    // Until it lands, the views show what they showed before (the design before a paste).
    expect(waiting.current).toBe(small.current);
    // Asked once, however often the views read it meanwhile.
    expect(derived.of(LARGE, LATEST_ISTIO_VERSION)).toBe(waiting);
    expect(worker.asked).toBe(1);
    // Edits are made against the text itself, parsed here at once.
    expect(derived.bundleOf(LARGE, LATEST_ISTIO_VERSION).resources).toHaveLength(
      freshLarge().bundle.resources.length,
    );

    worker.answerAll();
    // Its graph first, then its findings: a new design this large is sent in two.
    expect(landings).toBe(2);
    const view = derived.of(LARGE, LATEST_ISTIO_VERSION);
    expect(view.pending).toBeUndefined();
    expect(view.current.diagnostics).toEqual(freshLarge().diagnostics);
    expect(view.current.bundle.text).toBe(LARGE);
    expect(view.current.unmodelled.map((r) => r.id)).toEqual(freshLarge().unmodelled.map((r) => r.id));

    // An edit: the last view stays up, marked pending, until the new one lands.
    const edited = LARGE.replace('name: vendor-7,', 'name: vendor-seven,');
    const stale = derived.of(edited, LATEST_ISTIO_VERSION);
    expect(stale.pending).toBe(true);
    expect(stale.current).toBe(view.current);
    worker.answerAll();
    // An edit is answered once, graph and findings together. Given without where it changed, it
    // is a new text to this thread: the views read it once it is parsed here, between tasks.
    expect(landings).toBe(3);
    const reading = derived.of(edited, LATEST_ISTIO_VERSION);
    expect(reading.pending).toBeUndefined();
    expect(reading.reading).toBe(true);
    expect(reading.current.unmodelled).toEqual([]);
    await until(() => landings === 4);
    const after = derived.of(edited, LATEST_ISTIO_VERSION);
    expect(after.reading).toBeUndefined();
    expect(after.current.graph).toBe(reading.current.graph);
    expect(after.current.unmodelled.map((r) => r.id)).toEqual(deriveOnce(edited).unmodelled.map((r) => r.id));
    expect(after.current.bundle.text).toBe(edited);
    expect(after.current.diagnostics).toEqual(deriveOnce(edited).diagnostics);

    // Opening a group asks again for the same text; the answer shows the group open.
    expect(derived.of(edited, LATEST_ISTIO_VERSION, undefined, ['hosts:example.com']).pending).toBe(true);
    worker.answerAll();
    const open = derived.of(edited, LATEST_ISTIO_VERSION, undefined, ['hosts:example.com']);
    expect(open.current.graph.nodes.filter((n) => n.group).length).toBeGreaterThan(20);
  });

  it('parses keystrokes only when a landing or an edit needs them, each text exactly', async () => {
    const worker = inProcessWorker();
    const derived = createDerived({ offThread: () => worker });
    const shape = (bundle: Bundle) => ({
      text: bundle.text,
      documents: bundle.documents.map((d) => [d.id, d.start, d.end]),
      resources: bundle.resources.map((r) => [r.id, r.document.start]),
    });
    let text = LARGE;
    derived.of(text, LATEST_ISTIO_VERSION);
    worker.answerAll();
    await until(() => !derived.of(text, LATEST_ISTIO_VERSION).pending);
    // Keystrokes at the top, in the middle and at the end, a new document among them, with
    // landings of texts typed before the newest in between.
    const middle = LARGE.indexOf('\n---\n', LARGE.length / 2) + 1;
    const keys: [number, string][] = [
      [0, '#'],
      [1, ' x'],
      [middle + 4, 'y'],
      [middle, '---\napiVersion: v1\nkind: Namespace\n'],
      [text.length, '\n# end'],
    ];
    for (const [i, [at, typed]] of keys.entries()) {
      const base = text;
      const offset = Math.min(at, base.length);
      text = base.slice(0, offset) + typed + base.slice(offset);
      const change: { base: string; range: TextChange } = {
        base,
        range: { start: offset, end: offset, length: typed.length },
      };
      derived.of(text, LATEST_ISTIO_VERSION, change);
      if (i === 2) {
        worker.answerAll();
        await until(() => !derived.of(text, LATEST_ISTIO_VERSION, change).pending);
        const landedText = derived.of(text, LATEST_ISTIO_VERSION, change);
        expect(shape(landedText.current.bundle)).toEqual(shape(parseBundle(text)));
      }
    }
    expect(shape(derived.bundleOf(text, LATEST_ISTIO_VERSION))).toEqual(shape(parseBundle(text)));
    worker.answerAll();
    await until(() => !derived.of(text, LATEST_ISTIO_VERSION).pending);
    expect(shape(derived.of(text, LATEST_ISTIO_VERSION).current.bundle)).toEqual(shape(parseBundle(text)));
  });

  it('shows a large new design’s graph ahead of its findings, still pending, then both', async () => {
    expect(freshLarge().bundle.documents.length).toBeGreaterThan(DRAWN_AHEAD_DOCUMENTS);
    const { worker, deliverDrawn, deliverAnswer } = steppedWorker();
    let landings = 0;
    const derived = createDerived({ offThread: () => worker, onLanded: () => landings++ });
    expect(derived.of(LARGE, LATEST_ISTIO_VERSION).pending).toBe(true);
    deliverDrawn();
    await until(() => landings === 1);
    const drawn = derived.of(LARGE, LATEST_ISTIO_VERSION);
    expect(drawn.pending).toBe(true);
    expect(drawn.unchecked).toBe(true);
    expect(drawn.current.bundle.text).toBe(LARGE);
    expect(drawn.current.graph.nodes.map(roleAndLabel)).toContain('External services (600): example.com');
    expect(drawn.current.diagnostics).toEqual([]);
    deliverAnswer();
    await until(() => landings === 2);
    const checked = derived.of(LARGE, LATEST_ISTIO_VERSION);
    expect(checked.pending).toBeUndefined();
    expect(checked.unchecked).toBeUndefined();
    // The same graph, not drawn again: the canvas has nothing to redraw.
    expect(checked.current.graph).toBe(drawn.current.graph);
    expect(checked.current.diagnostics).toEqual(freshLarge().diagnostics);
    expect(checked.previous?.current.bundle.text).not.toBe(LARGE);
  });

  it('lands the findings after the graph sent ahead, even when they arrive while its landing waits', async () => {
    const { worker, deliverDrawn, deliverAnswer } = steppedWorker();
    const derived = createDerived({ offThread: () => worker });
    derived.of(LARGE, LATEST_ISTIO_VERSION);
    // The graph arrives while this thread still parses the text: its landing waits for the parse.
    deliverDrawn();
    // An edit needs the text at once: the parse ends, and the waiting landing is queued.
    derived.bundleOf(LARGE, LATEST_ISTIO_VERSION);
    // The findings arrive before that queued landing has run.
    deliverAnswer();
    await until(() => !derived.of(LARGE, LATEST_ISTIO_VERSION).pending);
    const view = derived.of(LARGE, LATEST_ISTIO_VERSION);
    expect(view.unchecked).toBeUndefined();
    expect(view.current.diagnostics).toEqual(freshLarge().diagnostics);
    // And it stays so once everything queued has run.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(derived.of(LARGE, LATEST_ISTIO_VERSION).pending).toBeUndefined();
  });

  it("lands a new design's graph before this thread parses it, and reads it between frames after", async () => {
    const worker = inProcessWorker();
    let landings = 0;
    const derived = createDerived({ offThread: () => worker, onLanded: () => landings++ });
    derived.of(LARGE, LATEST_ISTIO_VERSION);
    worker.answerAll();
    expect(landings).toBe(2);
    const landed = derived.of(LARGE, LATEST_ISTIO_VERSION);
    expect(landed.reading).toBe(true);
    expect(landed.current.graph.nodes.length).toBeGreaterThan(0);
    expect(landed.current.diagnostics).toEqual(freshLarge().diagnostics);
    // Its text and lines are there at once; its resources are not listed until read.
    expect(landed.current.bundle.text).toBe(LARGE);
    expect(landed.current.bundle.lines.positionAt(LARGE.length).line).toBe(LARGE.split('\n').length);
    expect(landed.current.unmodelled).toEqual([]);
    await until(() => landings === 3);
    const read = derived.of(LARGE, LATEST_ISTIO_VERSION);
    expect(read.reading).toBeUndefined();
    expect(read.current.graph).toBe(landed.current.graph);
    expect(read.current.unmodelled.map((r) => r.id)).toEqual(freshLarge().unmodelled.map((r) => r.id));
    // What the views read meanwhile is that same parse: a bundle read early parses it at once.
    expect(landed.current.bundle.resources.map((r) => r.id)).toEqual(
      freshLarge().bundle.resources.map((r) => r.id),
    );
    expect(landed.current.bundle.resources).toBe(read.current.bundle.resources);
  });

  it("shows a form edit's own findings at once, pending until the worker's land; typing waits for them", async () => {
    const worker = inProcessWorker();
    const derived = createDerived({ offThread: () => worker });
    derived.of(LARGE, LATEST_ISTIO_VERSION);
    worker.answerAll();
    await until(() => !derived.of(LARGE, LATEST_ISTIO_VERSION).reading);
    // The store edits the text it parsed (see Studio.editResource).
    derived.bundleOf(LARGE, LATEST_ISTIO_VERSION);
    const at = LARGE.indexOf('resolution: DNS') + 'resolution: '.length;
    const edited = `${LARGE.slice(0, at)}DYNAMIC_DNS${LARGE.slice(at + 3)}`;
    const change = { base: LARGE, range: { start: at, end: at + 3, length: 11 }, checkNow: true };
    const view = derived.of(edited, LATEST_ISTIO_VERSION, change);
    expect(view.pending).toBe(true);
    expect(view.current.bundle.text).toBe(edited);
    const own = view.current.diagnostics.filter((d) => d.severity === 'error');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((d) => d.range.start >= at - 200 && d.range.start < at + 200)).toBe(true);
    expect(derived.of(edited, LATEST_ISTIO_VERSION, change)).toBe(view);
    worker.answerAll();
    const landed = derived.of(edited, LATEST_ISTIO_VERSION, change);
    expect(landed.pending).toBeUndefined();
    expect(landed.current.diagnostics).toEqual(deriveOnce(edited).diagnostics);
    for (const d of own) expect(landed.current.diagnostics).toContainEqual(d);

    // A keystroke is not parsed here: the view stays the last one landed until the worker's lands.
    const typed = `${edited.slice(0, at)}x${edited.slice(at)}`;
    const typing = derived.of(typed, LATEST_ISTIO_VERSION, {
      base: edited,
      range: { start: at, end: at, length: 1 },
    });
    expect(typing.pending).toBe(true);
    expect(typing.current.bundle.text).toBe(edited);
  });

  it('marks the views of the design left as such until the new one lands, not those of an edit', async () => {
    const worker = inProcessWorker();
    let landings = 0;
    const derived = createDerived({ offThread: () => worker, onLanded: () => landings++ });
    derived.of(LARGE, LATEST_ISTIO_VERSION);
    worker.answerAll();
    await until(() => !derived.of(LARGE, LATEST_ISTIO_VERSION).pending);
    // An edit of the design shown: pending, but still this design.
    const edited = `# reviewed\n${LARGE}`;
    const editing = derived.of(edited, LATEST_ISTIO_VERSION, {
      base: LARGE,
      range: { start: 0, end: 0, length: '# reviewed\n'.length },
    });
    expect(editing.pending).toBe(true);
    expect(editing.replacing).toBeUndefined();
    worker.answerAll();
    await until(() => !derived.of(edited, LATEST_ISTIO_VERSION).pending);

    // Another design pasted over it, then typed in before anything of it lands: the one left.
    const other = realisticDesign(500);
    expect(derived.of(other, LATEST_ISTIO_VERSION).replacing).toBe(true);
    const typed = `#${other}`;
    const typing = derived.of(typed, LATEST_ISTIO_VERSION, {
      base: other,
      range: { start: 0, end: 0, length: 1 },
    });
    expect(typing.replacing).toBe(true);
    expect(typing.current.bundle.text).toBe(edited);
    // Once the pasted design lands, the view of the text typed since is pending on it, not on the one left.
    const before = landings;
    worker.answerAll();
    await until(() => landings > before && !derived.of(typed, LATEST_ISTIO_VERSION).replacing);
    expect(derived.of(typed, LATEST_ISTIO_VERSION).current.bundle.text).not.toBe(edited);
  });

  it('sends each text as an edit of the one sent before, which stands for exactly that text', () => {
    const base = realisticDesign(30);
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(200), fc.string({ maxLength: 40 }), (at, removed, typed) => {
        const text = base.slice(0, at) + typed + base.slice(at + removed);
        const request: DeriveRequest = { text, istioVersion: LATEST_ISTIO_VERSION, expanded: ['hosts:x'] };
        const sent = editRequest(base, request);
        // A keystroke's worth of text, not the design.
        expect(sent.edit.inserted.length).toBeLessThanOrEqual(typed.length);
        const received = requestFromEdit(base, structuredClone(sent));
        expect(received.text).toBe(text);
        expect(received.expanded).toEqual(['hosts:x']);
        const { start, end, length } = received.change!.range;
        expect(received.change!.base).toBe(base);
        expect(base.slice(0, start) + text.slice(start, start + length) + base.slice(end)).toBe(text);
      }),
      { seed: 1207, numRuns: 300 },
    );
  });

  it('posts a text once: then edits, with the keystrokes typed while the worker works composed', () => {
    const posted: WorkerRequest[] = [];
    const instances: { onmessage: (event: { data: unknown }) => void }[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        onmessage = (_: { data: unknown }) => {};
        constructor() {
          instances.push(this);
        }
        postMessage(message: WorkerRequest) {
          posted.push(structuredClone(message));
        }
        terminate() {}
      },
    );
    try {
      const off = createOffThread(() => {})!;
      const base = realisticDesign(30);
      const ask = (text: string, change?: DeriveRequest['change']) =>
        off.derive({ text, istioVersion: LATEST_ISTIO_VERSION, expanded: [], change }, () => {});
      ask(base);
      expect(posted[0]).toEqual({ text: base, istioVersion: LATEST_ISTIO_VERSION, expanded: [] });
      // Two keystrokes while the worker derives the first text: only the newest is sent, as one edit.
      const one = `x${base}`;
      const two = `x${base.slice(0, 100)}y${base.slice(100)}`;
      ask(one, { base, range: { start: 0, end: 0, length: 1 } });
      ask(two, { base: one, range: { start: 101, end: 101, length: 1 } });
      instances[0]!.onmessage({ data: { answer: { diagnostics: [], work: {} } } });
      expect(posted).toHaveLength(2);
      const edit = posted[1] as EditRequest;
      expect(edit.edit.inserted).toBe(`x${base.slice(0, 100)}y`);
      expect(requestFromEdit(base, edit).text).toBe(two);
      // A keystroke given a range that cannot be right is compared instead.
      instances[0]!.onmessage({ data: { answer: { diagnostics: [], work: {} } } });
      const three = `${two}z`;
      ask(three, { base: two, range: { start: 0, end: 0, length: 5 } });
      expect(requestFromEdit(two, posted[2] as EditRequest).text).toBe(three);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('sends a text that does not parse in one answer, so that it shows as blocked', () => {
    const broken = `${LARGE}
---
metadata: [unclosed
`;
    const ahead: DrawnAnswer[] = [];
    const answer = createAnswerer()({ text: broken, istioVersion: LATEST_ISTIO_VERSION, expanded: [] }, (d) =>
      ahead.push(d),
    );
    expect(ahead).toEqual([]);
    expect(answer.drawn).toBeDefined();
    expect((answer.diagnostics as Diagnostic[]).some((d) => d.code === 'YAML-SYNTAX')).toBe(true);
  });

  it('shows nothing yet for a large design opened first, until it lands', () => {
    const worker = inProcessWorker();
    const derived = createDerived({ offThread: () => worker });
    const waiting = derived.of(LARGE, LATEST_ISTIO_VERSION);
    expect(waiting.pending).toBe(true);
    expect(waiting.current.graph.nodes).toEqual([]);
    expect(waiting.current.diagnostics).toEqual([]);
  });

  it('derives on this thread when the worker cannot run', () => {
    let landings = 0;
    const derived = createDerived({ offThread: () => undefined, onLanded: () => landings++ });
    const view = derived.of(LARGE, LATEST_ISTIO_VERSION);
    expect(view.pending).toBeUndefined();
    expect(view.current.diagnostics).toEqual(freshLarge().diagnostics);
    expect(landings).toBe(0);
  });
});
