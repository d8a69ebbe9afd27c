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
