// The app shell as a person uses it all day: words, panes, theme, a new design, scenarios that stay explained.
import { expect, openDesigner, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

test('the scenario gallery speaks of Istio, never of internal pattern ids such as E13', async ({ page }) => {
  await openDesigner(page);
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  const gallery = page.getByRole('dialog', { name: 'Scenarios' });
  await expect(gallery.getByRole('status')).toContainText(/of \d+ scenarios$/);
  const words = await gallery.evaluate((dialog) => {
    const search = dialog.querySelector('input[type="search"]');
    // Folded notes ("Corrected from the original") are read too: a person opens them.
    for (const details of dialog.querySelectorAll('details')) details.open = true;
    return `${dialog.textContent ?? ''} ${search?.getAttribute('placeholder') ?? ''}`;
  });
  expect(words.match(/\bE\d+\b/g) ?? []).toEqual([]);
  // Readable sources instead: the istio.io task a scenario comes from.
  await expect(gallery).toContainText('Istio task: Egress Gateways with TLS Origination');
});
