import {
  clickIntoEditor,
  expect,
  expectAccessible,
  openDesigner,
  openPalette,
  savedDesign,
  test,
  typeAtEnd,
  type Page,
} from './fixtures';

const SLACK = [
  '---',
  '{apiVersion: networking.istio.io/v1, kind: ServiceEntry, metadata: {name: slack, namespace: orders, annotations: {owner: chat}}, spec: {hosts: [hooks.slack.com], ports: [{number: 443, name: tls, protocol: TLS}], resolution: DNS}}',
].join('\n');

const open = openDesigner;

// A full-HD window: the YAML pane then shows a whole selected document.
test.use({ viewport: { width: 1920, height: 1080 } });

test('typing a ServiceEntry into the YAML pane draws its external service, and undo takes it back', async ({
  page,
}) => {
  await open(page);
  await typeAtEnd(page, SLACK);
  const slack = page.getByRole('group', { name: 'External service: hooks.slack.com' });
  await expect(slack).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(slack).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(slack).toBeVisible();
});

test('broken YAML is announced with its line, the graph stays, and fixing it clears the alert', async ({
  page,
}) => {
  await open(page);
  await typeAtEnd(page, '---\nkind: [unclosed');
  // (Monaco keeps empty alert regions of its own for screen readers.)
  const alert = page.getByRole('alert').filter({ hasText: 'does not parse' });
  await expect(alert).toContainText(/does not parse at line \d+/);
  await expect(page.getByRole('group', { name: 'External service: api.github.com' })).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.insertText(']');
  await expect(alert).toHaveCount(0);
});

test('the design survives a reload', async ({ page }) => {
  await open(page);
  await typeAtEnd(page, SLACK);
  await expect(page.getByRole('group', { name: 'External service: hooks.slack.com' })).toBeVisible();
  await page.waitForTimeout(600); // autosave waits for a pause in typing
  await page.reload();
  await expect(page.getByRole('group', { name: 'External service: hooks.slack.com' })).toBeVisible();
});

/** Waits until autosave has written `pattern` into the saved design (it waits for a pause). */
async function saved(page: Page, pattern: RegExp) {
  await expect.poll(() => savedDesign(page)).toMatch(pattern);
}

test('a reload while the YAML does not parse shows the same last good graph, read-only', async ({ page }) => {
  await open(page);
  await typeAtEnd(page, SLACK);
  const slack = page.getByRole('group', { name: 'External service: hooks.slack.com' });
  await expect(slack).toBeVisible();
  // Break the document that holds it: its service stays on the graph from the last good state.
  await page.keyboard.type('[oops');
  const alert = page.getByRole('alert').filter({ hasText: 'does not parse' });
  await expect(alert).toBeVisible();
  await expect(slack).toBeVisible();
  await saved(page, /"lastGood":/);
  await page.reload();
  await expect(alert).toContainText(/does not parse at line \d+/);
  await expect(slack).toBeVisible();
  await expect(page.getByRole('group', { name: 'External service: api.github.com' })).toBeVisible();
  // Its forms are there, read-only, until the text parses again.
  await slack.click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await expect(inspector.getByLabel('Resolution').first()).toBeDisabled();
  // Fixing the text (by keyboard: the broken last line goes) takes over from the saved last good state.
  await clickIntoEditor(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Delete');
  await expect(alert).toHaveCount(0);
  await expect(slack).toBeVisible();
});

test('undo and redo work after a reload', async ({ page }) => {
  await open(page);
  await page.getByRole('group', { name: 'Mesh policy: REGISTRY_ONLY' }).click();
  await page
    .getByRole('region', { name: 'Inspector' })
    .getByLabel('Outbound traffic policy')
    .selectOption('ALLOW_ANY');
  await expect(page.getByRole('group', { name: 'Mesh policy: ALLOW_ANY' })).toBeVisible();
  await typeAtEnd(page, SLACK);
  const slack = page.getByRole('group', { name: 'External service: hooks.slack.com' });
  await expect(slack).toBeVisible();
  // Saved as steps back from the design: the second step back restores REGISTRY_ONLY.
  await saved(page, /"history":.*REGISTRY_ONL/);
  await page.reload();
  await expect(slack).toBeVisible();
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await expect(redo).toBeDisabled();
  await undo.click();
  await expect(slack).toHaveCount(0);
  await undo.click();
  await expect(page.getByRole('group', { name: 'Mesh policy: REGISTRY_ONLY' })).toBeVisible();
  await expect(undo).toBeDisabled();
  await redo.click();
  await expect(page.getByRole('group', { name: 'Mesh policy: ALLOW_ANY' })).toBeVisible();
  // What is left to redo survives a reload too.
  await saved(page, /mode: ALLOW_ANY/);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Mesh policy: ALLOW_ANY' })).toBeVisible();
  await expect(slack).toHaveCount(0);
  await redo.click();
  await expect(slack).toBeVisible();
  await expect(redo).toBeDisabled();
});

test('selecting a node shows its resources, and a problem leads to its line', async ({ page }) => {
  await open(page);
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText('ServiceEntry/payments/payment-gateway');
  // The traffic the canvas draws, in words.
  await inspector.getByText(/^Connections \(\d+\)$/).click();
  await expect(inspector.getByRole('listitem').filter({ hasText: 'From Sidecar: orders' })).toContainText(
    'HTTP:80 · mTLS origination (timeout 60s, 2 retries, circuit breaker)',
  );
  await typeAtEnd(
    page,
    '---\n{apiVersion: networking.istio.io/v1, kind: ServiceEntry, metadata: {name: bad, namespace: orders}, spec: {hosts: ["*"], ports: [{number: 80, name: http, protocol: HTTP}]}}',
  );
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText(/[1-9]\d* errors? · \d+ warnings? · \d+ info/);
  const yaml = page.getByRole('region', { name: 'YAML editor' }).locator('.view-lines');
  await page.keyboard.press('Control+Home');
  await expect(yaml).not.toContainText('name: bad');
  await problems.getByRole('button', { name: /SE-02/ }).click();
  await expect(yaml).toContainText('name: bad');
  // The field the problem is about has the keyboard focus in the inspector.
  const field = inspector
    .getByRole('form', { name: 'Edit ServiceEntry/orders/bad' })
    .getByLabel('Hosts 1', { exact: true });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('*');
});

test('the palette adds an external service, and deleting its node asks first and can be undone', async ({
  page,
}) => {
  await open(page);
  await openPalette(page, 'Add external service');
  const form = page.getByRole('form', { name: 'Add external service' });
  await form.getByLabel('Host').fill('api.stripe.com');
  await form.getByLabel('Protocol').selectOption('TLS');
  await form.getByLabel('Namespace').fill('payments');
  await form.getByLabel(/^DestinationRule/).check();
  await form.getByLabel(/^VirtualService/).check();
  await form.getByRole('button', { name: 'Add' }).click();
  const stripe = page.getByRole('group', { name: 'External service: api.stripe.com' });
  await expect(stripe).toBeVisible();
  // The rule and route it asked for come with it, and the three are correct as the cluster sees them.
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('0 errors · 0 warnings');
  // The new node is selected, which brings its document into view in the YAML pane.
  const yaml = page.getByRole('region', { name: 'YAML editor' }).locator('.view-lines');
  await expect(yaml).toContainText('api.stripe.com');

  // Keyboard only: focus the node, Enter selects it, Delete asks, Enter on the dialog's button confirms.
  await stripe.focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText('ServiceEntry/payments/api-stripe-com');
  await expect(inspector).toContainText('DestinationRule/payments/api-stripe-com');
  await expect(inspector).toContainText('VirtualService/payments/api-stripe-com');
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete External service: api.stripe.com' });
  await expect(dialog).toContainText('ServiceEntry/payments/api-stripe-com');
  await dialog.getByRole('button', { name: 'Delete' }).press('Enter');
  await expect(stripe).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(stripe).toBeVisible();

  // Adding the same service again opens the one there is: a copy would replace it when applied.
  await openPalette(page, 'Add external service');
  await form.getByLabel('Host').fill('api.stripe.com');
  await form.getByLabel('Protocol').selectOption('TLS');
  await form.getByLabel('Namespace').fill('payments');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'already in the design' })).toContainText(
    'ServiceEntry/payments/api-stripe-com',
  );
  await expect(stripe).toHaveCount(1);
  await expect(inspector).toContainText('ServiceEntry/payments/api-stripe-com');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('0 errors · 0 warnings');
});

test('resources of kinds it does not model are kept, and listed folded under Problems', async ({ page }) => {
  await open(page);
  await typeAtEnd(
    page,
    '---\n{apiVersion: gateway.networking.k8s.io/v1, kind: Gateway, metadata: {name: cnn-egress-gateway, namespace: orders}, spec: {gatewayClassName: istio, listeners: [{name: http, hostname: edition.cnn.com, port: 80, protocol: HTTP}]}}',
  );
  const problems = page.getByRole('region', { name: 'Problems' });
  const unmodelled = problems.getByText('Not modelled (kept as is): 1');
  await expect(unmodelled).toBeVisible();
  await expect(problems).toContainText('0 errors · 0 warnings');
  const gateway = problems.getByRole('button', { name: 'Gateway/orders/cnn-egress-gateway' });
  await expect(gateway).toBeHidden();
  await unmodelled.click();
  await expect(gateway).toBeVisible();
  await expectAccessible(page, 'with the list of resources not modelled open');
});

test('a form edit changes only its field in the YAML, keeps the comments, and undoes', async ({ page }) => {
  await open(page);
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  const form = page.getByRole('form', { name: 'Edit ServiceEntry/payments/payment-gateway' });
  const yaml = page.getByRole('region', { name: 'YAML editor' }).locator('.view-lines');
  await expect(yaml).toContainText('resolution: DNS');
  await form.getByLabel('Resolution', { exact: true }).selectOption('DNS_ROUND_ROBIN');
  await expect(yaml).toContainText('resolution: DNS_ROUND_ROBIN');
  await expect(yaml).toContainText('# The payment API: the app speaks plain HTTP on port 80 and the sidecar');
  await expect(yaml).toContainText('targetPort: 443');

  // A text field: typing a host is one undo step, however many keystrokes.
  const host = form.getByLabel('Hosts 1', { exact: true });
  await host.press('End');
  await host.pressSequentially('.example', { delay: 30 });
  await expect(yaml).toContainText('- api.payment-gateway.com.example');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(yaml).toContainText('- api.payment-gateway.com');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(yaml).toContainText('resolution: DNS');
  await expect(yaml).not.toContainText('DNS_ROUND_ROBIN');
});

test('a duration is checked as it is typed and written only once it is valid', async ({ page }) => {
  await open(page);
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  const form = page.getByRole('form', { name: 'Edit VirtualService/payments/payment-gateway' });
  const undo = page.getByRole('button', { name: 'Undo' });
  const timeout = form.getByLabel('Timeout', { exact: true }).first();
  await expect(timeout).toHaveValue('60s');
  await expect(undo).toBeDisabled();
  // Not a duration: said beside the field, and the text is not touched (nothing to undo).
  await timeout.fill('90');
  await expect(timeout).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('Not written yet: bad Duration: time: invalid duration "90"');
  await expect(undo).toBeDisabled();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('0 errors');
  // Valid: written to the YAML as one undoable step.
  await timeout.press('End');
  await timeout.press('s');
  await expect(timeout).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form).not.toContainText('Not written yet');
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(timeout).toHaveValue('60s');
});

test('the YAML pane completes field names and enum values from the catalogue', async ({ page }) => {
  await open(page);
  const editor = page.getByRole('region', { name: 'YAML editor' }).locator('.monaco-editor');
  await clickIntoEditor(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n---\nkind: ServiceEntry\nspec:\n  reso');
  await page.keyboard.press('Control+Space');
  const suggestions = editor.locator('.suggest-widget');
  await expect(suggestions).toContainText('resolution');
  // Tab takes a suggestion (Enter is always a new line).
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+Space');
  await expect(suggestions).toContainText('DNS_ROUND_ROBIN');
});

test('an external service called directly can be routed through the egress gateway', async ({ page }) => {
  await open(page);
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'Route through the egress gateway' }).click();
  await expect(inspector).toContainText('VirtualService/istio-system/api-payment-gateway-com-via-egress');
  await expect(inspector.getByRole('button', { name: 'Route through the egress gateway' })).toHaveCount(0);
  // The route is one undo step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(inspector.getByRole('button', { name: 'Route through the egress gateway' })).toBeVisible();
});

test('the palette adds a client namespace and routes a service through the egress gateway', async ({
  page,
}) => {
  await open(page);
  await openPalette(page, 'Add client namespace');
  const addNamespace = page.getByRole('form', { name: 'Add client namespace' });
  await addNamespace.getByLabel('Namespace').fill('Checkout');
  await expect(addNamespace).toContainText('A namespace is a DNS label');
  await expect(addNamespace.getByRole('button', { name: 'Add' })).toBeDisabled();
  await addNamespace.getByLabel('Namespace').fill('checkout');
  await addNamespace.getByLabel('Only registered hosts').check();
  await addNamespace.getByRole('button', { name: 'Add' }).click();
  const workload = page.getByRole('group', { name: 'Workload: checkout' });
  await expect(workload).toBeVisible();
  await workload.click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText('Namespace/checkout');
  // Its labels are a form too: the injection label is there, and a new one can be added.
  const namespaceForm = inspector.getByRole('form', { name: 'Edit Namespace/checkout' });
  await namespaceForm.getByText('Labels and annotations').click();
  await expect(namespaceForm.getByRole('textbox', { name: 'istio-injection' })).toHaveValue('enabled');
  await namespaceForm.getByLabel('New key in Labels').fill('team');
  await namespaceForm.getByRole('button', { name: 'Add' }).first().click();
  await namespaceForm.getByRole('textbox', { name: 'team', exact: true }).fill('payments');
  await page.getByRole('button', { name: 'Show YAML of Namespace/checkout' }).click();
  await expect(page.getByRole('region', { name: 'YAML editor' }).locator('.view-lines')).toContainText(
    'team: payments',
  );
  await expect(page.getByRole('group', { name: 'Sidecar: checkout' })).toBeVisible();

  await openPalette(page, 'Route through egress gateway');
  const route = page.getByRole('form', { name: 'Route through the egress gateway' });
  await route.getByLabel('External service').selectOption('api.payment-gateway.com');
  await route.getByRole('button', { name: 'Route' }).click();
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  await expect(inspector).toContainText('VirtualService/istio-system/api-payment-gateway-com-via-egress');
});

test('the mesh policy node switches the outbound traffic policy in the mesh config', async ({ page }) => {
  await open(page);
  await page.getByRole('group', { name: 'Mesh policy: REGISTRY_ONLY' }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByLabel('Outbound traffic policy').selectOption('ALLOW_ANY');
  await expect(page.getByRole('group', { name: 'Mesh policy: ALLOW_ANY' })).toBeVisible();
  const yaml = page.getByRole('region', { name: 'YAML editor' }).locator('.view-lines');
  await page.getByRole('button', { name: /^Show YAML of IstioOperator\// }).click();
  await expect(yaml).toContainText('mode: ALLOW_ANY # unknown hosts are dropped');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('group', { name: 'Mesh policy: REGISTRY_ONLY' })).toBeVisible();
});

test('blocked and unmanaged traffic can be hidden from the graph', async ({ page }) => {
  await open(page);
  // A service only its own namespace imports: the others are blocked from it (REGISTRY_ONLY), and the new
  // namespace is blocked from the payment API, which is exported to two namespaces only. Each of the
  // three namespaces is also blocked from every host nothing registers.
  await typeAtEnd(
    page,
    '---\n{apiVersion: networking.istio.io/v1, kind: ServiceEntry, metadata: {name: private, namespace: billing, annotations: {owner: billing}}, spec: {hosts: [api.private.example.com], exportTo: ["."], ports: [{number: 443, name: tls, protocol: TLS}], resolution: DNS}}',
  );
  const graph = page.getByRole('region', { name: 'Egress graph' });
  const blocked = graph.locator('.egress-edges path.edge-blocked');
  await expect(blocked).toHaveCount(6);
  const filter = graph.getByRole('group', { name: 'Show traffic' });
  await filter.getByLabel(/^Blocked \(6\)$/).uncheck();
  await expect(blocked).toHaveCount(0);
  await filter.getByLabel(/^Blocked/).check();
  await expect(blocked).toHaveCount(6);
});

test('has no serious or critical accessibility violations', async ({ page }) => {
  const check = (state: string) => expectAccessible(page, state);
  await open(page);
  await check('on opening');
  // With a node's forms in the inspector, a palette form open and a field flagged invalid.
  await page.getByRole('group', { name: 'External service: api.payment-gateway.com' }).click();
  await page
    .getByRole('form', { name: 'Edit VirtualService/payments/payment-gateway' })
    .getByLabel('Timeout', { exact: true })
    .first()
    .fill('90');
  await openPalette(page, 'Add client namespace');
  await page.getByRole('form', { name: 'Add client namespace' }).getByLabel('Namespace').fill('Bad');
  await check('while editing');
  await page.emulateMedia({ colorScheme: 'dark' });
  await check('in dark mode');
});

test('the node for every other host says what the outbound policy does there and leads to it', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('group', { name: 'External service: any other host' }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText('Every host that no ServiceEntry registers');
  await inspector.getByText(/^Connections \(\d+\)$/).click();
  await expect(inspector.getByRole('listitem').filter({ hasText: 'From Sidecar: orders' })).toContainText(
    'blocked by REGISTRY_ONLY',
  );
  await inspector.getByRole('button', { name: 'Go to the mesh policy' }).click();
  await expect(inspector.getByRole('heading', { name: 'Mesh policy: REGISTRY_ONLY' })).toBeVisible();
});
