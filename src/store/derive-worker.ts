/// <reference lib="webworker" />
/**
 * The derivation worker: large designs are derived here, off the main thread, so typing is never
 * held up by the analyzers or the graph (see off-thread.ts). One request at a time, in order.
 */
import { LATEST_ISTIO_VERSION } from '../core';
import { warmUpDesign } from '../templates/warm-up';
import { createAnswerer, type WorkerMessage, type WorkerRequest } from './off-thread-answer';

const answer = createAnswerer();
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerMessage) => scope.postMessage(message);
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if ('warmUp' in message) return warmUp();
  post({ answer: answer(message, (drawn) => post({ drawn })) });
};

/**
 * Answers the warm-up design with an answerer of its own, thrown away after: nothing of it is kept
 * but the engine's code, compiled, for the user's first large design.
 */
function warmUp(): void {
  createAnswerer()({ text: warmUpDesign(), istioVersion: LATEST_ISTIO_VERSION, expanded: [] });
}
