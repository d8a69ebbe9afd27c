// A fuzz worker (a child process of run.ts): runs the cases it is sent and reports each step as it
// starts, so the runner can stop one that hangs, and the heap each case took.
import { getHeapStatistics } from 'node:v8';

import { generateCase } from './cases';
import { runCase, type CaseOutcome } from './check';
import { loadInputs } from './inputs';
import { readReproducer } from './reproducers';

/** A case to run: by seed and index, or the texts of a reproducer folder. */
export type WorkerRequest = { seed: number; index: number; large: boolean } | { replay: string };

/** What the worker sends back. */
export type WorkerMessage =
  | { type: 'step'; step: string }
  | {
      type: 'done';
      outcome: CaseOutcome;
      input: string;
      mutations: string[];
      chars: number;
      /**
       * The most live heap (after a full collection) above its level before the case, sampled
       * between steps, so what each step keeps (a deriver's caches, its bundle) counts (bytes).
       */
      heapGrowth: number;
      /** What the heap still held after the case and a full collection (bytes): a leak shows here. */
      retained: number;
    };

const inputs = loadInputs();
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heap = () => getHeapStatistics().used_heap_size;
const send = (message: WorkerMessage) => process.send!(message);

// The runner gone (stopped, or killed itself), nothing is left to report to.
process.on('disconnect', () => process.exit(0));

process.on('message', (request: WorkerRequest) => {
  const fuzzCase =
    'replay' in request
      ? { input: request.replay, mutations: ['replay'], ...readReproducer(request.replay) }
      : generateCase(inputs, request.seed, request.index, request.large);
  gc();
  const before = heap();
  let peak = before;
  // Garbage is not memory a derivation holds: only live heap counts (a collection a step, ~5 ms).
  const sample = () => {
    gc();
    peak = Math.max(peak, heap());
  };
  const outcome = runCase(fuzzCase.base, fuzzCase.mutated, (step) => {
    sample();
    send({ type: 'step', step });
  });
  sample();
  send({
    type: 'done',
    outcome,
    input: fuzzCase.input,
    mutations: fuzzCase.mutations,
    chars: fuzzCase.mutated.length,
    heapGrowth: peak - before,
    retained: heap() - before,
  });
});
