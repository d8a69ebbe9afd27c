/**
 * `npm run fuzz`: runs fuzz cases in child processes (so a hang can be stopped and running out of
 * memory kills only the child) and prints what went wrong and what the worst case cost. Failing
 * cases are written to test/fuzz/failures/ (gitignored) with their seed, to be run again.
 *
 *   npm run fuzz -- [--count N] [--seed S] [--workers W] [--hang-ms MS] [--kill-ms MS]
 *                   [--max-heap-mb MB] [--small]
 *   npm run fuzz -- --seed S --case I       one case again, with its details
 *   npm run fuzz -- --replay FOLDER         a reproducer's texts again
 *
 * A step (one derivation) over --hang-ms of CPU time (default 5 s) is a hang; one still running
 * after --kill-ms of wall time (default 60 s) is stopped and counted one too.
 *
 * Environment: FUZZ_COUNT, FUZZ_SEED, FUZZ_WORKERS, FUZZ_HANG_MS, FUZZ_KILL_MS stand for the
 * options. Exit 1 when any case failed.
 */
import { fork, type ChildProcess } from 'node:child_process';

import { generateCase, type FuzzCase } from './cases';
import { passed } from './check';
import { loadInputs } from './inputs';
import { writeReproducer } from './reproducers';
import type { WorkerMessage, WorkerRequest } from './worker';

interface Options {
  count: number;
  seed: number;
  workers: number;
  /** A step taking more CPU time than this is a hang. */
  hangMs: number;
  /** A step running longer than this (wall time) is stopped, and counted a hang. */
  killMs: number;
  maxHeapMb: number;
  large: boolean;
  only: number | undefined;
  replay: string | undefined;
}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const value = (flag: string, fallback: string | undefined) => {
    const at = argv.indexOf(flag);
    return at === -1 ? fallback : argv[at + 1];
  };
  const number = (flag: string, envName: string, fallback: number) => {
    const text = value(flag, env[envName]);
    const parsed = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(parsed)) throw new Error(`${flag} needs a number, got "${text}"`);
    return parsed;
  };
  const only = value('--case', undefined);
  return {
    count: number('--count', 'FUZZ_COUNT', 10_000),
    // A new seed each run explores new cases; the summary prints it to run them again.
    seed: number('--seed', 'FUZZ_SEED', Math.floor(Math.random() * 0x7fff_ffff)),
    workers: Math.max(1, number('--workers', 'FUZZ_WORKERS', 1)),
    hangMs: number('--hang-ms', 'FUZZ_HANG_MS', 5_000),
    // Generous: other work on the machine stretches wall time; CPU time judges a hang.
    killMs: number('--kill-ms', 'FUZZ_KILL_MS', 60_000),
    maxHeapMb: number('--max-heap-mb', 'FUZZ_MAX_HEAP_MB', 2_048),
    large: !argv.includes('--small'),
    only: only === undefined ? undefined : Number(only),
    replay: value('--replay', undefined),
  };
}

/** How long a new worker may take to load before its first case starts. */
const STARTUP_MS = 60_000;

/** What one case came to, as the runner saw it. */
type Result =
  | { kind: 'done'; message: Extract<WorkerMessage, { type: 'done' }> }
  | { kind: 'hang'; step: string }
  | { kind: 'died'; step: string; how: string };

/** A child process that runs one case at a time, replaced when it hangs or dies. */
class Worker {
  private child: ChildProcess | undefined;

  constructor(private readonly options: Options) {}

  run(request: WorkerRequest): Promise<Result> {
    const child = (this.child ??= fork(new URL('./worker.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${this.options.maxHeapMb}`],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }));
    return new Promise((resolve) => {
      let step = 'start';
      let timer: NodeJS.Timeout | undefined;
      const arm = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => settle({ kind: 'hang', step }, true), ms);
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'step') {
          step = message.step;
          arm(this.options.killMs);
        } else settle({ kind: 'done', message }, false);
      };
      const onExit = (code: number | null, signal: string | null) =>
        settle({ kind: 'died', step, how: signal ? `killed by ${signal}` : `exit code ${code}` }, false);
      const settle = (result: Result, kill: boolean) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (kill || result.kind === 'died') {
          if (kill) child.kill('SIGKILL');
          this.child = undefined;
        }
        resolve(result);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      // Until the first step, the child may still be starting (loading the engine): a looser bound.
      arm(Math.max(this.options.killMs, STARTUP_MS));
      child.send(request);
    });
  }

  stop(): void {
    this.child?.kill();
  }
}

interface Worst {
  value: number;
  what: string;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const inputs = loadInputs();
  const indexes = options.replay
    ? [0]
    : options.only !== undefined
      ? [options.only]
      : Array.from({ length: options.count }, (_, i) => i);
  const tally = { run: 0, crashes: 0, hangs: 0, ranges: 0, mismatches: 0 };
  const worstTime: Worst = { value: 0, what: '' };
  const worstStep: Worst = { value: 0, what: '' };
  const worstHeap: Worst = { value: 0, what: '' };
  const worstRetained: Worst = { value: 0, what: '' };
  const reproducers: string[] = [];
  const verbose = indexes.length === 1;
  const started = performance.now();
  let next = 0;
  let lastReport = started;

  const caseOf = (index: number): FuzzCase =>
    options.replay
      ? { seed: options.seed, index, input: options.replay, mutations: ['replay'], base: '', mutated: '' }
      : generateCase(inputs, options.seed, index, options.large);
  const describe = (fuzzCase: FuzzCase, chars?: number) =>
    `case ${fuzzCase.index} (${fuzzCase.input}; ${fuzzCase.mutations.join(', ')}${chars === undefined ? '' : `; ${(chars / 1024).toFixed(0)} KiB`})`;

  const record = (index: number, result: Result) => {
    tally.run++;
    const fuzzCase = caseOf(index);
    const kinds: string[] = [];
    const details: string[] = [];
    if (result.kind === 'hang') {
      tally.hangs++;
      kinds.push('hang');
      details.push(`${result.step} ran past ${options.killMs} ms (wall time): stopped`);
    } else if (result.kind === 'died') {
      tally.crashes++;
      kinds.push('crash');
      details.push(`the worker died in ${result.step} (${result.how}): out of memory or a native crash`);
    } else {
      const { outcome, heapGrowth, retained, chars } = result.message;
      const label = describe(fuzzCase, chars);
      const { step, cpuMs, ms } = outcome.slowest;
      if (outcome.ms > worstTime.value) Object.assign(worstTime, { value: outcome.ms, what: label });
      if (cpuMs > worstStep.value) {
        Object.assign(worstStep, { value: cpuMs, what: `${step} (${ms.toFixed(0)} ms wall) in ${label}` });
      }
      if (cpuMs > options.hangMs) {
        tally.hangs++;
        kinds.push('hang');
        details.push(`${step} took ${cpuMs.toFixed(0)} ms of CPU time`);
      }
      if (heapGrowth > worstHeap.value) Object.assign(worstHeap, { value: heapGrowth, what: label });
      if (retained > worstRetained.value) Object.assign(worstRetained, { value: retained, what: label });
      if (outcome.crash) {
        tally.crashes++;
        kinds.push('crash');
        details.push(outcome.crash);
      }
      if (outcome.rangeViolations.length > 0) {
        tally.ranges++;
        kinds.push('range');
        details.push(...outcome.rangeViolations);
      }
      if (outcome.mismatches.length > 0) {
        tally.mismatches++;
        kinds.push('mismatch');
        details.push(...outcome.mismatches);
      }
      if (verbose) console.log(JSON.stringify({ ...result.message, passed: passed(outcome) }, null, 2));
    }
    if (kinds.length > 0) {
      const folder = options.replay ?? writeReproducer(fuzzCase, kinds, details);
      if (!options.replay) reproducers.push(folder);
      console.log(
        `✗ ${describe(fuzzCase)}: ${kinds.join(', ')}\n    ${details[0]!.split('\n').slice(0, 6).join('\n    ')}`,
      );
    }
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      console.log(`… ${tally.run}/${indexes.length} cases, ${reproducers.length} failing`);
    }
  };

  const workers = Array.from(
    { length: Math.min(options.workers, indexes.length) },
    () => new Worker(options),
  );
  await Promise.all(
    workers.map(async (worker) => {
      while (next < indexes.length) {
        const index = indexes[next++]!;
        const request: WorkerRequest = options.replay
          ? { replay: options.replay }
          : { seed: options.seed, index, large: options.large };
        record(index, await worker.run(request));
      }
      worker.stop();
    }),
  );

  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    [
      `fuzz: seed ${options.seed}, ${tally.run} inputs run in ${seconds} s (${options.workers} worker${options.workers > 1 ? 's' : ''}, ${options.large ? 'large sizes on' : 'small sizes'})`,
      `  crashes (throws, guarded failures, deaths): ${tally.crashes}`,
      `  hangs (a step over ${options.hangMs} ms of CPU):   ${tally.hangs}`,
      `  range violations:                         ${tally.ranges}`,
      `  incremental ≠ fresh:                      ${tally.mismatches}`,
      `  worst step:        ${worstStep.value.toFixed(0)} ms of CPU, ${worstStep.what}`,
      `  worst case:        ${worstTime.value.toFixed(0)} ms wall (all steps), ${worstTime.what}`,
      `  worst heap growth (live, between steps): ${mib(worstHeap.value)}, ${worstHeap.what}`,
      `  worst retained after the case and a GC: ${mib(worstRetained.value)}, ${worstRetained.what}`,
      reproducers.length > 0 ? `  reproducers: ${reproducers.length} in test/fuzz/failures/` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return reproducers.length > 0 || tally.crashes + tally.hangs + tally.ranges + tally.mismatches > 0 ? 1 : 0;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
