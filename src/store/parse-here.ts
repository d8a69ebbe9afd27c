/**
 * A large design's text parsed on the main thread as well, for the forms and edits, while the
 * worker derives it (see derived.ts). The parse costs about as much here as there, and on two
 * cores, parsing here while the worker parsed took CPU time from it: a 2,000-service paste's graph
 * landed about a second later. So a new text is parsed here only once its graph has landed,
 * between frames, and the views meanwhile read a bundle that parses it at once should anything
 * need its documents sooner (an edit, a form).
 */
import {
  changeBetween,
  composeChanges,
  LineIndex,
  parseBundle,
  parseInSlices,
  type Bundle,
  type DocumentCache,
  type TextChange,
} from '../core';
import { IDLE_SLICE_MS, inputPending, soon, whenIdle } from './schedule';

/** The main thread's parse of the large texts the worker derives. */
export interface HereParser {
  /** `text` parsed now, reusing what was typed ahead of it and what was parsed of it between frames. */
  parse(text: string): Bundle;
  /**
   * Whether `text` is parsed here, or typed ahead of a text that is: then {@link parse} takes
   * milliseconds (only the documents around the typing), not seconds.
   */
  isNear(text: string): boolean;
  /**
   * `text`'s bundle: the one parsed here, else one (the same for the same text) that has its text
   * and lines at once and parses it when its documents or resources are first read.
   */
  bundle(text: string): Bundle;
  /** Notes a new text, to be parsed here later: keystrokes in it are then noted, not parsed. */
  expect(text: string): void;
  /**
   * Notes a keystroke without parsing it; false when it is not an edit of a text parsed here,
   * expected or typed ahead: that text is then to be parsed as a whole.
   */
  typeAhead(text: string, change: { base: string; range: TextChange }): boolean;
  /**
   * Parses `text` in the idle time between frames, a few milliseconds at a time (input and frames
   * go first), and calls `onParsed` once it is parsed here, however that happens; at once if it is.
   */
  parseBetweenFrames(text: string, onParsed: () => void): void;
  /** Stops parsing between frames. */
  dispose(): void;
}

/**
 * How many texts typed ahead of the one parsed here are kept, each parseable around its change: the
 * worker answers one of the last few (those typed while it worked are skipped).
 */
const MAX_TYPED_AHEAD = 32;

/** A text typed, as a change of the text before it. */
interface TypedStep {
  text: string;
  change: TextChange;
}

/** A text being parsed between frames, and what waits for it. */
interface Reading {
  text: string;
  waiting: (() => void)[];
  cancel: (() => void) | undefined;
}

/** A {@link HereParser} with a document cache of its own, kept across texts. */
export function createHereParser(): HereParser {
  const documents: DocumentCache = new Map();
  let parsed: Bundle | undefined;
  // The texts typed since a text parsed or expected here (`from`), each as a change of the one
  // before: keystrokes are not parsed one by one (each is a pass over every document, longer than a
  // frame at thousands of them), but when a text is needed, around the changes. Any of them may be
  // needed: the worker answers the texts typed while it worked, not only the newest.
  let ahead: { from: string; typed: TypedStep[] } | undefined;
  let expected: string | undefined;
  let reading: Reading | undefined;
  let deferred: Bundle | undefined;

  const stopReading = (): Reading | undefined => {
    const stopped = reading;
    stopped?.cancel?.();
    reading = undefined;
    return stopped;
  };
  // Parsed now (read between frames, or needed at once): what waited for it goes on, after the
  // task that needed it (say, a view being drawn).
  const parsedNow = (bundle: Bundle): Bundle => {
    parsed = bundle;
    if (reading?.text === bundle.text) {
      const { waiting } = stopReading()!;
      soon(() => waiting.forEach((next) => next()));
    }
    return bundle;
  };
  // Newest first: a landing is of one of the last texts typed, and the same string object (texts of
  // one length that differ are compared character by character).
  const typedAt = (text: string) => ahead?.typed.findLastIndex((step) => step.text === text) ?? -1;
  const parse = (text: string): Bundle => {
    if (parsed?.text === text) return parsed;
    const at = typedAt(text);
    if (ahead && at >= 0) {
      const { from, typed } = ahead;
      if (parsed?.text !== from) parsedNow(parseBundle(from, documents, parsed));
      const change = typed
        .slice(1, at + 1)
        .reduce((all, step) => composeChanges(all, step.change), typed[0]!.change);
      // Those typed after it are still ahead, each a change of the one before.
      ahead = at + 1 < typed.length ? { from: text, typed: typed.slice(at + 1) } : undefined;
      return parsedNow(parseBundle(text, documents, parsed, change));
    }
    parsedNow(parseBundle(text, documents, parsed));
    // A text typed before the newest: the newest is still ahead, by what differs.
    const newest = ahead?.typed.at(-1)?.text;
    ahead =
      newest && newest !== text
        ? { from: text, typed: [{ text: newest, change: changeOf(text, newest) }] }
        : undefined;
    return parsed!;
  };

  return {
    parse,
    isNear: (text) => parsed?.text === text || (ahead?.from === parsed?.text && typedAt(text) >= 0),
    bundle(text) {
      if (parsed?.text === text) return parsed;
      if (deferred?.text === text) return deferred;
      let whole: Bundle | undefined;
      let lines: LineIndex | undefined;
      const read = () => (whole ??= parse(text));
      deferred = {
        text,
        get documents() {
          return read().documents;
        },
        get resources() {
          return read().resources;
        },
        get lines() {
          return whole?.lines ?? (lines ??= new LineIndex(text));
        },
      };
      return deferred;
    },
    expect(text) {
      if (reading?.text !== text) stopReading();
      expected = text;
    },
    typeAhead(text, change) {
      const step = { text, change: change.range };
      if (ahead && change.base === ahead.typed.at(-1)!.text) {
        const typed = [...ahead.typed, step];
        // Past the limit the oldest two become one (the text between them is let go).
        if (typed.length > MAX_TYPED_AHEAD) {
          const [first, second] = typed.splice(0, 2) as [TypedStep, TypedStep];
          typed.unshift({ text: second.text, change: composeChanges(first.change, second.change) });
        }
        ahead = { from: ahead.from, typed };
      } else if (change.base === parsed?.text || change.base === expected)
        ahead = { from: change.base, typed: [step] };
      else return false;
      return true;
    },
    parseBetweenFrames(text, onParsed) {
      if (parsed?.text === text) return onParsed();
      if (reading?.text === text) {
        reading.waiting.push(onParsed);
        return;
      }
      stopReading();
      const slice = parseInSlices(text, documents);
      const current: Reading = { text, waiting: [onParsed], cancel: undefined };
      const step = (budget: number, idleLeft?: () => number) => {
        // Every document is in the cache now: assembling the bundle takes a few milliseconds.
        if (slice(budget, inputPending)) parse(text);
        // The rest of this idle period, a slice at a time, then the next idle period; input first.
        else if (idleLeft && idleLeft() > 1 && !inputPending())
          current.cancel = soon(() => {
            const left = idleLeft();
            if (left > 1) step(Math.min(IDLE_SLICE_MS, left), idleLeft);
            else current.cancel = whenIdle(step);
          });
        else current.cancel = whenIdle(step);
      };
      current.cancel = whenIdle(step);
      reading = current;
    },
    dispose() {
      stopReading();
    },
  };
}

/** The change turning `before` into `after`, as a range alone. */
function changeOf(before: string, after: string): TextChange {
  const { start, end, length } = changeBetween(before, after);
  return { start, end, length };
}
