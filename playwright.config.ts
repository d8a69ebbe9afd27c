import { existsSync } from 'node:fs';

import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium where it is installed (CI, our machines); Playwright's own browser elsewhere.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

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
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
