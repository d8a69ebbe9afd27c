import { expect, test } from './fixtures';

test('the production build loads and the engine derives the sample design in the browser', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Egress Studio' })).toBeVisible();
  const graph = page.getByRole('region', { name: 'Egress graph' });
  await expect(graph.getByRole('group', { name: 'Egress gateway: istio-egressgateway' })).toBeVisible();
  await expect(graph.getByRole('group', { name: 'External service: api.payment-gateway.com' })).toBeVisible();
  await expect(graph.getByRole('group', { name: 'Mesh policy: REGISTRY_ONLY' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText(
    /\d+ errors? · \d+ warnings? · \d+ info/,
  );
  expect(errors).toEqual([]);
});
