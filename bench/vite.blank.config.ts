import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The blank page the bench compares the app's first graph with: same plugins and target.
export default defineConfig({
  root: 'bench/blank',
  plugins: [react()],
  build: { target: 'es2022', outDir: '../../dist-blank', emptyOutDir: true },
});
