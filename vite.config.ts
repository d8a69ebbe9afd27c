import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

import { firstPaint } from './scripts/first-paint-plugin.ts';

export default defineConfig({
  plugins: [react(), firstPaint()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The bench reads the chunk graph from it (what loads before the app is ready).
    manifest: true,
    // Monaco's lazy chunk is large by nature; the first load is budgeted separately (bench).
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Apart from React Flow (which uses it too): the first paint reads the saved preferences
            // through a zustand store, and must not wait for React Flow.
            { name: 'zustand', test: /node_modules[\\/]zustand[\\/]/ },
            { name: 'xyflow', test: /node_modules[\\/](@xyflow|d3-[a-z-]+|classcat)[\\/]/ },
            // Without includeDependenciesRecursively: false the entry would import this chunk.
            {
              name: 'monaco',
              test: /node_modules[\\/]monaco-editor[\\/]/,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
