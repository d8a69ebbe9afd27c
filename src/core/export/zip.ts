import { strToU8, zipSync, type Zippable } from 'fflate';

import type { ExportFile } from './files';

// A fixed time stamp makes the archive a function of its files: the same design, the same bytes.
// Zip stores local wall-clock fields, so the date is built from fields too (1980 is the format's
// first year), which keeps the bytes the same in every time zone.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Packs files into a zip archive (deflate), each under its path, in the order given. The output is
 * deterministic: fixed time stamps, Unix `rw-r--r--` permissions, no comments or extra fields.
 * Paths are expected to be safe relative paths, as `splitBundle` makes them.
 */
export function zipFiles(files: readonly ExportFile[]): Uint8Array<ArrayBuffer> {
  const entries: Zippable = {};
  for (const file of files) {
    entries[file.path] = [strToU8(file.text), { mtime: FIXED_MTIME, os: 3, attrs: 0o644 << 16 }];
  }
  return zipSync(entries, { level: 6 });
}
