// The texts the fuzz suite mutates: the validator corpus, Istio's conformance fixtures and the
// scenario gallery, in a fixed order so a seed names the same cases on every machine.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One starting text, named by its path under the repository. */
export interface FuzzInput {
  name: string;
  text: string;
}

const root = join(import.meta.dirname, '../..');
const SOURCES = ['test/corpus', 'test/conformance/fixtures', 'src/templates/scenarios'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      return /\.(ya?ml|json)$/.test(entry.name) ? [path] : [];
    });
}

/** Every input, read once. */
export function loadInputs(): FuzzInput[] {
  return SOURCES.flatMap((source) =>
    filesUnder(join(root, source)).map((path) => ({
      name: relative(root, path),
      text: readFileSync(path, 'utf8'),
    })),
  );
}
