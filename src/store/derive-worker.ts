/// <reference lib="webworker" />
/**
 * The derivation worker: large designs are derived here, off the main thread, so typing is never
 * held up by the analyzers or the graph (see off-thread.ts). One request at a time, in order.
 */
import { createDeriver, createGraphShower } from '../core';
import { warmUpDesign } from '../templates/warm-up';
import { createAnswerer, requestFromEdit, type WorkerMessage, type WorkerRequest } from './off-thread-answer';

const answer = createAnswerer();
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerMessage) => scope.postMessage(message);
// The text last sent: the next one may come as an edit of it.
let sent: string | undefined;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if ('warmUp' in message) return warmUp();
  const request = 'edit' in message ? requestFromEdit(sent ?? '', message) : message;
  sent = request.text;
  post({ answer: answer(request, (drawn) => post({ drawn })) });
};

/**
 * Derives and shows the warm-up design with caches of its own, thrown away after: nothing of it
 * is kept but the engine's code, compiled, for the user's first large design.
 */
function warmUp(): void {
  createGraphShower()(createDeriver()(warmUpDesign()).graph, []);
}
