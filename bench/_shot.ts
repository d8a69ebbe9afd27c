import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
const b = await chromium.launch(chromiumLaunchOptions);
for (const [w, h, scheme] of [
  [1280, 800, 'light'],
  [1920, 1080, 'dark'],
  [1920, 1080, 'light'],
  [1280, 800, 'dark'],
] as const) {
  const page = await b.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
  await page.goto('http://127.0.0.1:4190/');
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  await page.getByRole('button', { name: 'Add client namespace' }).click();
  await page.getByRole('form', { name: 'Add client namespace' }).getByLabel('Namespace').fill('Bad');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/ui-${w}-${scheme}.png` });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('group', { name: 'Mesh policy: REGISTRY_ONLY' }).click();
  await page.getByRole('region', { name: 'Inspector' }).getByText('Labels and annotations').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/mesh-${w}-${scheme}.png` });
  await page.close();
}
await b.close();
