import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { LineIndex, parseBundle, type Bundle } from '../core/bundle';

/** One input file and where its text sits in the combined bundle. */
export interface LoadedFile {
  name: string;
  start: number;
  end: number;
  lines: LineIndex;
}

/** Every input file joined into one bundle, so cross-file references are analysed together. */
export interface LoadedBundle {
  bundle: Bundle;
  files: LoadedFile[];
  /** Files that could not be read, with the reason. */
  failures: { name: string; reason: string }[];
}

const YAML_FILE = /\.(ya?ml|json)$/i;
const MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * Reads the named files (a directory means the YAML and JSON files under it; `-` is standard
 * input) and joins them into one bundle with a `---` between files.
 */
export function loadInputs(names: string[], readStdin: () => string): LoadedBundle {
  const texts: { name: string; text: string }[] = [];
  const failures: LoadedBundle['failures'] = [];
  for (const name of names) {
    try {
      if (name === '-') {
        texts.push({ name: '<stdin>', text: readStdin() });
        continue;
      }
      for (const file of expand(name)) {
        if (statSync(file).size > MAX_FILE_BYTES)
          throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
        const bytes = readFileSync(file);
        if (bytes.includes(0)) throw new Error('binary file (contains NUL bytes)');
        texts.push({ name: file, text: bytes.toString('utf8').replace(/^\uFEFF/, '') });
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
  return { bundle: parseBundle(combined), files, failures };
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
