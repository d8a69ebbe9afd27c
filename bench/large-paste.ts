// A large design pasted into the YAML pane, as a platform team pastes its cluster's egress: how
// long until its graph is on screen, how long the main thread is ever held up meanwhile, and how
// long a keystroke takes to show in the YAML pane while the design is being checked and after.
import type { Browser, Page } from '@playwright/test';

import { realisticDesign } from './realistic';

/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

/** Key presses timed to their character on screen: median and worst (ms), and the share drawn within a frame. */
export interface Typing {
  median: number;
  worst: number;
  withinFrame: number;
}

/** Figures of one paste, in milliseconds. */
export interface PasteFigures {
  /** From the paste to the grouped graph on screen. */
  graph: number;
  /** The longest task on the main thread from the paste until the graph (Long Tasks API). */
  longestTask: number;
  /** From a key press to its character in the YAML pane, while the design is checked: median and worst. */
  typingWhileChecked: Typing;
  /** The same once it is checked. */
  typingAfter: Typing;
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
  const typingWhileChecked = await typing(page, 12);
  const group = page.getByRole('group', { name: /^External services \([\d,]+\): example\.com$/ });
  await group.waitFor({ timeout: 300_000 });
  const graph = Date.now() - pasted;
  const longestTask = await page.evaluate(() =>
    Math.max(0, ...(window as unknown as { tasks: number[] }).tasks),
  );
  await page.getByText('Checking the design…').waitFor({ state: 'detached', timeout: 300_000 });
  const typingAfter = await typing(page, 20);
  await context.close();
  return { graph, longestTask, typingWhileChecked, typingAfter };
}

/**
 * Types `count` characters at the start of the text, one key press each, each timed from the key
 * press to the YAML pane putting its character on the page: Monaco does that in the animation
 * frame that then paints it, so this is the time to the frame that shows the character.
 */
async function typing(page: Page, count: number) {
  const times: number[] = [];
  await page.keyboard.press('Control+Home');
  // A mark the text does not hold, after which each measured digit lands at the line's start.
  await page.keyboard.type('Q');
  let typed = 'Q';
  for (let i = 0; i < count; i++) {
    await page.waitForTimeout(120);
    await page.keyboard.press('Control+Home');
    const digit = String(i % 10);
    typed = digit + typed;
    await page.evaluate((expected) => {
      (window as unknown as { typed: Promise<number> }).typed = new Promise<number>((resolve) => {
        let pressed = 0;
        document.addEventListener('keydown', (event) => (pressed = event.timeStamp), {
          capture: true,
          once: true,
        });
        const lines = document.querySelector('.monaco-editor .view-lines')!;
        const observer = new MutationObserver(() => {
          if (!(lines.textContent ?? '').includes(expected)) return;
          observer.disconnect();
          resolve(performance.now() - pressed);
        });
        observer.observe(lines, { subtree: true, childList: true, characterData: true });
      });
    }, typed);
    await page.keyboard.press(digit);
    times.push(await page.evaluate(() => (window as unknown as { typed: Promise<number> }).typed));
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    worst: sorted[sorted.length - 1]!,
    withinFrame: times.filter((t) => t <= FRAME_MS).length / times.length,
  };
}
