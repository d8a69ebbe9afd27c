/**
 * One fuzz case, checked: nothing throws out of the engine's entry points (parseBundle,
 * analyzeBundle, deriveGraph; createDeriver reports what its guard caught), every diagnostic range
 * lies within its text, and incremental derivation (told the change or not, there and back)
 * equals a fresh one, as does a fresh one with a third of the call stack already used.
 */
import type { Diagnostic } from '../../src/core/analysis/types';
import { changeBetween } from '../../src/core/bundle';
import { createDeriver, type Derivation } from '../../src/core/derivation';
import { firstDifference, fresh, seen, type Seen } from '../support/derivation';
import { onDeeperStack } from '../support/stack';

/** What went wrong in one case (no crash and empty lists: it passed), and what it cost. */
export interface CaseOutcome {
  /** An exception out of an entry point, or one a deriver's guard caught, with its stack. */
  crash: string | undefined;
  /** Diagnostics whose range is not within the text. */
  rangeViolations: string[];
  /** Where an incremental derivation differed from a fresh one, one line per derivation. */
  mismatches: string[];
  /** Wall time of the whole case. */
  ms: number;
  /**
   * The slowest single step of the case by CPU time (what a hang is judged by: a busy machine
   * stretches wall time, not CPU time), which one it was, and its wall time.
   */
  slowest: { step: string; cpuMs: number; ms: number };
}

/** Called as each step starts, so a runner can tell a hang from a case that is merely long. */
export type StepListener = (step: string) => void;

/**
 * Runs every check of one case: `base` and `mutated` derived fresh; a deriver taken from `base` to
 * `mutated` with the change range and back again; another taken to `mutated` without it.
 */
export function runCase(base: string, mutated: string, onStep: StepListener = () => {}): CaseOutcome {
  const outcome: CaseOutcome = {
    crash: undefined,
    rangeViolations: [],
    mismatches: [],
    ms: 0,
    slowest: { step: '', cpuMs: 0, ms: 0 },
  };
  const started = performance.now();
  const timed = <T>(step: string, run: () => T): T => {
    onStep(step);
    const at = performance.now();
    const cpuAt = process.cpuUsage();
    try {
      return run();
    } finally {
      const cpu = process.cpuUsage(cpuAt);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      if (cpuMs > outcome.slowest.cpuMs) outcome.slowest = { step, cpuMs, ms: performance.now() - at };
    }
  };
  // A derivation through a deriver: checked against the fresh one of the same text.
  const derived = (step: string, derive: () => Derivation, want: Seen, text: string) => {
    const derivation = timed(step, derive);
    if (derivation.internalError) {
      throw Object.assign(new Error(`${step}: ${derivation.internalError.message}`), {
        stack: `${step}: ${derivation.internalError.stack ?? derivation.internalError.message}`,
      });
    }
    checkRanges(derivation.diagnostics, text, step, outcome);
    const difference = firstDifference(seen(derivation), want);
    if (difference) outcome.mismatches.push(`${step}: ${difference}`);
  };
  try {
    const expectedBase = timed('fresh(base)', () => fresh(base));
    const expected = timed('fresh(mutated)', () => fresh(mutated));
    checkRanges(expectedBase.diagnostics, base, 'fresh(base)', outcome);
    checkRanges(expected.diagnostics, mutated, 'fresh(mutated)', outcome);
    // The app derives from deep inside its own calls: the result must not depend on the stack left
    // (the yaml library turns running out of it into an error at whatever depth that happens).
    const deeper = timed('fresh(mutated) on a deeper stack', () => onDeeperStack(() => fresh(mutated)));
    const stackDifference = firstDifference(deeper, expected);
    if (stackDifference) outcome.mismatches.push(`fresh(mutated) on a deeper stack: ${stackDifference}`);
    const hinted = createDeriver();
    derived('deriver(base)', () => hinted(base), expectedBase, base);
    const forward = changeBetween(base, mutated);
    derived('deriver(mutated, change)', () => hinted(mutated, forward), expected, mutated);
    const back = changeBetween(mutated, base);
    derived('deriver(base, change back)', () => hinted(base, back), expectedBase, base);
    const unhinted = createDeriver();
    timed('deriver(base)', () => unhinted(base));
    derived('deriver(mutated) untold', () => unhinted(mutated), expected, mutated);
  } catch (error) {
    outcome.crash = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  outcome.ms = performance.now() - started;
  return outcome;
}

function checkRanges(
  diagnostics: readonly Diagnostic[],
  text: string,
  step: string,
  outcome: CaseOutcome,
): void {
  for (const d of diagnostics) {
    const { start, end } = d.range;
    const within =
      Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
    if (!within)
      outcome.rangeViolations.push(`${step}: ${d.code} [${start}, ${end}) in a text of ${text.length}`);
  }
}

/** Whether a case found nothing wrong (time apart: runners judge that). */
export function passed(outcome: CaseOutcome): boolean {
  return !outcome.crash && outcome.rangeViolations.length === 0 && outcome.mismatches.length === 0;
}
