import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// React Flow alone, the second reference page of the first-graph bench: same plugins and target.
export default defineConfig({
  root: 'bench/flow',
  plugins: [react()],
  build: { target: 'es2022', outDir: '../../dist-flow', emptyOutDir: true },
});
