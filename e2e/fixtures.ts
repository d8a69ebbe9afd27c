// The test every spec uses: Playwright's, failing any test during which the page threw (and, unless
// a spec says otherwise, logged an error to the console).
import { expect, test as base } from '@playwright/test';

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
