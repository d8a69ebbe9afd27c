// A large design pasted into the YAML pane, as a platform team pastes its cluster's egress: how
// long until its graph is on screen, how long the main thread is ever held up meanwhile, and how
// long a keystroke takes to show in the YAML pane while the design is being checked and after.
import type { Browser, Page } from '@playwright/test';

import { realisticDesign } from './realistic';

/** Figures of one paste, in milliseconds. */
export interface PasteFigures {
  /** From the paste to the grouped graph on screen. */
  graph: number;
  /** The longest task on the main thread from the paste until the graph (Long Tasks API). */
  longestTask: number;
  /** From a key press to its character in the YAML pane, while the design is checked: median and worst. */
  typingWhileChecked: { median: number; worst: number };
  /** The same once it is checked. */
  typingAfter: { median: number; worst: number };
}

export async function largePaste(browser: Browser, url: string, services: number): Promise<PasteFigures> {
  const text = realisticDesign(services);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.evaluate((design) => navigator.clipboard.writeText(design), text);
  await page
    .getByRole('region', { name: 'YAML editor' })
    .locator('.monaco-editor .overflow-guard')
    .click({ position: { x: 120, y: 10 } });
  await page.keyboard.press('Control+A');
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { tasks: number[] }).tasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const pasted = Date.now();
  await page.keyboard.press('Control+V');
  const typingWhileChecked = await typing(page, 6);
  const group = page.getByRole('group', { name: /^External services \([\d,]+\): example\.com$/ });
  await group.waitFor({ timeout: 300_000 });
  const graph = Date.now() - pasted;
  const longestTask = await page.evaluate(() =>
    Math.max(0, ...(window as unknown as { tasks: number[] }).tasks),
  );
  await page.getByText('Checking the design…').waitFor({ state: 'detached', timeout: 300_000 });
  const typingAfter = await typing(page, 6);
  await context.close();
  return { graph, longestTask, typingWhileChecked, typingAfter };
}

/** Types `count` characters at the start of the text, each timed from its key press to the pane showing it. */
async function typing(page: Page, count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Control+Home');
    const mark = `Q${i}`;
    await page.evaluate((mark) => {
      (window as unknown as { typed: Promise<number> }).typed = new Promise<number>((resolve) => {
        let pressed = 0;
        document.addEventListener('keydown', (event) => (pressed = event.timeStamp), {
          capture: true,
          once: true,
        });
        const lines = document.querySelector('.monaco-editor .view-lines')!;
        const observer = new MutationObserver(() => {
          if (!(lines.textContent ?? '').includes(mark)) return;
          observer.disconnect();
          // Shown in the next frame: measured to it.
          requestAnimationFrame(() => resolve(performance.now() - pressed));
        });
        observer.observe(lines, { subtree: true, childList: true, characterData: true });
      });
    }, mark);
    await page.keyboard.type(mark);
    times.push(await page.evaluate(() => (window as unknown as { typed: Promise<number> }).typed));
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, worst: sorted[sorted.length - 1]! };
}
