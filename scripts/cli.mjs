// `npm run cli`: runs the bundled CLI, rebuilding it first when a source file is newer than the
// bundle. Running the bundle instead of the TypeScript sources keeps a validation of 1,000
// resources inside its one-second budget (a TypeScript loader alone costs half a second).
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'egress-studio.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json|ya?ml)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

const sources = Math.max(
  newestSource(join(root, 'src', 'core')),
  newestSource(join(root, 'src', 'cli')),
  newestSource(join(root, 'src', 'templates')),
  statSync(join(root, 'package-lock.json')).mtimeMs,
);
if (builtAt() < sources) {
  const { build } = await import('vite');
  // Build messages go to stderr: stdout belongs to the CLI's own output.
  await build({ configFile: join(root, 'vite.cli.config.ts'), logLevel: 'error', root });
}
await import(pathToFileURL(bundle).href);
