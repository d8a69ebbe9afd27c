// The app shell as a person uses it all day: words, panes, theme, a new design, scenarios that stay explained.
import { clickIntoEditor, expect, expectAccessible, openDesigner, test, type Page } from './fixtures';

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

/**
 * Holds the app's code back from the next load, so the first paint stays on screen until the
 * returned function lets it in.
 */
async function holdApp(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/boot-.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The box of a region on screen. */
async function boxOf(page: Page, name: string) {
  return (await page.getByRole('region', { name }).boundingBox())!;
}

test('pane splitters move by keyboard, within their limits, and the sizes survive a reload', async ({
  page,
}) => {
  await openDesigner(page);
  const width = page.getByRole('separator', { name: 'Width of the graph' });
  const height = page.getByRole('separator', { name: 'Height of the graph' });
  const inspectorHeight = page.getByRole('separator', { name: 'Height of the inspector' });
  await expect(width).toHaveAttribute('aria-orientation', 'vertical');
  await expect(height).toHaveAttribute('aria-orientation', 'horizontal');
  for (const splitter of [width, height, inspectorHeight]) {
    await expect(splitter).toHaveAttribute('aria-valuemin', /\d+/);
    await expect(splitter).toHaveAttribute('aria-valuemax', /\d+/);
  }
  const graphBefore = await boxOf(page, 'Egress graph');
  const start = Number(await width.getAttribute('aria-valuenow'));

  // Tab to the splitter as a keyboard user would, then move it.
  await width.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(width).toHaveAttribute('aria-valuenow', String(start - 14));
  const graphNarrower = await boxOf(page, 'Egress graph');
  expect(graphNarrower.width).toBeLessThan(graphBefore.width - 150);
  // The inspector and the YAML pane took the room: they start where the graph ends.
  expect(Math.abs((await boxOf(page, 'Inspector')).x - (graphNarrower.x + graphNarrower.width))).toBeLessThan(
    3,
  );
  await page.keyboard.press('Home');
  await expect(width).toHaveAttribute('aria-valuenow', (await width.getAttribute('aria-valuemin'))!);
  await page.keyboard.press('End');
  await expect(width).toHaveAttribute('aria-valuenow', (await width.getAttribute('aria-valuemax'))!);
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  const chosen = await width.getAttribute('aria-valuenow');

  await height.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  const problemsTaller = await boxOf(page, 'Problems');
  await inspectorHeight.focus();
  await page.keyboard.press('ArrowDown');
  const heights = [
    await height.getAttribute('aria-valuenow'),
    await inspectorHeight.getAttribute('aria-valuenow'),
  ];
  const graphChosen = await boxOf(page, 'Egress graph');

  await page.waitForTimeout(400); // the preferences are saved after a pause
  await page.reload();
  await expect(page.getByRole('group', { name: 'External service: api.github.com' })).toBeVisible();
  await expect(width).toHaveAttribute('aria-valuenow', chosen!);
  expect([
    await height.getAttribute('aria-valuenow'),
    await inspectorHeight.getAttribute('aria-valuenow'),
  ]).toEqual(heights);
  const graphAfter = await boxOf(page, 'Egress graph');
  expect(Math.abs(graphAfter.width - graphChosen.width)).toBeLessThan(2);
  expect(Math.abs((await boxOf(page, 'Problems')).height - problemsTaller.height)).toBeLessThan(2);
  await expectAccessible(page, 'resized panes');
});

test("a returning user's pane sizes lay out the first paint, so the graph does not jump when the app takes over", async ({
  page,
}) => {
  await openDesigner(page);
  await page.getByRole('separator', { name: 'Width of the graph' }).focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.waitForTimeout(400);
  const nodeAt = async () =>
    (await page.locator('.still-node, .react-flow__node').first().boundingBox()) ?? undefined;
  const release = await holdApp(page);
  await page.reload();
  await expect(page.locator('.still-node').first()).toBeVisible();
  const still = await boxOf(page, 'Egress graph');
  const stillNode = await nodeAt();
  release();
  await expect(page.getByRole('group', { name: 'External service: api.github.com' })).toBeVisible();
  const live = await boxOf(page, 'Egress graph');
  expect(Math.abs(live.width - still.width)).toBeLessThan(2);
  expect(Math.abs(live.height - still.height)).toBeLessThan(2);
  const liveNode = await nodeAt();
  expect(Math.abs(liveNode!.x - stillNode!.x)).toBeLessThan(2);
  expect(Math.abs(liveNode!.y - stillNode!.y)).toBeLessThan(2);
});

test('each pane collapses to its title bar and is restored, and stays so after a reload', async ({
  page,
}) => {
  await openDesigner(page);
  const graphBefore = await boxOf(page, 'Egress graph');
  await page.getByRole('button', { name: 'Collapse Problems' }).click();
  const restore = page.getByRole('button', { name: 'Restore Problems' });
  await expect(restore).toBeVisible();
  await expect(restore).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('region', { name: 'Problems' }).getByText(/errors ·/)).toBeHidden();
  expect((await boxOf(page, 'Problems')).height).toBeLessThan(40);
  // The graph takes the room, and there is no splitter between a pane and a collapsed one.
  expect((await boxOf(page, 'Egress graph')).height).toBeGreaterThan(graphBefore.height + 80);
  await expect(page.getByRole('separator', { name: 'Height of the graph' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Collapse YAML editor' }).click();
  await expect(page.getByRole('region', { name: 'YAML editor' }).locator('.monaco-editor')).toBeHidden();
  await page.getByRole('button', { name: 'Collapse Egress graph' }).click();
  await expect(page.getByRole('group', { name: 'External service: api.github.com' })).toBeHidden();
  await page.getByRole('button', { name: 'Collapse Inspector' }).click();
  await expectAccessible(page, 'all panes collapsed');

  await page.waitForTimeout(400);
  // The first paint lays the panes out collapsed too (held there: the app's code is not let in yet).
  await page.getByRole('button', { name: 'Restore Egress graph' }).click();
  await page.waitForTimeout(400);
  const release = await holdApp(page);
  await page.reload();
  await expect(page.locator('.still-graph')).toContainText('api.github.com');
  expect((await boxOf(page, 'Problems')).height).toBeLessThan(40);
  release();
  // The app has taken over from the first paint once its toolbar shows.
  await expect(page.getByRole('button', { name: 'New design' })).toBeVisible();
  await page.getByRole('button', { name: 'Collapse Egress graph' }).click();
  await page.waitForTimeout(400);
  await page.reload();
  await expect(page.getByRole('button', { name: 'New design' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore Egress graph' })).toBeVisible();
  for (const name of ['Egress graph', 'Problems', 'YAML editor', 'Inspector']) {
    const button = page.getByRole('button', { name: `Restore ${name}` });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: `Collapse ${name}` })).toBeFocused();
  }
  await expect(page.getByRole('group', { name: 'External service: api.github.com' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'YAML editor' }).locator('.monaco-editor')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('0 errors');
  expect(Math.abs((await boxOf(page, 'Egress graph')).height - graphBefore.height)).toBeLessThan(2);
});

/** The contrast ratio of two CSS colours (rgb() strings), as WCAG computes it. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number)
      .map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('the Theme switch turns the app light or dark, is saved, and dark edges stand out', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openDesigner(page);
  const theme = page.getByRole('toolbar', { name: 'Design' }).getByLabel('Theme');
  await expect(theme).toHaveValue('system');
  const canvas = page.locator('.react-flow');
  const colours = () =>
    page.evaluate(() => {
      const flow = document.querySelector('.react-flow')!;
      const edge = document.querySelector('.egress-edges path.edge-direct, .egress-edges path')!;
      const label = document.querySelector('.edge-label')!;
      return {
        canvas: getComputedStyle(flow).backgroundColor,
        edge: getComputedStyle(edge).stroke,
        label: getComputedStyle(label).color,
        labelBackground: getComputedStyle(label).backgroundColor,
        body: getComputedStyle(document.body).backgroundColor,
      };
    });
  const light = await colours();

  await theme.selectOption('dark');
  await expect(canvas).toHaveClass(/dark/);
  const dark = await colours();
  expect(dark.body).not.toBe(light.body);
  // Edges and their labels are clearly visible on the dark canvas (3:1 for lines, 4.5:1 for text).
  expect(contrast(dark.edge, dark.canvas)).toBeGreaterThanOrEqual(3);
  expect(contrast(dark.label, dark.labelBackground)).toBeGreaterThanOrEqual(4.5);
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/vs-dark/);
  await expectAccessible(page, 'dark theme');

  // The choice outlives a reload, and beats the system's scheme.
  await page.waitForTimeout(400);
  await page.reload();
  await expect(page.getByRole('group', { name: 'External service: api.github.com' })).toBeVisible();
  await expect(theme).toHaveValue('dark');
  await expect(canvas).toHaveClass(/dark/);
  await theme.selectOption('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(canvas).toHaveClass(/light/);
  expect((await colours()).body).toBe(light.body);
  await expect(page.locator('.monaco-editor').first()).not.toHaveClass(/vs-dark/);
  await theme.selectOption('system');
  await expect(canvas).toHaveClass(/dark/);
});

test('New design opens a new, empty design beside the others, with a hint on how to start', async ({
  page,
}) => {
  await openDesigner(page);
  await page.getByRole('button', { name: 'New design' }).click();
  await expect(page.locator('.design-title')).toHaveText('Untitled design');
  await expect(page.getByRole('group', { name: 'External service: api.github.com' })).toHaveCount(0);
  const hint = page.getByRole('region', { name: 'Egress graph' }).getByRole('note', { name: 'How to start' });
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('Scenarios');
  await expect(hint).toContainText('Import');
  await expect(hint).toContainText('Add');
  await expect(page.getByRole('region', { name: 'YAML editor' }).locator('.view-lines')).toHaveText('');
  await expectAccessible(page, 'new design');
  // Starting from the hint's advice: the Add menu, by keyboard.
  const add = page.getByRole('toolbar', { name: 'Design' }).getByRole('button', { name: 'Add', exact: true });
  await add.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Add external service' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu', { name: 'Add' })).toHaveCount(0);
  await expect(add).toBeFocused();

  // The design it replaced on screen is kept, under Designs.
  await page.getByRole('toolbar', { name: 'Design' }).getByRole('button', { name: 'Designs' }).click();
  await page
    .getByRole('dialog', { name: 'Designs' })
    .getByRole('button', { name: 'Open Sample design' })
    .click();
  await expect(page.getByRole('group', { name: 'External service: api.github.com' })).toBeVisible();
  await expect(hint).toHaveCount(0);
});

test('the toolbar keeps one row at 1280 px with every control named, the palette under Add', async ({
  page,
}) => {
  await openDesigner(page);
  const toolbar = page.getByRole('toolbar', { name: 'Design' });
  for (const name of ['New design', 'Undo', 'Redo', 'Import', 'Export', 'Share', 'Scenarios', 'Add']) {
    await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(toolbar.getByLabel('Theme')).toBeVisible();
  const controls = await toolbar.evaluate((bar) =>
    [...bar.querySelectorAll(':scope > button, :scope > span:not(.toolbar-gap)')].map((c) => {
      const r = c.getBoundingClientRect();
      return { top: r.top, right: r.right };
    }),
  );
  expect(new Set(controls.map((c) => Math.round(c.top))).size).toBe(1);
  expect(Math.max(...controls.map((c) => c.right))).toBeLessThanOrEqual(1280);
  await toolbar.getByRole('button', { name: 'Add', exact: true }).click();
  const menu = page.getByRole('menu', { name: 'Add' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Add external service',
    'Add client namespace',
    'Route through egress gateway',
  ]);
  await expectAccessible(page, 'Add menu open');
  await menu.getByRole('menuitem', { name: 'Add client namespace' }).click();
  await expect(page.getByRole('form', { name: 'Add client namespace' })).toBeVisible();
});

test('an opened scenario keeps its title and lesson in view until dismissed, and the YAML shows its top', async ({
  page,
}) => {
  await openDesigner(page);
  // Scroll the YAML pane down first: the scenario must still be read from its first line.
  const editor = page.getByRole('region', { name: 'YAML editor' }).locator('.monaco-editor');
  await clickIntoEditor(page);
  await page.keyboard.press('Control+End');
  await expect(editor.locator('.view-line').first()).not.toContainText('Egress Studio sample');
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  const gallery = page.getByRole('dialog', { name: 'Scenarios' });
  await gallery.getByLabel('Search').fill('circuit breaker');
  await gallery.getByRole('button', { name: 'Open Circuit breaker' }).click();
  await expect(gallery).toHaveCount(0);

  const lesson = page.getByRole('complementary', { name: /Circuit breaker/ });
  await expect(lesson).toBeVisible();
  await expect(lesson).toContainText(/\w+.*\./); // the summary: what it teaches
  await expect(editor.locator('.view-line').first()).toContainText('#');
  expect(await editor.evaluate((e) => e.querySelector('.monaco-scrollable-element')!.scrollTop)).toBe(0);
  const firstLine = await editor
    .locator('.view-lines .view-line')
    .evaluateAll((lines) => Math.min(...lines.map((l) => l.getBoundingClientRect().top)));
  const text = await page.evaluate(() => document.querySelector('.view-lines')!.textContent ?? '');
  expect(text.startsWith('#')).toBe(true);
  expect(firstLine).toBeGreaterThan(0);

  // It stays through work on the design: selecting a node, editing by hand.
  await page.getByRole('group', { name: 'External service: api.external-service.com' }).click();
  await expect(lesson).toBeVisible();
  await expectAccessible(page, 'scenario lesson');
  const inspectorTop = (await boxOf(page, 'Inspector')).y;
  expect(inspectorTop).toBeGreaterThan((await lesson.boundingBox())!.y);

  await lesson.getByRole('button', { name: 'Dismiss' }).click();
  await expect(lesson).toHaveCount(0);
});

test('with JavaScript off, the page says what it needs instead of a still graph', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${test.info().project.use.baseURL}/`);
  // (Playwright's text matching skips what is inside <noscript>: read the text itself.)
  const notice = page.locator('.noscript');
  await expect(notice).toBeVisible();
  expect(await notice.evaluate((p) => p.textContent)).toContain('turn on JavaScript for this site');
  await expect(page.locator('.still-graph')).toBeHidden();
  await context.close();
});
