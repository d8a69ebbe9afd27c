// Journeys that move a design in and out of the app: scenarios, import, export and share links.
import { readFileSync } from 'node:fs';

import {
  clickIntoEditor,
  expect,
  expectAccessible,
  savedDesign,
  savedDesigns,
  savedText,
  test,
  type Page,
} from './fixtures';
import { unzipSync, strFromU8 } from 'fflate';

import { parseBundle } from '../src/core';
import { shareLink as linkFor } from '../src/store/share';

const GITHUB = 'External service: api.github.com';

async function open(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('group', { name: GITHUB })).toBeVisible();
  await expect(page.getByRole('region', { name: 'YAML editor' }).locator('.monaco-editor')).toBeVisible();
}

/** The resources of a bundle text, as the cluster would read them, in a comparable order. */
function resourcesOf(text: string) {
  return parseBundle(text)
    .resources.map((r) => ({ ref: r.ref, value: r.value }))
    .sort((a, b) => a.ref.localeCompare(b.ref));
}

/** The nodes drawn on the canvas, by accessible name. */
async function nodeNames(page: Page): Promise<string[]> {
  const graph = page.getByRole('region', { name: 'Egress graph' });
  return (
    await graph
      .locator('.react-flow__node')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''))
  ).sort();
}

/** Merges PARTNER (an external service and a Deployment) into the design by pasting it. */
async function mergePartner(page: Page) {
  const dialog = await paste(page, PARTNER);
  await dialog.getByRole('button', { name: 'Merge into design' }).click();
  await expect(dialog).toHaveCount(0);
}

/**
 * Makes the user a returning one whose design holds PARTNER: opened, merged, and saved with the
 * graph as drawn (for the React first paint) and as markup (for index.html's).
 */
async function returnWithPartner(page: Page) {
  await open(page);
  await mergePartner(page);
  await expect.poll(() => savedDesign(page)).toMatch(/"drawn":.*api\.partner\.example/);
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('egress-studio:first-paint:1') ?? ''))
    .toContain('api.partner.example');
}

/** The link the Share dialog offers for the design (the dialog stays open). */
async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  return page.getByRole('dialog', { name: 'Share' }).getByLabel('Link').inputValue();
}

async function paste(page: Page, text: string) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Paste YAML or JSON').fill(text);
  await dialog.getByRole('button', { name: 'Read pasted text' }).click();
  return dialog;
}

test.use({ viewport: { width: 1920, height: 1080 } });

// Some journeys here cut the network on purpose, which the browser logs as console errors.
test.use({ consoleErrorsFail: false });

test('the scenario gallery finds scenarios by words and tags, opens one in place of the design and merges another', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  const gallery = page.getByRole('dialog', { name: 'Scenarios' });
  const count = gallery.getByRole('status');
  await expect(count).toContainText(/^(\d+) of \1 scenarios$/);
  await gallery.getByLabel('Search').fill('partner');
  await gallery.getByRole('group', { name: 'Tags' }).getByRole('button', { name: 'mtls' }).click();
  await expect(gallery.getByRole('listitem')).toHaveCount(1);
  await expect(gallery.getByRole('listitem')).toContainText('Corrected from the original');
  await gallery.getByRole('button', { name: 'Open Mutual TLS to a partner' }).click();
  await expect(gallery).toHaveCount(0);
  const partner = page.getByRole('group', { name: 'External service: partner-api.secure.com' });
  await expect(partner).toBeVisible();
  await expect(page.getByRole('group', { name: GITHUB })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('0 errors');

  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  await page.getByRole('dialog', { name: 'Scenarios' }).getByLabel('Search').fill('circuit breaker');
  await page.getByRole('button', { name: 'Merge Circuit breaker into the design' }).click();
  await expect(page.getByRole('group', { name: 'External service: api.external-service.com' })).toBeVisible();
  await expect(partner).toBeVisible();
  // Each is one undo step: back to the first scenario, then back to the sample.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('group', { name: 'External service: api.external-service.com' })).toHaveCount(
    0,
  );
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('group', { name: GITHUB })).toBeVisible();
});

const PARTNER = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: partner
  namespace: payments
spec:
  hosts: [api.partner.example]
  ports: [{number: 443, name: tls, protocol: TLS}]
  resolution: DNS
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: payments}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;

test('pasted YAML is shown before it is merged; resources not about egress are kept and listed', async ({
  page,
}) => {
  await open(page);
  const dialog = await paste(page, PARTNER);
  await expect(dialog.getByRole('status').filter({ hasText: 'read' })).toContainText('2 resources read');
  await expect(dialog).toContainText('Deployment/payments/web');
  await dialog.getByRole('button', { name: 'Merge into design' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'External service: api.partner.example' })).toBeVisible();
  // Merged: the sample is still there, and the Deployment is in the bundle.
  await expect(page.getByRole('group', { name: GITHUB })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Merged' })).toContainText(
    'Merged 2 resources into the design',
  );
  await expect.poll(() => savedText(page)).toContain('kind: Deployment');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('group', { name: 'External service: api.partner.example' })).toHaveCount(0);
});

test('files open as JSON and as a kubectl List, and replace the design', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const json = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: { name: 'maps', namespace: 'geo' },
    spec: {
      hosts: ['maps.example.com'],
      ports: [{ number: 443, name: 'tls', protocol: 'TLS' }],
      resolution: 'DNS',
    },
  };
  const list = [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '- apiVersion: networking.istio.io/v1',
    '  kind: ServiceEntry',
    '  metadata: {name: mail, namespace: geo, uid: 9b1c, resourceVersion: "42", managedFields: [{manager: kubectl}]}',
    '  spec: {hosts: [smtp.example.com], ports: [{number: 465, name: tls, protocol: TLS}], resolution: DNS}',
    '  status: {}',
    'metadata: {resourceVersion: ""}',
  ].join('\n');
  await dialog.locator('input[type=file]').setInputFiles([
    { name: 'maps.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json, null, 2)) },
    { name: 'mail-list.yaml', mimeType: 'application/yaml', buffer: Buffer.from(list) },
  ]);
  await expect(dialog.getByRole('status').filter({ hasText: 'read' })).toContainText('2 resources read');
  await dialog.getByRole('button', { name: 'Replace design' }).click();
  await expect(page.getByRole('group', { name: 'External service: maps.example.com' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'External service: smtp.example.com' })).toBeVisible();
  await expect(page.getByRole('group', { name: GITHUB })).toHaveCount(0);
  // What kubectl adds on the server is not imported.
  await expect(page.getByRole('region', { name: 'YAML editor' })).not.toContainText('managedFields');
});

test('files dropped onto the app are read into the import dialog', async ({ page }) => {
  await open(page);
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.yaml', { type: 'application/yaml' }));
    return data;
  }, PARTNER);
  await page.getByRole('region', { name: 'Egress graph' }).dispatchEvent('drop', { dataTransfer: transfer });
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('status').filter({ hasText: 'read' })).toContainText('2 resources read');
  await dialog.getByRole('button', { name: 'Merge into design' }).click();
  await expect(page.getByRole('group', { name: 'External service: api.partner.example' })).toBeVisible();
});

const ALIAS_BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
].join('\n');

test('bad input is refused with a clear message and leaves the design unchanged', async ({ page }) => {
  await open(page);
  const before = await nodeNames(page);
  const cases: {
    name: string;
    input: { text: string } | { file: string; mimeType: string; buffer: Buffer };
    message: RegExp;
  }[] = [
    {
      name: 'binary file',
      input: {
        file: 'logo.png',
        mimeType: 'image/png',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      },
      message: /logo\.png.*binary/i,
    },
    {
      name: 'deeply nested YAML file (block sequences hundreds deep, as a fuzzer wrote it)',
      input: {
        file: 'nested.yaml',
        mimeType: 'application/yaml',
        buffer: Buffer.from(`a:\n${'- '.repeat(2_500)}k: v\n`),
      },
      message: /nested\.yaml:2.*levels deep/,
    },
    {
      name: '10 MB file',
      input: {
        file: 'huge.yaml',
        mimeType: 'application/yaml',
        buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 'a'),
      },
      message: /huge\.yaml.*10 MiB/,
    },
    { name: 'alias bomb', input: { text: ALIAS_BOMB }, message: /alias/i },
    {
      name: '__proto__ key',
      input: {
        text: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","__proto__":{"polluted":true}}}',
      },
      message: /__proto__/,
    },
    {
      name: 'script in a name',
      input: {
        text: 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: "<script>alert(1)</script>"\nspec: {hosts: [x.example.com]}\n',
      },
      message: /pasted text:4.*name/,
    },
  ];
  for (const { name, input, message } of cases) {
    await test.step(name, async () => {
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Import' });
      if ('text' in input) {
        await dialog.getByLabel('Paste YAML or JSON').fill(input.text);
        await dialog.getByRole('button', { name: 'Read pasted text' }).click();
      } else {
        await dialog
          .locator('input[type=file]')
          .setInputFiles({ name: input.file, mimeType: input.mimeType, buffer: input.buffer });
      }
      const alert = dialog.getByRole('alert');
      await expect(alert).toContainText('Nothing was imported');
      await expect(alert).toContainText(message);
      await expect(dialog.getByRole('button', { name: 'Replace design' })).toHaveCount(0);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toHaveCount(0);
    });
  }
  expect(await nodeNames(page)).toEqual(before);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  expect(await page.evaluate(() => (({}) as Record<string, unknown>)['polluted'])).toBeUndefined();
});

test('the zip export holds one file per resource and a kustomization that round-trip to the same resources', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const [single] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download egress-bundle.yaml' }).click(),
  ]);
  const [zipped] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download egress-bundle.zip' }).click(),
  ]);
  expect(zipped.suggestedFilename()).toBe('egress-bundle.zip');
  const text = readFileSync(await single.path(), 'utf8');
  const files = unzipSync(new Uint8Array(readFileSync(await zipped.path())));
  const names = Object.keys(files);
  expect(names).toContain('kustomization.yaml');
  const kustomization = parseBundle(strFromU8(files['kustomization.yaml']!)).resources[0]!.value as {
    resources: string[];
  };
  const listed = [...kustomization.resources].sort();
  // Every file but the sample's mesh-wide settings, which sit beside the kustomization, outside it.
  const meshFiles = names.filter((n) => n.startsWith('mesh-config.'));
  expect(meshFiles.sort()).toEqual([
    'mesh-config.README.md',
    'mesh-config.helm-values.yaml',
    'mesh-config.istioctl.yaml',
  ]);
  expect(listed).toEqual(names.filter((n) => n !== 'kustomization.yaml' && !meshFiles.includes(n)).sort());
  // Grouped by namespace: every file sits in a folder.
  for (const name of listed) expect(name).toMatch(/^[a-z0-9.-]+\/[a-z0-9.-]+\.yaml$/);
  const joined = listed.map((name) => strFromU8(files[name]!)).join('\n---\n');
  expect(resourcesOf(joined)).toEqual(resourcesOf(text));
  expect(resourcesOf(text).length).toBe(listed.length);
  await expect(dialog.getByText('kubectl apply -f egress-bundle.yaml')).toBeVisible();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await dialog.getByRole('button', { name: 'Copy YAML' }).click();
  await expect(dialog.getByRole('status')).toHaveText('The YAML is copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
});

/** Opens the Export dialog; `save` clicks a download button and reads what it saved. */
async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const save = async (button: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: button }).click(),
    ]);
    return readFileSync(await file.path());
  };
  return { dialog, save };
}

/** Everything an export gives kubectl: the file, the zip's files its kustomization lists, the clipboard. */
async function exportForKubectl(page: Page) {
  const { dialog, save } = await openExport(page);
  const file = (await save('Download egress-bundle.yaml')).toString('utf8');
  const zip = unzipSync(new Uint8Array(await save('Download egress-bundle.zip')));
  const kustomization = parseBundle(strFromU8(zip['kustomization.yaml']!)).resources[0]!.value as {
    resources: string[];
  };
  const applied = kustomization.resources.map((name) => strFromU8(zip[name]!)).join('\n---\n');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await dialog.getByRole('button', { name: 'Copy YAML' }).click();
  await expect(dialog.getByRole('status')).toHaveText('The YAML is copied to the clipboard.');
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  return { dialog, save, zip, kinds: [file, applied, clipboard].map((t) => kindsOf(t)) };
}

const kindsOf = (text: string) => parseBundle(text).resources.map((r) => r.kind);

test('setting the mesh policy on a blank design exports the policy for the installation, never for kubectl', async ({
  page,
}) => {
  await open(page);
  // A blank design, by keyboard in the YAML pane.
  await clickIntoEditor(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('group', { name: GITHUB })).toHaveCount(0);
  await page.getByRole('group', { name: /^Mesh policy: / }).click();
  await page
    .getByRole('region', { name: 'Inspector' })
    .getByLabel('Outbound traffic policy')
    .selectOption('REGISTRY_ONLY');
  await expect(page.getByRole('group', { name: 'Mesh policy: REGISTRY_ONLY' })).toBeVisible();

  const { dialog, save, zip, kinds } = await exportForKubectl(page);
  for (const applied of kinds) expect(applied).not.toContain('IstioOperator');
  await expect(
    dialog.getByRole('heading', { name: 'Mesh-wide settings, for your Istio installation' }),
  ).toBeVisible();
  await expect(dialog).toContainText('are not in the kubectl bundle: they belong to your Istio installation');
  await expect(dialog).toContainText('an IstioOperator is refused wherever its CRD is absent');
  await expect(
    dialog.getByText('istioctl install --set meshConfig.outboundTrafficPolicy.mode=REGISTRY_ONLY'),
  ).toBeVisible();
  // The overlay is in the zip beside the kustomization, and on its own.
  const overlay = strFromU8(zip['mesh-config.istioctl.yaml']!);
  expect(parseBundle(overlay).resources[0]!.value).toMatchObject({
    kind: 'IstioOperator',
    spec: { meshConfig: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } } },
  });
  expect((await save('Download mesh-config.helm-values.yaml')).toString('utf8')).toBe(
    'meshConfig:\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n',
  );
  await expectAccessible(page, 'export with mesh-wide settings');
});

test('the ALLOW_ANY scenario never exports an istio ConfigMap that would replace the mesh config', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  await page.getByRole('dialog', { name: 'Scenarios' }).getByLabel('Search').fill('ALLOW_ANY');
  await page.getByRole('button', { name: 'Open ALLOW_ANY: unknown hosts pass through' }).click();
  await expect(page.getByRole('group', { name: 'Mesh policy: ALLOW_ANY' })).toBeVisible();

  const { dialog, zip, kinds } = await exportForKubectl(page);
  for (const applied of kinds) {
    expect(applied).not.toContain('ConfigMap');
    expect(applied).toContain('ServiceEntry');
  }
  expect(Object.keys(zip).filter((name) => /config-map/.test(name))).toEqual([]);
  await expect(dialog).toContainText('(from ConfigMap/istio-system/istio) are not in the kubectl bundle');
  await expect(dialog).toContainText('would replace the whole live mesh config');
  await dialog.getByRole('button', { name: 'Copy Helm values' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'meshConfig:\n  outboundTrafficPolicy:\n    mode: ALLOW_ANY\n',
  );
});

test('the graph exports as SVG, PNG and Mermaid, and the API version can be chosen', async ({ page }) => {
  await open(page);
  const { dialog, save } = await openExport(page);
  const svg = (await save('Download SVG')).toString('utf8');
  expect(svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
  expect(svg).toContain('api.github.com');
  const png = await save('Download PNG');
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const mermaid = (await save('Download Mermaid')).toString('utf8');
  expect(mermaid).toMatch(/^flowchart/m);
  expect(mermaid).toContain('api.github.com');
  await dialog.getByLabel('Istio API version').selectOption('v1beta1');
  const beta = (await save('Download egress-bundle.yaml')).toString('utf8');
  expect(beta).toContain('networking.istio.io/v1beta1');
  expect(beta).not.toContain('networking.istio.io/v1\n');
});

test('a share link opens read-only in a fresh browser, and "Edit a copy" makes it editable', async ({
  page,
  browser,
}) => {
  await open(page);
  await mergePartner(page);
  const link = await shareLink(page);
  expect(link).toMatch(/#design=/);

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const other = await context.newPage();
  await other.goto(link);
  const partner = other.getByRole('group', { name: 'External service: api.partner.example' });
  await expect(partner).toBeVisible();
  await expect(other.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  const yaml = other.getByRole('region', { name: 'YAML editor' });
  await clickIntoEditor(other);
  await other.keyboard.type('zzz');
  await expect(yaml).not.toContainText('zzz');
  await other.getByRole('button', { name: 'Edit a copy' }).click();
  await expect(other.getByRole('button', { name: 'Import', exact: true })).toBeVisible();
  await expect(partner).toBeVisible();
  expect(other.url()).not.toContain('#design=');
  await other.reload();
  await expect(partner).toBeVisible();
  await context.close();
});

test('a share link pasted into a tab already open on the app opens read-only, as a fresh load would', async ({
  page,
}) => {
  await open(page);
  await mergePartner(page);
  const link = await shareLink(page);
  await page.keyboard.press('Escape');
  // The user's own design moves on without the partner service...
  await page.getByRole('button', { name: 'Undo' }).click();
  const partner = page.getByRole('group', { name: 'External service: api.partner.example' });
  await expect(partner).toHaveCount(0);
  // ...then the link is pasted into this tab's address bar: only the fragment changes, no reload.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.goto(link);
  await expect(partner).toBeVisible();
  await expect(page.getByText(/A shared design \(\d+ resources\), read-only/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );
  await page.getByRole('button', { name: 'Edit a copy' }).click();
  await expect(partner).toBeVisible();
  expect(page.url()).not.toContain('#design=');
  // The copy is a design of its own: the user's, as it was before the link, is kept under Designs.
  await expect(page.locator('.design-title')).toHaveText('Shared design');
  await page.getByRole('toolbar', { name: 'Design' }).getByRole('button', { name: 'Designs' }).click();
  await page
    .getByRole('dialog', { name: 'Designs' })
    .getByRole('button', { name: 'Open Sample design' })
    .click();
  await expect(partner).toHaveCount(0);
  await expect(page.getByRole('group', { name: GITHUB })).toBeVisible();
});

test("a damaged share link says so and opens the user's own design", async ({ page }) => {
  await page.goto('/#design=this-is-not-a-design');
  await expect(page.getByRole('status').filter({ hasText: 'shared link' })).toContainText(
    'The shared link could not be opened',
  );
  await expect(page.getByRole('group', { name: GITHUB })).toBeVisible();
  expect(page.url()).not.toContain('#design=');
});

test('crafted share links (a 140 KB host, coordinates of 1e308, nesting 20,000 deep) open read-only and say what is wrong', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const entry = (hosts: string) =>
    `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: crafted, namespace: apps}\nspec:\n  hosts: [${hosts}]\n  ports: [{number: 443, name: https, protocol: TLS}]\n  resolution: DNS\n`;
  const links = [
    { text: entry(`${'a.'.repeat(70_000)}com`), says: 'too long (max 255)' },
    { text: entry('api.example.com'), positions: { 'external:api.example.com': { x: 1e308, y: -1e308 } } },
    { text: `${entry('api.example.com')}---\nextra:\n  ${'- '.repeat(20_000)}k: v\n`, says: 'levels deep' },
  ];
  for (const { text, positions = {}, says } of links) {
    const link = linkFor('', { text, positions });
    if (!link.ok) throw new Error(link.reason);
    expect(link.chars).toBeLessThan(600);
    await page.goto(`/${link.url}`);
    await expect(page.getByRole('button', { name: 'Edit a copy' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Egress graph' }).locator('.react-flow__node').first(),
    ).toBeVisible();
    if (says) await expect(page.getByRole('region', { name: 'Problems' })).toContainText(says);
  }
  expect(errors).toEqual([]);
});

test("a returning user's own graph is painted before the app has loaded, and a failed load says so", async ({
  page,
}) => {
  await returnWithPartner(page);
  // The app's code never arrives: what is on screen is the first paint alone.
  await page.route('**/assets/boot-*.js', (route) => route.abort());
  await page.reload();
  const still = page.getByRole('region', { name: 'Egress graph' }).locator('.still-graph');
  await expect(still).toContainText('api.partner.example');
  await expect(still).toContainText('api.github.com');
  await expect(still).toHaveAttribute('aria-hidden', 'true');
  await expect(page.getByRole('alert')).toContainText('could not load the rest of its code');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  // With the code back, the app takes over: the same design, interactive.
  await page.unroute('**/assets/boot-*.js');
  await page.reload();
  await expect(page.getByRole('group', { name: 'External service: api.partner.example' })).toBeVisible();
  await expect(page.locator('.still-graph')).toHaveCount(0);
});

test('the first frame needs no script module: the sample on a first visit, the own graph on return, fitted to the window', async ({
  page,
}) => {
  // No module ever loads: what is on screen comes from the page itself (its markup and inline script).
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const still = page.getByRole('region', { name: 'Egress graph' }).locator('.still-graph');
  await expect(still).toContainText('api.github.com');
  // Fitted as the canvas fits it: node names readable, the graph inside its pane.
  const label = still.locator('.egress-node-label').first();
  expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(12);
  const pane = (await page.getByRole('region', { name: 'Egress graph' }).boundingBox())!;
  for (const node of await still.locator('.still-node').all()) {
    const box = (await node.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(pane.x);
    expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width + 1);
  }
  // A narrow window turns it top to bottom, as the canvas would.
  await page.setViewportSize({ width: 700, height: 1000 });
  await page.reload();
  await expect(still).toHaveAttribute('data-shown', 'TB');

  // A returning user: their own graph, saved by the app as it is drawn.
  await page.unroute(/\/assets\/.*\.js$/);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await returnWithPartner(page);
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
  await page.reload();
  await expect(still).toContainText('api.partner.example');
  await expect(still).toHaveAttribute('data-shown', 'LR');
  await expect(page.locator('.shell')).toHaveAttribute('aria-busy', 'true');
});

test("under a strict Content Security Policy (no inline script) the first frame is the user's own graph, fitted, and the app runs", async ({
  page,
}) => {
  await returnWithPartner(page);
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          'content-security-policy': "script-src 'self'; worker-src 'self' blob:",
        },
      });
    },
  );
  await page.addInitScript(() => {
    const refused: string[] = [];
    (window as unknown as { refused: string[] }).refused = refused;
    document.addEventListener('securitypolicyviolation', (e) => refused.push(e.violatedDirective));
  });
  // The app's code held back: what shows is the first paint, run by the entry module instead.
  await page.route(/\/assets\/boot-.*\.js$/, (route) => route.abort());
  await page.reload();
  const still = page.getByRole('region', { name: 'Egress graph' }).locator('.still-graph');
  await expect(still).toContainText('api.partner.example');
  await expect(still).toHaveAttribute('data-shown', 'LR');
  // The policy did refuse the inline script.
  expect(await page.evaluate(() => (window as unknown as { refused: string[] }).refused)).toContainEqual(
    expect.stringMatching(/^script-src/),
  );
  await page.unroute(/\/assets\/boot-.*\.js$/);
  await page.reload();
  await expect(page.getByRole('group', { name: 'External service: api.partner.example' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'YAML editor' }).locator('.monaco-editor')).toBeVisible();
});

test('saved designs that cannot be read are never written over: autosave is off, and the user is told', async ({
  page,
  context,
}) => {
  await returnWithPartner(page);
  const saved = await savedDesign(page);
  // The browser's IndexedDB now refuses to open (a damaged backing store).
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The backing store is damaged', 'UnknownError');
    };
  });
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toContainText('Export');
  // What the user does here is not saved over the designs that could not be read.
  await page.getByRole('button', { name: 'New design' }).click();
  await page.waitForTimeout(800);
  // Another tab, where the library opens: the design is there as it was saved.
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByRole('button', { name: 'Designs' })).toBeVisible();
  expect(Object.values(await savedDesigns(other))).toContain(saved);
});

test('a design too large for a link says so and offers the export', async ({ page }) => {
  // Data that does not compress well (in a ConfigMap: it draws nothing), enough to pass the link limit.
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31).toString(36).slice(2, 12);
  const lines = Array.from({ length: 6000 }, () => `    ${random()}`).join('\n');
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: noise, namespace: apps}\ndata:\n  noise: |\n${lines}\n`;
  await page.addInitScript(
    (design) => localStorage.setItem('egress-studio:design', design),
    JSON.stringify({ version: 1, text, positions: {}, selection: null }),
  );
  await page.goto('/');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  await expect(dialog.getByRole('alert')).toContainText('Export it as a file');
  await dialog.getByRole('button', { name: 'Export instead' }).click();
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
});

test('the dialogs and the shared view have no serious or critical accessibility violations', async ({
  page,
  browser,
}) => {
  const check = expectAccessible;
  await open(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Scenarios' }).getByRole('listitem').first()).toBeVisible();
    await check(page, `scenarios, ${scheme}`);
    await page.keyboard.press('Escape');
    const dialog = await paste(page, 'metadata:\n  name: "<b>"\n');
    await expect(dialog.getByRole('alert')).toBeVisible();
    await check(page, `import refused, ${scheme}`);
    await dialog.getByLabel('Paste YAML or JSON').fill(PARTNER);
    await dialog.getByRole('button', { name: 'Read pasted text' }).click();
    await expect(dialog.getByRole('button', { name: 'Merge into design' })).toBeVisible();
    await check(page, `import read, ${scheme}`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await check(page, `export, ${scheme}`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await check(page, `share, ${scheme}`);
    await page.keyboard.press('Escape');
  }
  const link = await shareLink(page);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const shared = await context.newPage();
  await shared.goto(link);
  await expect(shared.getByRole('group', { name: GITHUB })).toBeVisible();
  await expect(shared.getByRole('region', { name: 'YAML editor' }).locator('.monaco-editor')).toBeVisible();
  await check(shared, 'shared view');
  await context.close();
});
