/**
 * When the store does deferred work: between frames, so that what the user just did is drawn
 * first. Browsers without frames or idle callbacks (Node, in tests) fall back to timers.
 */

/** How long each slice of idle work may take: well within a frame. */
export const IDLE_SLICE_MS = 4;

/** Past this, deferred work runs even on a page that never paints (a hidden tab has no frames). */
const FRAME_FALLBACK_MS = 100;

/**
 * Calls `work` with a budget in milliseconds when the main thread is idle (between frames, no
 * input waiting), or soon where browsers cannot say (timers); returns how to cancel it. `idleLeft`
 * says how much of that idle period is left (0 once input or a frame is due): work in slices goes
 * on with {@link soon} while it lasts, since an idle callback asked for from an idle callback
 * waits for the next idle period (up to 50 ms away on a page drawing nothing).
 */
export function whenIdle(work: (budgetMs: number, idleLeft?: () => number) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    // Within a few frames even on a page that is never idle.
    const id = requestIdleCallback(
      (deadline) =>
        deadline.didTimeout
          ? work(IDLE_SLICE_MS)
          : work(Math.max(1, Math.min(IDLE_SLICE_MS, deadline.timeRemaining())), () =>
              deadline.timeRemaining(),
            ),
      { timeout: FRAME_FALLBACK_MS },
    );
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => work(IDLE_SLICE_MS), 0);
  return () => clearTimeout(id);
}

/**
 * Whether input (a key, a click) waits to be handled: a slice of deferred work then ends early, so
 * that a keystroke waits for one document's parse, not a whole slice. Chromium says; elsewhere
 * (and in tests) never.
 */
export function inputPending(): boolean {
  const scheduling = (globalThis.navigator as { scheduling?: { isInputPending?: () => boolean } } | undefined)
    ?.scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

/**
 * Calls `work` with a slice's budget as soon as the tasks already queued (input first) have run:
 * without a timer's minimum delay, which slices in a chain would each pay.
 */
export function soon(work: (budgetMs: number) => void): () => void {
  let cancelled = false;
  const run = () => {
    if (!cancelled) work(IDLE_SLICE_MS);
  };
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      run();
    };
    channel.port2.postMessage(undefined);
    return () => {
      cancelled = true;
      channel.port1.close();
    };
  }
  const id = setTimeout(run, 0);
  return () => {
    cancelled = true;
    clearTimeout(id);
  };
}

/**
 * Calls `work` once the next frame is painted (a task queued from that frame's animation
 * callbacks runs after its paint), or after a timer where there are no frames; returns how to
 * cancel it.
 */
export function afterPaint(work: () => void): () => void {
  let done = false;
  let queued: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    done = true;
    clearTimeout(fallback);
    clearTimeout(queued);
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
  const once = () => {
    if (done) return;
    stop();
    work();
  };
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => (queued = setTimeout(once, 0)))
      : undefined;
  const fallback = setTimeout(once, frame === undefined ? 0 : FRAME_FALLBACK_MS);
  return stop;
}
