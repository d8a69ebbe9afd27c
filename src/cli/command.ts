import type { InternalError } from '../core/guard';
import type { IstioVersion } from '../core/istio/releases';
import type { LoadedBundle, StdinReader } from './load';

/** What a CLI run printed and how it ended; `runCli` is pure apart from reading and writing files. */
export interface CliResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** The parsed command line of one command: its options with values, and the rest as files. */
export interface CommandInput {
  options: ReadonlyMap<string, string>;
  files: string[];
  readStdin: StdinReader;
  /** The Istio release the cluster runs (`--istio-version`, every command takes it). */
  istioVersion: IstioVersion;
}

/** One CLI command: its usage line, the options it takes (each with a value) and what it does. */
export interface Command {
  name: string;
  /** The usage line and its explanation, as shown by `--help`. */
  usage: [string, string];
  /**
   * Options that take a value, with the default when one applies (`--format` → `text`); every
   * command also takes `--istio-version` (see {@link CommandInput.istioVersion}).
   */
  options: Record<string, string | undefined>;
  /** Whether the command needs at least one input file. */
  needsFiles: boolean;
  run(input: CommandInput): CliResult;
}

/** The exit status a command gets when its input could not be read (DESIGN.md §3). */
export const STATUS_UNREADABLE = 2;

/**
 * The exit status of an internal failure (a bug), whether it escaped a command or the engine
 * caught it: never 1, so CI does not read a bug as "errors found".
 */
export const STATUS_INTERNAL = 3;

/** What stderr says about an internal failure: that it is a bug, what to report, and its stack. */
export function internalErrorNote(detail: string): string {
  return `egress-studio: internal error, please report it with the input that caused it:\n${detail}\n`;
}

/** What a command's run over its loaded input gives `finish`. */
export interface RunResult {
  stdout: string;
  status: number;
  stderr?: string;
  /** The engine's caught failure (`Derivation.internalError`): the run ends with status 3. */
  internalError?: InternalError | undefined;
}

/**
 * Prints what could not be read and ends with status 2 if anything could not; else runs `run`.
 * An internal failure the engine caught wins over both (status 3, with its stack on stderr): the
 * output printed is then incomplete.
 */
export function finish(loaded: LoadedBundle, run: (loaded: LoadedBundle) => RunResult): CliResult {
  const unreadable = loaded.failures
    .map((f) => `egress-studio: cannot read ${f.name}: ${f.reason}\n`)
    .join('');
  const { stdout, status, stderr = '', internalError } = run(loaded);
  if (internalError) {
    return {
      stdout,
      stderr: unreadable + stderr + internalErrorNote(internalError.stack ?? internalError.message),
      status: STATUS_INTERNAL,
    };
  }
  return {
    stdout,
    stderr: unreadable + stderr,
    status: loaded.failures.length > 0 ? STATUS_UNREADABLE : status,
  };
}

/** A usage error of one command: its message, for `runCli` to print with the usage. */
export class UsageError extends Error {}
