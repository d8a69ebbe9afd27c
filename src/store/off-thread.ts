/**
 * Derivation off the main thread, for large designs. Deriving a design of thousands of resources
 * takes seconds at first and hundreds of milliseconds per edit: on the main thread that would hold
 * up every keystroke. A worker derives them instead, one request at a time; while it works, only
 * the newest text waits (texts typed in between are skipped), and the views show the last
 * derivation that landed, marked as pending.
 */
import { composeChanges, type TextChange } from '../core';
import {
  editRequest,
  type DeriveAnswer,
  type DeriveRequest,
  type DrawnAnswer,
  type WorkerMessage,
  type WorkerRequest,
} from './off-thread-answer';
import { whenIdle } from './schedule';

/**
 * Texts at least this long are derived off the main thread. Below it an edit's derivation takes
 * about a frame and the views keep step with every keystroke; an edit costs about 0.15 ms per KiB
 * of text (0.3 on a busy machine), so past this size it would hold up typing, and a paste of a
 * design this large would block the page for a few hundred milliseconds.
 */
export const OFF_THREAD_CHARS = 64 * 1024;

/** A worker deriving texts, newest first. */
export interface OffThread {
  /**
   * Asks for a derivation; `onAnswer` gets it unless a newer request replaced this one before it
   * started, and `onDrawn` its graph first when the worker sends it ahead.
   */
  derive(
    request: DeriveRequest,
    onAnswer: (answer: DeriveAnswer) => void,
    onDrawn?: (drawn: DrawnAnswer) => void,
  ): void;
  /**
   * Has the worker derive designs of the product's own, unseen, one per idle moment of the page,
   * until the first request: the user's first large design then runs compiled code in a grown heap
   * (see templates/warm-up.ts).
   */
  warmUp(): void;
  dispose(): void;
}

/** A worker-backed {@link OffThread}, or undefined where workers are not available (tests, old browsers). */
export function createOffThread(onFailure: () => void): OffThread | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./derive-worker.ts', import.meta.url), { type: 'module', name: 'derive' });
  } catch {
    return undefined;
  }
  type Pending = {
    request: DeriveRequest;
    /** Where its text changed the one sent last, when the keystrokes since say so. */
    fromSent: TextChange | undefined;
    onAnswer: (answer: DeriveAnswer) => void;
    onDrawn?: ((drawn: DrawnAnswer) => void) | undefined;
  };
  let running: Pending | undefined;
  let next: Pending | undefined;
  let failed = false;
  // The text last sent: each request goes as an edit of it (see EditRequest).
  let sent: string | undefined;
  const send = (pending: Pending) => {
    running = pending;
    const { request } = pending;
    const { text, istioVersion, expanded } = request;
    worker.postMessage(
      (sent === undefined
        ? { text, istioVersion, expanded }
        : editRequest(sent, request, pending.fromSent)) satisfies WorkerRequest,
    );
    sent = text;
  };
  // Where a request's text changed the one sent last: its own change when made to that text, or
  // composed with the waiting one's (typing while the worker works skips the texts in between).
  const changeFromSent = (request: DeriveRequest): TextChange | undefined => {
    const change = request.change;
    if (!change || sent === undefined) return undefined;
    if (change.base === sent) return change.range;
    const waiting = next;
    if (waiting?.fromSent && change.base === waiting.request.text)
      return composeChanges(waiting.fromSent, change.range);
    return undefined;
  };
  // The warm-up goes a design at a time, each asked for in an idle moment of this page, and stops
  // at the first request of the user's own: it never holds up the page's own work for long.
  let warmUpPiece = 0;
  let cancelWarmUp: (() => void) | undefined;
  const warmUpNext = () => {
    cancelWarmUp = undefined;
    if (!failed && sent === undefined) worker.postMessage({ warmUp: warmUpPiece++ } satisfies WorkerRequest);
  };
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if ('drawn' in message) return running?.onDrawn?.(message.drawn);
    if ('warmedUp' in message) {
      if (message.warmedUp.more && sent === undefined) cancelWarmUp = whenIdle(warmUpNext);
      return;
    }
    const done = running;
    running = undefined;
    if (next) {
      send(next);
      next = undefined;
    }
    // Delivered even when a newer text waits: the views show it (pending) until that one lands.
    done?.onAnswer(message.answer);
  };
  const fail = () => {
    if (failed) return;
    failed = true;
    running = next = undefined;
    worker.terminate();
    onFailure();
  };
  worker.onerror = fail;
  worker.onmessageerror = fail;
  return {
    derive(request, onAnswer, onDrawn) {
      if (failed) return;
      const pending = { request, fromSent: changeFromSent(request), onAnswer, onDrawn };
      if (running) next = pending;
      else send(pending);
    },
    warmUp() {
      if (warmUpPiece === 0) warmUpNext();
    },
    dispose() {
      cancelWarmUp?.();
      running = next = undefined;
      worker.terminate();
    },
  };
}
