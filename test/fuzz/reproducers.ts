// Failing fuzz cases as files: the texts, and what is needed to run the case again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FuzzCase } from './cases';

/** Where reproducers go (gitignored). */
export const FAILURES_DIR = join(import.meta.dirname, 'failures');

/** What a reproducer's `case.json` holds besides the two texts beside it. */
export interface Reproducer {
  seed: number;
  index: number;
  input: string;
  mutations: string[];
  /** `crash`, `hang`, `range`, `mismatch`. */
  kinds: string[];
  details: string[];
  rerun: string;
}

/** Writes `base.yaml`, `mutated.yaml` and `case.json` for a failing case; returns the folder. */
export function writeReproducer(
  fuzzCase: FuzzCase,
  kinds: string[],
  details: string[],
  dir = FAILURES_DIR,
): string {
  const folder = join(dir, `seed-${fuzzCase.seed}-case-${fuzzCase.index}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'base.yaml'), fuzzCase.base);
  writeFileSync(join(folder, 'mutated.yaml'), fuzzCase.mutated);
  const reproducer: Reproducer = {
    seed: fuzzCase.seed,
    index: fuzzCase.index,
    input: fuzzCase.input,
    mutations: fuzzCase.mutations,
    kinds,
    details,
    rerun: `npm run fuzz -- --seed ${fuzzCase.seed} --case ${fuzzCase.index}   (or: npm run fuzz -- --replay ${folder})`,
  };
  writeFileSync(join(folder, 'case.json'), `${JSON.stringify(reproducer, null, 2)}\n`);
  return folder;
}

/** The texts of a reproducer folder, to run its case again whatever the mutations have become since. */
export function readReproducer(folder: string): { base: string; mutated: string } {
  return {
    base: readFileSync(join(folder, 'base.yaml'), 'utf8'),
    mutated: readFileSync(join(folder, 'mutated.yaml'), 'utf8'),
  };
}
