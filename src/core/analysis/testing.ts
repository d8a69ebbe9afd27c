import { parseBundle } from '../bundle';
import type { IstioVersion } from '../istio/releases';
import { analyzeBundle } from './analyze';
import type { Severity } from './types';

/** A diagnostic as tests compare it: positions as 1-based lines. */
export interface DiagnosticSummary {
  code: string;
  severity: Severity;
  line: number;
  path: string;
  message: string;
}

/**
 * Strips the common indentation of a template literal so YAML fixtures can be indented with the
 * test code. A multi-line interpolated value keeps its shape: its lines after the first are
 * indented to the column where the placeholder stands. Leading and trailing blank lines are dropped.
 */
export function source(strings: TemplateStringsArray, ...values: unknown[]): string {
  const marker = (i: number) => `\uE000${i}\uE000`;
  const raw = strings.reduce((out, part, i) => out + part + (i < values.length ? marker(i) : ''), '');
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '')
    .split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  const dedented = lines.map((l) => l.slice(indent)).join('\n');
  const filled = dedented.replace(/\uE000(\d+)\uE000/g, (_match, index: string, offset: number) => {
    const column = offset - (dedented.lastIndexOf('\n', offset - 1) + 1);
    return String(values[Number(index)]).replace(/\n/g, `\n${' '.repeat(column)}`);
  });
  return `${filled}\n`;
}

/** Analyses a YAML text for a target release (default the newest) and summarises every diagnostic. */
export function diagnose(text: string, target?: IstioVersion): DiagnosticSummary[] {
  const bundle = parseBundle(text);
  return analyzeBundle(bundle, undefined, target).map((d) => ({
    code: d.code,
    severity: d.severity,
    line: bundle.lines.positionAt(d.range.start).line,
    path: d.path,
    message: d.message,
  }));
}

/** One row of a rule table: a named YAML case and the findings it must produce for `code`. */
export interface RuleCase {
  name: string;
  yaml: string;
  /** The Istio release the case targets (default the newest). */
  target?: IstioVersion;
  /** Expected findings of the code under test: line and optional severity/message fragment. Empty = none. */
  expect: { line: number; severity?: Severity; message?: string }[];
}

/** Filters a diagnosis to the codes under test, in the shape {@link RuleCase.expect} uses. */
export function findingsFor(
  text: string,
  codes: readonly string[],
  target?: IstioVersion,
): { line: number; severity: Severity; message: string }[] {
  return diagnose(text, target)
    .filter((d) => codes.includes(d.code))
    .map(({ line, severity, message }) => ({ line, severity, message }));
}
