/// <reference lib="webworker" />
/**
 * The derivation worker: large designs are derived here, off the main thread, so typing is never
 * held up by the analyzers or the graph (see off-thread.ts). One request at a time, in order.
 */
import { LATEST_ISTIO_VERSION } from '../core';
import { warmUpDesigns } from '../templates/warm-up';
import { createAnswerer, type WorkerMessage, type WorkerRequest } from './off-thread-answer';

const answer = createAnswerer();
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerMessage) => scope.postMessage(message);
// The warm-up designs not yet derived: dropped once the user's own work arrives (it warms the
// engine itself, and the rest would only compete with the user's typing for the processor).
let warmUps: string[] = [];
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if ('warmUp' in message) return warmUp();
  warmUps = [];
  post({ answer: answer(message, (drawn) => post({ drawn })) });
};

/**
 * Derives the warm-up designs, one per task so that a request arriving meanwhile waits for one at
 * most, each with an answerer of its own, thrown away after: nothing of them is kept but the
 * engine's code, compiled, and the heap, grown, for the user's first large design.
 */
function warmUp(): void {
  warmUps = warmUpDesigns();
  const next = () => {
    const text = warmUps.shift();
    if (text === undefined) return;
    createAnswerer()({ text, istioVersion: LATEST_ISTIO_VERSION, expanded: [] });
    setTimeout(next, 0);
  };
  next();
}
