import {
  clickIntoEditor,
  editorHasFocus,
  editorLines,
  expect,
  expectAccessible,
  openDesigner,
  test,
} from './fixtures';

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
  await expect.poll(() => editorLines(page)).toEqual(SERVICE_ENTRY.split('\n'));
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
  await expect
    .poll(async () => (await editorLines(page)).slice(2, 6))
    .toEqual(['spec:', '  resolution: DNS', '  hosts:', '']);
  await page.keyboard.type('  por');
  await expect(suggestions).toContainText('ports');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await editorLines(page)).slice(5, 6)).toEqual(['  ports: ']);
});

test('a keyboard user leaves the YAML pane for the Problems list and comes back to the line to fix', async ({
  page,
}) => {
  await openDesigner(page);
  await clickIntoEditor(page);
  const hint = page.getByRole('region', { name: 'YAML editor' }).getByText(/Esc then Tab: to Problems/);
  await expect(hint).toBeVisible();
  await expectAccessible(page, 'the YAML pane focused, with its hint');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n---\nkind: a: b');
  const problems = page.getByRole('region', { name: 'Problems' });
  const problem = problems.getByRole('button', { name: /YAML-SYNTAX A mapping value is not allowed here/ });
  await expect(problem).toBeVisible();

  // Escape, then Tab: out of the editor, on to the Problems pane.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await editorHasFocus(page)).toBe(false);
  await expect(problems.getByRole('checkbox', { name: 'Errors' })).toBeFocused();
  await expect(hint).toBeHidden();
  // Shift+F6 comes back (the previous pane), where Tab indents again.
  await page.keyboard.press('Shift+F6');
  expect(await editorHasFocus(page)).toBe(true);
  await expect(hint).toBeVisible();
  // F6 walks the panes in reading order: Problems, the graph, the inspector, and the editor again.
  await page.keyboard.press('F6');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('section')?.ariaLabel))
    .toBe('Problems');
  await page.keyboard.press('F6');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('main section')?.ariaLabel))
    .toBe('Egress graph');
  await page.keyboard.press('F6');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('main section')?.ariaLabel))
    .toBe('Inspector');
  await page.keyboard.press('F6');
  await expect.poll(() => editorHasFocus(page)).toBe(true);
  await expect(hint).toBeVisible();
});

test('Ctrl+M makes Tab move the focus out of the YAML pane, to the problem that leads back to its line', async ({
  page,
}) => {
  await openDesigner(page);
  await clickIntoEditor(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n---\nkind: a: b');
  const problem = page
    .getByRole('region', { name: 'Problems' })
    .getByRole('button', { name: /YAML-SYNTAX A mapping value is not allowed here/ });
  await expect(problem).toBeVisible();
  const hint = page.locator('.yaml-editor-keys');
  await page.keyboard.press('Control+M');
  await expect(hint).toHaveText(/^Tab moves focus/);
  for (let tabs = 0; tabs < 10 && !(await problem.evaluate((e) => e === document.activeElement)); tabs++)
    await page.keyboard.press('Tab');
  await expect(problem).toBeFocused();
  // The problem leads back to its line in the editor, with the keyboard focus.
  await page.keyboard.press('Enter');
  await expect.poll(() => editorHasFocus(page)).toBe(true);
  // Ctrl+M again: Tab indents.
  await page.keyboard.press('Control+M');
  await expect(hint).toHaveText(/^Tab indents/);
  await page.keyboard.press('Tab');
  await page.keyboard.type('x');
  expect(await editorHasFocus(page)).toBe(true);
  // Typed on the problem's line (Monaco draws it in the next frame: read it once drawn).
  await expect
    .poll(async () => (await editorLines(page)).find((line) => line.startsWith('kind:')))
    .toContain('x');
});

test('a hover at the top of the YAML pane is shown whole, over the pane above', async ({ page }) => {
  await openDesigner(page);
  await clickIntoEditor(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('spec:\n  hosts:\n  - api.typed.example\nkind: ServiceEntry\n');
  const editor = page.getByRole('region', { name: 'YAML editor' });
  await editor.locator('.view-line').nth(1).getByText('hosts').hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'Names this entry adds to the registry' });
  await expect(hover).toBeVisible();
  const [pane, shown] = await Promise.all([editor.boundingBox(), hover.boundingBox()]);
  // The second line has no room above it in the pane: the hover reaches over the inspector.
  expect(shown!.y).toBeLessThan(pane!.y);
  // ... and is drawn there, not cut off at the pane's edge: its corners are the hover on screen.
  const corners = [
    [shown!.x + 4, shown!.y + 4],
    [shown!.x + shown!.width - 4, shown!.y + shown!.height - 4],
  ];
  for (const [x, y] of corners)
    expect(
      await page.evaluate(
        ([px, py]) => !!document.elementFromPoint(px!, py!)?.closest('.monaco-hover'),
        [x, y],
      ),
    ).toBe(true);
  // The page itself never scrolls: every pane keeps its place.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(page.viewportSize()!.height);
});
