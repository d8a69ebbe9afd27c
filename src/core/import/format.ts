import type { ImportProblem } from './types';

/**
 * One line for a problem or note: `file:line:column: message` when it has a place, else the
 * message alone (messages without a place already name their file: `big.yaml is 12.3 MiB; ...`).
 */
export function formatImportProblem(problem: ImportProblem): string {
  if (problem.line === undefined) return problem.message;
  const column = problem.column === undefined ? '' : `:${problem.column}`;
  return `${problem.file}:${problem.line}${column}: ${problem.message}`;
}
