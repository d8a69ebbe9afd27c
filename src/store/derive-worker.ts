/// <reference lib="webworker" />
/**
 * The derivation worker: large designs are derived here, off the main thread, so typing is never
 * held up by the analyzers or the graph (see off-thread.ts). One request at a time, in order.
 */
import { createAnswerer, type DeriveRequest, type WorkerMessage } from './off-thread-answer';

const answer = createAnswerer();
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerMessage) => scope.postMessage(message);
scope.onmessage = (event: MessageEvent<DeriveRequest>) =>
  post({ answer: answer(event.data, (drawn) => post({ drawn })) });
