/**
 * The engine's top-level guard: an exception inside a derivation is a bug, but it must not take
 * the app or the CLI down with it. Each step of a derivation runs under a {@link Guard}; a step
 * that throws gives way to a fallback (an empty graph, no findings), and the first exception
 * becomes one INTERNAL-ERROR diagnostic and the derivation's `internalError`.
 */
import type { Diagnostic } from './analysis/types';

/** The diagnostic code of an internal failure (catalogued in `analysis/codes/general.ts`). */
export const INTERNAL_ERROR_CODE = 'INTERNAL-ERROR';

/** An exception the engine caught instead of throwing, as plain data (safe to store or print). */
export interface InternalError {
  /** The exception's message (its text, for a thrown value that is not an Error). */
  message: string;
  /** The exception's stack, when it has one. */
  stack?: string;
}

/** Runs steps of one derivation, each with a fallback, and keeps the first exception. */
export interface Guard {
  /** `step()`, or `fallback()` when it throws (the exception is kept if it is the first). */
  run<T>(step: () => T, fallback: () => T): T;
  /** The first exception caught, if any. */
  readonly error: InternalError | undefined;
}

/** A guard for one derivation. */
export function createGuard(): Guard {
  let error: InternalError | undefined;
  return {
    run(step, fallback) {
      try {
        return step();
      } catch (thrown) {
        error ??= internalErrorOf(thrown);
        return fallback();
      }
    },
    get error() {
      return error;
    },
  };
}

/** Any thrown value as an {@link InternalError}. Never throws itself. */
export function internalErrorOf(thrown: unknown): InternalError {
  try {
    if (thrown instanceof Error) {
      return thrown.stack === undefined
        ? { message: String(thrown.message) }
        : { message: String(thrown.message), stack: String(thrown.stack) };
    }
    return { message: String(thrown) };
  } catch {
    // A thrown value whose message or toString throws in turn.
    return { message: 'an exception that cannot be described' };
  }
}

/**
 * The one diagnostic that reports an internal failure: an error on the text's first line (where a
 * person looks first; the failure has no place of its own), asking for a report.
 */
export function internalErrorDiagnostic(error: InternalError, text: string): Diagnostic {
  const newline = text.indexOf('\n');
  const detail = error.message.length > 300 ? `${error.message.slice(0, 299)}…` : error.message;
  return {
    code: INTERNAL_ERROR_CODE,
    severity: 'error',
    message: `An internal failure occurred while checking this design (${detail}): the problems and the graph may be incomplete. This is a bug in Egress Studio: please report it with the YAML that caused it.`,
    range: { start: 0, end: newline === -1 ? text.length : newline },
    resource: undefined,
    path: '',
  };
}
