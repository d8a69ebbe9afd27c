import { defineConfig, devices } from '@playwright/test';

import { chromiumLaunchOptions } from './e2e/chromium';

// Several checkouts may run their suites on one machine: PW_PORT moves the preview server.
const port = Number(process.env['PW_PORT'] ?? 4173);

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  // Journeys with several axe checks take ~40 s on a busy 2-core machine.
  timeout: 90_000,
  retries: process.env['CI'] ? 1 : 0,
  reporter: process.env['PW_JSON_REPORT']
    ? [['list'], ['json', { outputFile: process.env['PW_JSON_REPORT'] }]]
    : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    headless: true,
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
