import { clickIntoEditor, editorLines, expect, openDesigner, test } from './fixtures';

// A ServiceEntry as a person types it: spaces, colons, indentation and new lines, key by key.
const SERVICE_ENTRY = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: typed-api
  namespace: payments
spec:
  hosts:
  - api.typed.example
  ports:
  - number: 443
    name: tls
    protocol: TLS
  resolution: DNS
`;

test.use({ viewport: { width: 1920, height: 1080 } });

test('a ServiceEntry typed key by key in the YAML pane is exactly the text typed, and draws its service', async ({
  page,
}) => {
  await openDesigner(page);
  await clickIntoEditor(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(SERVICE_ENTRY);
  expect(await editorLines(page)).toEqual(SERVICE_ENTRY.split('\n'));
  await expect(page.getByRole('group', { name: 'External service: api.typed.example' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('0 errors');
});

test('Enter starts a new line while suggestions are open; Tab takes the suggestion', async ({ page }) => {
  await openDesigner(page);
  await clickIntoEditor(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nspec:\n  reso');
  const suggestions = page.getByRole('region', { name: 'YAML editor' }).locator('.suggest-widget');
  await expect(suggestions).toContainText('resolution');
  // A person who typed the whole key goes on typing: Enter is a new line, not the suggestion.
  await page.keyboard.type('lution: DNS\n  hosts:\n');
  await expect(suggestions).toBeHidden();
  expect((await editorLines(page)).slice(2, 6)).toEqual(['spec:', '  resolution: DNS', '  hosts:', '']);
  await page.keyboard.type('  por');
  await expect(suggestions).toContainText('ports');
  await page.keyboard.press('Tab');
  expect((await editorLines(page)).slice(5, 6)).toEqual(['  ports: ']);
});
