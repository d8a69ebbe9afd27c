import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
const b = await chromium.launch(chromiumLaunchOptions);
for (const scheme of ['light', 'dark'] as const) {
  const page = await b.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
  await page.route('**/assets/boot-*.js', (r) => r.abort());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('http://127.0.0.1:4190/');
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `/tmp/fp-still-${scheme}.png` });
  const p2 = await b.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
  await p2.goto('http://127.0.0.1:4190/');
  await p2.getByRole('group', { name: 'External service: api.github.com' }).waitFor();
  await p2.waitForTimeout(1000);
  await p2.screenshot({ path: `/tmp/fp-app-${scheme}.png` });
  console.log(scheme, errors);
}
await b.close();
