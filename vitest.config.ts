import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Property and incremental tests run thousands of derivations: a busy 2-core machine needs room.
    testTimeout: 20_000,
    reporters: process.env['CI_JSON_REPORT']
      ? ['default', ['json', { outputFile: process.env['CI_JSON_REPORT'] }]]
      : ['default'],
  },
});
