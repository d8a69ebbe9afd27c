import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    reporters: process.env['CI_JSON_REPORT']
      ? ['default', ['json', { outputFile: process.env['CI_JSON_REPORT'] }]]
      : ['default'],
  },
});
