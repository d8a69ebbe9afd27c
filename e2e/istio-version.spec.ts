import { expect, expectAccessible, openDesigner, test, typeAtEnd } from './fixtures';

// A DestinationRule with an HTTP/2 keepalive, a field Istio 1.31 added.
const KEEPALIVE = [
  '---',
  '{apiVersion: networking.istio.io/v1, kind: DestinationRule, metadata: {name: github-keepalive, namespace: payments}, spec: {host: api.github.com, trafficPolicy: {connectionPool: {http: {http2KeepAlive: {interval: 30s, timeout: 5s}}}}}}',
].join('\n');
const FLAGGED =
  'spec.trafficPolicy.connectionPool.http.http2KeepAlive: field added in Istio 1.31; this design targets Istio 1.30';

const open = openDesigner;

test.use({ viewport: { width: 1280, height: 800 } });

test('the Istio version the design targets flags newer fields, is undoable, and survives a reload', async ({
  page,
}) => {
  await open(page);
  const version = page.getByRole('toolbar', { name: 'Design' }).getByLabel('Istio version');
  await expect(version).toHaveValue('1.31');
  await typeAtEnd(page, KEEPALIVE);
  const problems = page.getByRole('region', { name: 'Problems' });
  const flagged = problems.getByRole('button').filter({ hasText: FLAGGED });
  await expect(page.getByRole('group', { name: 'External service: api.github.com' })).toBeVisible();
  await expect(flagged).toHaveCount(0);

  await version.selectOption('1.30');
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toContainText('SCHEMA-RELEASE');
  // The problem leads to the field in the DestinationRule's form, flagged there too.
  await flagged.click();
  const form = page.getByRole('form', { name: 'Edit DestinationRule/payments/github-keepalive' });
  await expect(form.getByRole('listitem').filter({ hasText: FLAGGED })).toHaveCount(1);

  await version.selectOption('1.31');
  await expect(flagged).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(version).toHaveValue('1.30');
  await expect(flagged).toHaveCount(1);

  await page.waitForTimeout(600); // autosave waits for a pause
  await page.reload();
  await expect(page.getByRole('toolbar', { name: 'Design' }).getByLabel('Istio version')).toHaveValue('1.30');
  await expect(
    page.getByRole('region', { name: 'Problems' }).getByRole('button').filter({ hasText: FLAGGED }),
  ).toHaveCount(1);
});

test('a field newer than the target is not offered in the forms', async ({ page }) => {
  await open(page);
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  const form = page.getByRole('form', { name: 'Edit DestinationRule/payments/payment-gateway' });
  const addToPolicy = form.getByRole('combobox', { name: 'Add a field to Traffic policy' }).first();
  await expect(addToPolicy.getByRole('option', { name: 'Retry budget' })).toHaveCount(1);
  await page.getByRole('toolbar', { name: 'Design' }).getByLabel('Istio version').selectOption('1.26');
  // retryBudget came with Istio 1.27.
  await expect(addToPolicy.getByRole('option', { name: 'Retry budget' })).toHaveCount(0);
});

test('the toolbar fits a 1280×800 window in light and dark, without overlaps, and stays accessible', async ({
  page,
}, testInfo) => {
  await open(page);
  const toolbar = page.getByRole('toolbar', { name: 'Design' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const boxes = await toolbar.evaluate((bar) =>
      [...bar.children]
        .filter((child) => !child.classList.contains('toolbar-gap'))
        .map((child) => {
          const r = child.getBoundingClientRect();
          return {
            name: child.textContent ?? '',
            left: r.left,
            right: r.right,
            top: r.top,
            bottom: r.bottom,
          };
        }),
    );
    // One row, as tall as the first paint's header (which has no toolbar): the graph does not move.
    expect((await page.locator('.shell-header').boundingBox())!.height).toBeLessThanOrEqual(42);
    for (const [i, a] of boxes.entries()) {
      expect(a.right, `${a.name} inside the window (${scheme})`).toBeLessThanOrEqual(1280);
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap, `${a.name} overlaps ${b.name} (${scheme})`).toBe(false);
      }
    }
    await page.locator('.shell-header').screenshot({ path: testInfo.outputPath(`toolbar-${scheme}.png`) });
    await expectAccessible(page, `toolbar, ${scheme}`);
  }
});
