import { builtinModules } from 'node:module';

import { defineConfig } from 'vite';

// Builds the CLI as one Node ESM file for the published `egress-studio` bin.
export default defineConfig({
  build: {
    ssr: 'src/cli/entry.ts',
    outDir: 'dist-cli',
    target: 'node20',
    emptyOutDir: true,
    rolldownOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: 'egress-studio.js', format: 'es' },
    },
  },
  ssr: { noExternal: true },
  publicDir: false,
});
