/// <reference lib="webworker" />
/**
 * The derivation worker: large designs are derived here, off the main thread, so typing is never
 * held up by the analyzers or the graph (see off-thread.ts). One request at a time, in order.
 */
import { createAnswerer, type DeriveRequest } from './off-thread-answer';

const answer = createAnswerer();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<DeriveRequest>) => scope.postMessage(answer(event.data));
