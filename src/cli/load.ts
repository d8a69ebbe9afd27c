import { readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { LineIndex } from '../core/bundle';
import { decodeInput, type ImportInput, type InputReader } from '../core/import';

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
/** The CLI reads its inputs as the app imports files, with a limit of its own. */
const CLI_READER: InputReader = { limitBytes: MAX_INPUT_BYTES, verb: 'read' };

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
        const read = readStdin(MAX_INPUT_BYTES);
        texts.push({
          name: '<stdin>',
          text: decoded(read instanceof Uint8Array ? { name, bytes: read } : { name, text: read }),
        });
        continue;
      }
      const found = expand(name);
      // A directory with nothing to read is a mistake (a wrong path, or manifests not yet written):
      // passing a CI check on it would hide that.
      if (found.length === 0) throw new Error('a directory with no .yaml, .yml or .json file under it');
      // Each file on its own: one that cannot be read is reported, and the others are read.
      for (const file of found) {
        try {
          const stat = statSync(file);
          // A FIFO would block for ever, a device (/dev/zero) never ends: only files are read.
          if (!stat.isFile()) throw new Error('not a regular file');
          // Past the limit, refused by its size alone (never read).
          const bytes = stat.size > MAX_INPUT_BYTES ? new Uint8Array(0) : readFileSync(file);
          texts.push({ name: file, text: decoded({ name: file, bytes, size: stat.size }) });
        } catch (error) {
          failures.push({ name: file, reason: error instanceof Error ? error.message : String(error) });
        }
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
 * Reads standard input, as bytes or text, at most `limit` bytes: throws past that. The CLI reads
 * the process's ({@link readProcessStdin}); tests give their own.
 */
export type StdinReader = (limit: number) => Uint8Array | string;

/** The process's standard input, read up to `limit` bytes (a pipe has no size to check first). */
export function readProcessStdin(limit: number): Uint8Array {
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
    if (total > limit) throw new Error(`it is larger than the limit of ${MAX_INPUT_MIB} MiB`);
    chunks.push(chunk.slice(0, read));
  }
  return Buffer.concat(chunks);
}

/**
 * An input's text without its byte order mark; refused (thrown, to be reported as the input's
 * failure) past the limit, as binary data (NUL bytes), when it is neither UTF-8 nor UTF-16 with
 * its byte order mark (which kubectl reads too).
 */
function decoded(input: ImportInput): string {
  const result = decodeInput(input, 'it', CLI_READER);
  if ('text' in result) return result.text;
  throw new Error(result.line === undefined ? result.message : `${result.message} (line ${result.line})`);
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
