// The inspector's forms, used as a person would: adding fields and items by keyboard and mouse,
// typing into them, and reading the YAML they write.
import {
  expect,
  expectAccessible,
  openDesigner as open,
  openPalette,
  savedText,
  test,
  type Page,
} from './fixtures';

const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });

test('adding to a list focuses its new input and writes nothing until a value is typed', async ({ page }) => {
  await open(page);
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  const form = page.getByRole('form', { name: 'Edit ServiceEntry/payments/payment-gateway' });
  await expect(problems(page)).toContainText('0 errors · 0 warnings');
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeDisabled();

  await form.getByRole('button', { name: 'Add to Export to' }).click();
  const added = form.getByLabel('Export to 3', { exact: true });
  await expect(added).toBeFocused();
  await expect(added).toHaveValue('');
  // Nothing written: no empty namespace, no problem, no nameless client in the graph.
  await expect(undo).toBeDisabled();
  await expect(problems(page)).toContainText('0 errors · 0 warnings');
  await expect(page.getByRole('group', { name: /^(Workload|Sidecar): ?$/ })).toHaveCount(0);
  // The node's actions and an item being added pass axe too (a slow check on a busy machine).
  test.setTimeout(90_000);
  await expectAccessible(page, 'adding to a list');

  await page.keyboard.type('billing');
  await expect.poll(() => savedText(page)).toContain('    - orders\n    - billing\n');
  await expect(problems(page)).toContainText('0 errors');
  await expect(page.getByRole('group', { name: 'Workload: billing' })).toBeVisible();
  // The new item and the typing in it are one undo step.
  await undo.click();
  await expect.poll(() => savedText(page)).not.toContain('billing');
  await expect(undo).toBeDisabled();
});

test('an added field starts empty and focused: no port 0, no TLS mode DISABLE, block YAML once chosen', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  const undo = page.getByRole('button', { name: 'Undo' });

  // A new port shows its required fields, the first one focused; a number is written as typed.
  const se = page.getByRole('form', { name: 'Edit ServiceEntry/payments/payment-gateway' });
  await se.getByRole('button', { name: 'Add to Ports' }).click();
  const port = se.locator('[data-path="spec.ports[1]"]');
  await expect(port.getByLabel('Name', { exact: true })).toBeFocused();
  await expect(port.getByLabel('Number', { exact: true })).toHaveValue('');
  await expect(undo).toBeDisabled();
  await page.keyboard.type('https');
  // A port without a number is not valid: it stays in the form until it has one.
  await expect(undo).toBeDisabled();
  await page.keyboard.press('Tab'); // past the name's remove button
  await page.keyboard.press('Tab');
  await expect(port.getByLabel('Number', { exact: true })).toBeFocused();
  await page.keyboard.type('8443');
  await expect.poll(() => savedText(page)).toContain('    - name: https\n      number: 8443\n');

  // Adding the target port by keyboard: the arrow keys only choose, Enter adds it, empty.
  const addToPort = port.getByRole('combobox', { name: 'Add a field to Ports' });
  await addToPort.focus();
  const before = await savedText(page);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(addToPort).not.toHaveValue(''); // the arrows chose a field…
  await expect(port.getByLabel('Target port', { exact: true })).toHaveCount(0); // …and added none
  await addToPort.selectOption({ label: 'Target port' });
  await expect(port.getByLabel('Target port', { exact: true })).toHaveCount(0);
  await addToPort.press('Enter');
  const targetPort = port.getByLabel('Target port', { exact: true });
  await expect(targetPort).toBeFocused();
  await expect(targetPort).toHaveValue('');
  await page.waitForTimeout(600); // autosave waits for a pause
  expect(await savedText(page)).toBe(before);
  await page.keyboard.type('443');
  await expect
    .poll(() => savedText(page))
    .toContain('    - name: https\n      number: 8443\n      targetPort: 443\n');

  // TLS added to the rule's traffic policy: nothing until a mode is chosen, then block style.
  const dr = page.getByRole('form', { name: 'Edit DestinationRule/payments/payment-gateway' });
  await dr
    .getByRole('combobox', { name: 'Add a field to Traffic policy' })
    .first()
    .selectOption({ label: 'TLS' });
  await dr.getByRole('button', { name: 'Add TLS' }).click();
  const addToTls = dr.getByRole('combobox', { name: 'Add a field to TLS' });
  await expect(addToTls).toBeFocused();
  await addToTls.selectOption({ label: 'TLS mode' });
  await addToTls.press('Enter');
  const mode = dr
    .locator('[data-path="spec.trafficPolicy.tls.mode"]')
    .getByLabel('TLS mode', { exact: true });
  await expect(mode).toBeFocused();
  await expect(mode).toHaveValue('');
  await page.waitForTimeout(600);
  expect(await savedText(page)).not.toContain('mode: DISABLE');
  await mode.selectOption('SIMPLE');
  // Block style, in the document's indentation, right under the policy's other fields.
  await expect
    .poll(() => savedText(page))
    .toContain('          sni: api.payment-gateway.com\n    tls:\n      mode: SIMPLE\n---');
  expect(await savedText(page)).not.toContain('{');
});

test('Ctrl+Z and Ctrl+Shift+Z in a form field undo and redo the design, not just the input', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  const form = page.getByRole('form', { name: 'Edit ServiceEntry/payments/payment-gateway' });
  const host = form.getByLabel('Hosts 1', { exact: true });
  await host.click();
  await page.keyboard.press('End');
  await page.keyboard.type('.example');
  await expect.poll(() => savedText(page)).toContain('- api.payment-gateway.com.example\n');
  await page.keyboard.press('Control+z');
  await expect(host).toHaveValue('api.payment-gateway.com');
  await expect(host).toBeFocused();
  await expect.poll(() => savedText(page)).not.toContain('api.payment-gateway.com.example');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.keyboard.press('Control+Shift+z');
  await expect(host).toHaveValue('api.payment-gateway.com.example');
  await expect.poll(() => savedText(page)).toContain('- api.payment-gateway.com.example\n');
});

test('a choice in a select shows at once and follows undo and redo back and forth', async ({ page }) => {
  await open(page);
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  const form = page.getByRole('form', { name: 'Edit ServiceEntry/payments/payment-gateway' });
  const resolution = form.getByRole('combobox', { name: 'Resolution', exact: true });
  const before = await resolution.inputValue();
  await resolution.focus();
  await page.keyboard.press(before === 'NONE' ? 'ArrowUp' : 'ArrowDown');
  const chosen = await resolution.inputValue();
  expect(chosen).not.toBe(before);
  await expect.poll(() => savedText(page)).toContain(`resolution: ${chosen}\n`);
  // The form is drawn again in the background: the choice holds, and undo still reaches it.
  await page.waitForTimeout(200);
  await expect(resolution).toHaveValue(chosen);
  await page.keyboard.press('Control+z');
  await expect(resolution).toHaveValue(before);
  await expect.poll(() => savedText(page)).toContain(`resolution: ${before}\n`);
  await page.keyboard.press('Control+Shift+z');
  await expect(resolution).toHaveValue(chosen);
});

test('a node added from the palette is selected and has the focus', async ({ page }) => {
  await open(page);
  await openPalette(page, 'Add external service');
  const form = page.getByRole('form', { name: 'Add external service' });
  await form.getByLabel('Host').fill('api.stripe.com');
  await form.getByLabel('Namespace').fill('payments');
  await form.getByLabel('Namespace').press('Enter');
  const stripe = page.getByRole('group', { name: 'External service: api.stripe.com' });
  await expect(stripe).toBeFocused();
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText(
    'ServiceEntry/payments/api-stripe-com',
  );
  // From there the keyboard carries on: Delete asks to delete it.
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog', { name: 'Delete External service: api.stripe.com' })).toBeVisible();
});

test('Delete on a node that no resource defines says there is nothing to delete', async ({ page }) => {
  await open(page);
  const other = page.getByRole('group', { name: 'External service: any other host' });
  await other.focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to delete' })).toContainText(
    'no resource in the design defines',
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('retries, timeout, connection pool and circuit breaker set on an existing service through forms alone', async ({
  page,
}) => {
  await open(page);
  // A service registered bare: a ServiceEntry, no rule, no route.
  await openPalette(page, 'Add external service');
  const add = page.getByRole('form', { name: 'Add external service' });
  await add.getByLabel('Host').fill('api.stripe.com');
  await add.getByLabel('Protocol').selectOption('HTTP');
  await add.getByLabel('Port').fill('80');
  await add.getByLabel('Namespace').fill('payments');
  await add.getByRole('button', { name: 'Add' }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText('ServiceEntry/payments/api-stripe-com');

  await inspector.getByRole('button', { name: 'Add VirtualService' }).click();
  await inspector.getByRole('button', { name: 'Add DestinationRule' }).click();
  await expect(inspector.getByRole('button', { name: /^Add (VirtualService|DestinationRule)$/ })).toHaveCount(
    0,
  );
  await expect(problems(page)).toContainText('0 errors · 0 warnings');

  // Retries: added to the route by keyboard, field by field, each written once it has a value.
  const vs = page.getByRole('form', { name: 'Edit VirtualService/payments/api-stripe-com' });
  const addToRoute = vs.getByRole('combobox', { name: 'Add a field to HTTP' });
  await addToRoute.selectOption({ label: 'Retries' });
  await addToRoute.press('Enter');
  const addToRetries = vs.getByRole('combobox', { name: 'Add a field to Retries' });
  await expect(addToRetries).toBeFocused();
  await addToRetries.selectOption({ label: 'Attempts' });
  await addToRetries.press('Enter');
  await expect(vs.getByLabel('Attempts', { exact: true })).toBeFocused();
  await page.keyboard.type('2');
  await addToRetries.selectOption({ label: 'Per try timeout' });
  await addToRetries.press('Enter');
  await page.keyboard.type('5s');
  const timeout = vs.getByLabel('Timeout', { exact: true });
  await timeout.fill('12s');

  const dr = page.getByRole('form', { name: 'Edit DestinationRule/payments/api-stripe-com' });
  // The connection pool and the circuit breaker (outlier detection) are groups to open.
  await dr.locator('summary', { hasText: /^Connection pool$/ }).click();
  await dr.locator('summary', { hasText: /^TCP$/ }).click();
  await dr.getByLabel('Max connections', { exact: true }).fill('20');
  await dr.locator('summary', { hasText: /^Outlier detection$/ }).click();
  await dr.getByLabel('Consecutive 5xx errors', { exact: true }).fill('3');

  await expect
    .poll(() => savedText(page))
    .toMatch(/\n {6}timeout: 12s\n {6}retries:\n {8}attempts: 2\n {8}perTryTimeout: 5s\n/);
  await expect.poll(() => savedText(page)).toMatch(/ {6}tcp:\n {8}maxConnections: 20\n/);
  await expect.poll(() => savedText(page)).toMatch(/ {6}consecutive5xxErrors: 3\n/);
  await expect(problems(page)).toContainText('0 errors · 0 warnings');
  await inspector.getByText(/^Connections \(\d+\)$/).click();
  await expect(inspector.getByRole('listitem').filter({ hasText: 'From Sidecar: payments' })).toContainText(
    'timeout 12s, 2 retries, circuit breaker',
  );

  // The route can go again, and come back with Undo.
  await inspector.getByRole('button', { name: 'Remove VirtualService/payments/api-stripe-com' }).click();
  await expect(vs).toHaveCount(0);
  await expect(inspector.getByRole('button', { name: 'Add VirtualService' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(vs.getByLabel('Attempts', { exact: true })).toHaveValue('2');
});

test('a service routed through the egress gateway goes back to direct in one step', async ({ page }) => {
  await open(page);
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const original = await page
    .evaluate(() => new Promise<void>((done) => setTimeout(done, 600)))
    .then(() => savedText(page));
  await inspector.getByRole('button', { name: 'Route through the egress gateway' }).click();
  await expect(inspector).toContainText('VirtualService/istio-system/api-payment-gateway-com-via-egress');
  await inspector.getByText(/^Connections \(\d+\)$/).click();
  await expect(inspector.getByRole('listitem').filter({ hasText: 'From Egress gateway' })).toHaveCount(1);

  await inspector.getByRole('button', { name: 'Route directly, not through the egress gateway' }).click();
  await expect(inspector).not.toContainText('api-payment-gateway-com-via-egress');
  await expect(inspector.getByRole('button', { name: 'Route through the egress gateway' })).toBeVisible();
  await expect(inspector.getByRole('listitem').filter({ hasText: 'From Egress gateway' })).toHaveCount(0);
  // Exactly the design it was, and each way is one undo step.
  await expect.poll(() => savedText(page)).toBe(original);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(inspector).toContainText('VirtualService/istio-system/api-payment-gateway-com-via-egress');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => savedText(page)).toBe(original);
});
