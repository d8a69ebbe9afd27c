// The test every spec uses: Playwright's, failing any test during which the page threw (and, unless
// a spec says otherwise, logged an error to the console).
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

export const test = base.extend<{ consoleErrorsFail: boolean; pageProblems: string[] }>({
  consoleErrorsFail: [true, { option: true }],
  pageProblems: [
    async ({ page, consoleErrorsFail }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      if (consoleErrorsFail)
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
      await use(problems);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page } from '@playwright/test';

/** Fails unless axe finds no serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${state}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Puts the cursor at the end of the YAML pane and types there. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await clickIntoEditor(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('End');
  await page.keyboard.insertText(`\n${text}\n`);
}

/** Opens the app on the sample design, once its graph and YAML pane are on screen. */
export async function openDesigner(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'External service: api.github.com' })).toBeVisible();
  // Monaco loads after the first graph; on a busy machine that takes more than the usual 5 s.
  await expect(page.getByRole('region', { name: 'YAML editor' }).locator('.monaco-editor')).toBeVisible({
    timeout: 15_000,
  });
}

/**
 * Clicks into the YAML pane's text, as a person does before typing there: on its first visible
 * line, past the line numbers. (Monaco moves `.view-lines` as it scrolls: the middle of that
 * element can lie outside the pane, where a click lands on another pane.)
 */
export async function clickIntoEditor(page: Page): Promise<void> {
  await page
    .getByRole('region', { name: 'YAML editor' })
    .locator('.monaco-editor .overflow-guard')
    .click({ position: { x: 120, y: 10 } });
}

/** Replaces the YAML pane's text with `text` as a person does: copied, then Ctrl+A and Ctrl+V in the pane. */
export async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((copied) => navigator.clipboard.writeText(copied), text);
  await clickIntoEditor(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

/**
 * The lines the YAML pane shows, top to bottom, as a person reads them (Monaco draws only these).
 * Monaco draws a change in a later frame: read them with `expect.poll` after typing.
 */
export async function editorLines(page: Page): Promise<string[]> {
  const lines = page.getByRole('region', { name: 'YAML editor' }).locator('.monaco-editor .view-line');
  const drawn = await lines.evaluateAll((elements) =>
    elements.map((e) => ({ top: e.getBoundingClientRect().top, text: e.textContent ?? '' })),
  );
  return drawn.sort((a, b) => a.top - b.top).map((line) => line.text.replace(/\u00a0/g, ' '));
}

/** Whether the keyboard focus is in the YAML pane's text. */
export async function editorHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
}

/** Opens one of the palette's forms from the toolbar's Add menu, as a person does. */
export async function openPalette(
  page: Page,
  name: 'Add external service' | 'Add client namespace' | 'Route through egress gateway',
): Promise<void> {
  await page
    .getByRole('toolbar', { name: 'Design' })
    .getByRole('button', { name: 'Add', exact: true })
    .click();
  await page.getByRole('menu', { name: 'Add' }).getByRole('menuitem', { name }).click();
}

/**
 * The design this tab has open, as last autosaved in the browser's library of designs (IndexedDB),
 * as JSON (`{"design": {"text": …, "drawn": …}, "history": …}`); empty when none is saved. Poll it
 * with `expect.poll`, since autosave waits for a pause.
 */
export async function savedDesign(page: Page): Promise<string> {
  const id = await page.evaluate(
    () =>
      sessionStorage.getItem('egress-studio:last-design') ??
      localStorage.getItem('egress-studio:last-design'),
  );
  return id ? ((await savedDesigns(page))[id] ?? '') : '';
}

/** Every design in the browser's library (IndexedDB), by id, each as savedDesign gives it. */
export async function savedDesigns(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('egress-studio');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('designs')) return {};
      const store = db.transaction('designs').objectStore('designs');
      const [keys, values] = await Promise.all(
        [store.getAllKeys(), store.getAll()].map(
          (request) =>
            new Promise<unknown[]>((resolve, reject) => {
              request.onsuccess = () => resolve(request.result as unknown[]);
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      const bodies: Record<string, string> = {};
      keys!.forEach((key, i) => {
        if (String(key).startsWith('body:')) bodies[String(key).slice(5)] = JSON.stringify(values![i]);
      });
      return bodies;
    } finally {
      db.close();
    }
  });
}

/** The whole design text as last autosaved (the YAML pane shows only a window of it); see savedDesign. */
export async function savedText(page: Page): Promise<string> {
  const saved = await savedDesign(page);
  return saved ? (JSON.parse(saved) as { design: { text: string } }).design.text : '';
}
