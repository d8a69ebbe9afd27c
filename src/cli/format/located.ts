import type { Diagnostic } from '../../core/analysis/types';
import { locateOffset, type LoadedFile } from '../load';

/** A diagnostic with file positions, as the JSON output contract (DESIGN.md §3) lists it. */
export interface LocatedDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  resource: string;
  path: string;
}

/** Turns bundle offsets into per-file 1-based lines and columns. */
export function locateDiagnostics(diagnostics: Diagnostic[], files: LoadedFile[]): LocatedDiagnostic[] {
  return diagnostics.map((d) => {
    const start = locateOffset(files, d.range.start);
    const end = locateOffset(files, d.range.end);
    return {
      file: start.file,
      line: start.line,
      column: start.column,
      endLine: end.file === start.file ? end.line : start.line,
      endColumn: end.file === start.file ? end.column : start.column,
      severity: d.severity,
      code: d.code,
      message: d.message,
      resource: d.resource ?? '',
      path: d.path,
    };
  });
}
