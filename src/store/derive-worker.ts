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
// The warm-up designs, made when the first is asked for; none once the user's own work has come
// (it warms the engine itself, and the rest would only compete with the user's typing).
let warmUps: string[] | undefined = [];
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if ('warmUp' in message) return warmUp(message.warmUp);
  warmUps = undefined;
  post({ answer: answer(message, (drawn) => post({ drawn })) });
};

/**
 * Derives the warm-up design at `piece` with an answerer of its own, thrown away after: nothing of
 * it is kept but the engine's code, compiled, and the heap, grown, for the user's first large design.
 */
function warmUp(piece: number): void {
  if (!warmUps) return;
  if (warmUps.length === 0) warmUps = warmUpDesigns();
  const text = warmUps[piece];
  if (text === undefined) return;
  createAnswerer()({ text, istioVersion: LATEST_ISTIO_VERSION, expanded: [] });
  post({ warmedUp: { more: piece + 1 < warmUps.length } });
}
