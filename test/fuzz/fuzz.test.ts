// The fuzz suite's CI share: a few hundred seeded cases in process, small sizes only (`npm run fuzz`
// runs 10,000 and more in child processes, with the largest sizes and hangs stopped). A failing
// case is written to test/fuzz/failures/ and named in the assertion, to be run again.
import { getHeapStatistics } from 'node:v8';

import { describe, expect, it } from 'vitest';

import { generateCase } from './cases';
import { runCase } from './check';
import { loadInputs } from './inputs';
import { writeReproducer } from './reproducers';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261207);
const COUNT = Number(process.env['FUZZ_CI_COUNT'] ?? 400);
/** A step (one derivation) taking more CPU time than this is a hang, as in `npm run fuzz`. */
const HANG_MS = 5_000;
/** No case may take more heap than this (measured between its steps). */
const HEAP_BOUND = 1024 * 1024 * 1024;

describe(`fuzz: ${COUNT} cases of seed ${SEED}`, () => {
  it('nothing throws, ranges lie within the text, incremental equals fresh, no step hangs or bloats', () => {
    const inputs = loadInputs();
    const failures: string[] = [];
    const heap = () => getHeapStatistics().used_heap_size;
    for (let index = 0; index < COUNT; index++) {
      const fuzzCase = generateCase(inputs, SEED, index, false);
      const before = heap();
      let peak = before;
      const outcome = runCase(fuzzCase.base, fuzzCase.mutated, () => {
        peak = Math.max(peak, heap());
      });
      peak = Math.max(peak, heap());
      const kinds = [
        ...(outcome.crash ? ['crash'] : []),
        ...(outcome.rangeViolations.length > 0 ? ['range'] : []),
        ...(outcome.mismatches.length > 0 ? ['incremental ≠ fresh'] : []),
        ...(outcome.slowest.cpuMs > HANG_MS
          ? [`hang (${outcome.slowest.step}: ${outcome.slowest.cpuMs.toFixed(0)} ms of CPU)`]
          : []),
        ...(peak - before > HEAP_BOUND ? [`heap (${((peak - before) / 2 ** 20).toFixed(0)} MiB)`] : []),
      ];
      if (kinds.length === 0) continue;
      const details = [outcome.crash ?? '', ...outcome.rangeViolations, ...outcome.mismatches].filter(
        Boolean,
      );
      const folder = writeReproducer(fuzzCase, kinds, details);
      failures.push(
        `case ${index} (${fuzzCase.mutations.join(', ')}): ${kinds.join(', ')}; ${details[0] ?? ''} → ${folder}`,
      );
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
