import { MAX_IMPORT_BYTES, type ImportInput } from '../../core/import';

/**
 * Reads files for the import. A file over the limit is read only up to just past it: enough for
 * the import to refuse it by size without holding a huge file in memory.
 */
export async function readFiles(files: readonly File[]): Promise<ImportInput[]> {
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      size: file.size,
      bytes: new Uint8Array(await file.slice(0, MAX_IMPORT_BYTES + 1).arrayBuffer()),
    })),
  );
}
