import { readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { LineIndex } from '../core/bundle';

/** One input file and where its text sits in the combined bundle. */
export interface LoadedFile {
  name: string;
  start: number;
  end: number;
  lines: LineIndex;
}

/** Every input file joined into one bundle, so cross-file references are analysed together. */
export interface LoadedBundle {
  /** The files' texts joined with `---` (derive it with `deriveOnce`). */
  text: string;
  files: LoadedFile[];
  /** Files that could not be read, with the reason. */
  failures: { name: string; reason: string }[];
}

const YAML_FILE = /\.(ya?ml|json)$/i;
/** The most a file or standard input may hold: far past any real bundle, short of exhausting memory. */
const MAX_INPUT_MIB = 32;
const MAX_INPUT_BYTES = MAX_INPUT_MIB * 1024 * 1024;

/**
 * Reads the named files (a directory means the YAML and JSON files under it; `-` is standard
 * input) and joins them into one bundle with a `---` between files.
 */
export function loadInputs(names: string[], readStdin: StdinReader): LoadedBundle {
  const texts: { name: string; text: string }[] = [];
  const failures: LoadedBundle['failures'] = [];
  for (const name of names) {
    try {
      if (name === '-') {
        const text = readStdin(MAX_INPUT_BYTES);
        if (text.length > MAX_INPUT_BYTES) throw new Error(`larger than ${MAX_INPUT_MIB} MiB`);
        texts.push({ name: '<stdin>', text: checkedText(text) });
        continue;
      }
      for (const file of expand(name)) {
        const stat = statSync(file);
        // A FIFO would block for ever, a device (/dev/zero) never ends: only files are read.
        if (!stat.isFile()) {
          failures.push({ name: file, reason: 'not a regular file' });
          continue;
        }
        if (stat.size > MAX_INPUT_BYTES) throw new Error(`larger than ${MAX_INPUT_MIB} MiB`);
        texts.push({ name: file, text: checkedText(readFileSync(file, 'utf8')) });
      }
    } catch (error) {
      failures.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  let combined = '';
  const files: LoadedFile[] = [];
  for (const { name, text } of texts) {
    if (combined !== '') combined += combined.endsWith('\n') ? '---\n' : '\n---\n';
    const start = combined.length;
    combined += text;
    files.push({ name, start, end: combined.length, lines: new LineIndex(text) });
  }
  return { text: combined, files, failures };
}

/**
 * Reads standard input as text, at most `limit` bytes: throws past that. The CLI reads the
 * process's ({@link readProcessStdin}); tests give their own.
 */
export type StdinReader = (limit: number) => string;

/** The process's standard input, read up to `limit` bytes (a pipe has no size to check first). */
export function readProcessStdin(limit: number): string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const chunk = new Uint8Array(1024 * 1024);
  for (;;) {
    let read: number;
    try {
      read = readSync(0, chunk);
    } catch (error) {
      // Standard input not ready yet (a non-blocking pipe): wait a moment and read again.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (read === 0) break;
    total += read;
    if (total > limit) throw new Error(`larger than ${MAX_INPUT_MIB} MiB`);
    chunks.push(chunk.slice(0, read));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An input's text without its byte order mark; refused when it holds NUL characters (a binary file). */
function checkedText(text: string): string {
  if (text.includes('\0')) throw new Error('binary file (contains NUL bytes)');
  return text.replace(/^\uFEFF/, '');
}

function expand(name: string): string[] {
  if (!statSync(name).isDirectory()) return [name];
  return readdirSync(name, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(name, entry.name);
      if (entry.isDirectory()) return expand(path);
      return YAML_FILE.test(entry.name) ? [path] : [];
    });
}

/** Maps an offset of the combined bundle to its file and a 1-based position in that file. */
export function locateOffset(
  files: LoadedFile[],
  offset: number,
): { file: string; line: number; column: number } {
  let file = files[0];
  for (const candidate of files) if (candidate.start <= offset) file = candidate;
  if (!file) return { file: '', line: 1, column: 1 };
  const position = file.lines.positionAt(Math.min(offset, file.end) - file.start);
  return { file: file.name, ...position };
}
