/**
 * Puts the first paint into index.html, so the browser paints it before any module has loaded:
 * the markup (the shell and the sample's graph, rendered by React: src/ui/first-paint/
 * first-paint.html, kept true by its test) inside the root, and right after it, inline, the script
 * that swaps in the saved design's graph and fits it (src/ui/first-paint/inline.ts, bundled here
 * with Vite itself into one small classic script).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { build, type Plugin, type Rollup } from 'vite';

const FIRST_PAINT = join(import.meta.dirname, '../src/ui/first-paint');

async function paintScript(): Promise<string> {
  const output = (await build({
    configFile: false,
    publicDir: false,
    logLevel: 'error',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: join(FIRST_PAINT, 'inline.ts'), formats: ['iife'], name: 'firstPaint' },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const [chunk] = (Array.isArray(output) ? output[0]! : output).output;
  return chunk.code.trim();
}

/** The Vite plugin: index.html with the first paint in it, in the build and in development. */
export function firstPaint(): Plugin {
  return {
    name: 'egress-studio:first-paint',
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const markup = readFileSync(join(FIRST_PAINT, 'first-paint.html'), 'utf8').trim();
        const script = await paintScript();
        // Replaced by a function: `$` in the markup or the script stays as it is.
        return html.replace(
          '<div id="root"></div>',
          () => `<div id="root">${markup}</div>\n    <script>${script}</script>`,
        );
      },
    },
  };
}
