import { defineConfig, devices } from '@playwright/test';

import { chromiumLaunchOptions } from './e2e/chromium';

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  reporter: process.env['PW_JSON_REPORT']
    ? [['list'], ['json', { outputFile: process.env['PW_JSON_REPORT'] }]]
    : 'list',
  use: {
    baseURL: 'http://127.0.0.1:4173',
    ...devices['Desktop Chrome'],
    headless: true,
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
