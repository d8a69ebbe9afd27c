// A large design pasted into the YAML pane, as a platform team pastes its cluster's egress: how
// long until its graph is on screen, how long the main thread is ever held up meanwhile, and how
// long a keystroke takes to show in the YAML pane while the design is being checked and after.
import type { Browser, Page } from '@playwright/test';

import { realisticDesign } from '../src/templates/realistic';

/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

/** The name of the graph's group of the pasted design's hosts: once it is in the page, the graph is drawn. */
const GROUP_NAME = /^External services \([\d,]+\): example\.com$/;

/** Opens the app at `url` and puts the keyboard focus in its YAML pane, at the top. */
export async function openEditor(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page
    .getByRole('region', { name: 'YAML editor' })
    .locator('.monaco-editor .overflow-guard')
    .click({ position: { x: 120, y: 10 } });
}

/**
 * Key presses timed to their character on screen: median and worst (ms); the share on screen within
 * 16.7 ms of the press; and the share drawn in the first frame after the press, the frame a key
 * can first be drawn in (the display's own wait for it, up to a frame, is not the page's cost).
 */
export interface Typing {
  median: number;
  worst: number;
  withinFrame: number;
  firstFrame: number;
}

/** Figures of one paste, in milliseconds. */
export interface PasteFigures {
  /** From the paste to the grouped graph on screen. */
  graph: number;
  /** From the paste to its findings on screen: the Problems pane's summary no longer "Not checked yet". */
  checked: number;
  /** The longest task on the main thread from the paste until its findings (Long Tasks API). */
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
  await openEditor(page, url);
  await page.evaluate((design) => navigator.clipboard.writeText(design), text);
  await page.keyboard.press('Control+A');
  // Timed in the page, from the paste's key press to the group's node in the DOM: Playwright's
  // own wait polls, at up to half a second apart.
  await page.evaluate((groupName) => {
    const named = new RegExp(groupName);
    const tasks: number[] = [];
    const timing = { tasks, pasted: 0, graph: 0, checked: 0 };
    (window as unknown as { timing: typeof timing }).timing = timing;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    document.addEventListener('keydown', (event) => (timing.pasted = event.timeStamp), {
      capture: true,
      once: true,
    });
    const observer = new MutationObserver(() => {
      const groups = document.querySelectorAll('[role="group"][aria-label]');
      if (![...groups].some((g) => named.test(g.getAttribute('aria-label')!))) return;
      observer.disconnect();
      timing.graph = performance.now();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributeFilter: ['aria-label'] });
    // The summary says "Not checked yet" from the paste until the pasted design's findings land.
    const summary = document.querySelector('.problems .summary')!;
    let unchecked = false;
    const findings = new MutationObserver(() => {
      if (summary.textContent === 'Not checked yet') unchecked = true;
      else if (unchecked) {
        findings.disconnect();
        timing.checked = performance.now();
      }
    });
    findings.observe(summary, { subtree: true, childList: true, characterData: true });
  }, GROUP_NAME.source);
  await page.keyboard.press('Control+V');
  const typingWhileChecked = await typing(page, 12);
  const group = page.getByRole('group', { name: GROUP_NAME });
  await group.waitFor({ timeout: 300_000 });
  await page.getByText('Checking the design…').waitFor({ state: 'detached', timeout: 300_000 });
  const { graph, checked, longestTask } = await page.evaluate(() => {
    const { tasks, pasted, graph, checked } = (
      window as unknown as { timing: { tasks: number[]; pasted: number; graph: number; checked: number } }
    ).timing;
    return { graph: graph - pasted, checked: checked - pasted, longestTask: Math.max(0, ...tasks) };
  });
  if (checked < graph) throw new Error('the findings were not seen to land after the graph');
  const typingAfter = await typing(page, 20);
  await context.close();
  return { graph, checked, longestTask, typingWhileChecked, typingAfter };
}

/**
 * Types `count` characters at the start of the text (the editor focused), one key press each,
 * each timed from the key press to the YAML pane putting its character on the page: Monaco does
 * that in the animation frame that then paints it, so this is the time to the frame that shows it.
 */
export async function typing(page: Page, count: number): Promise<Typing> {
  const keys: Key[] = [];
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
      (window as unknown as { typed: Promise<Key> }).typed = new Promise<Key>((resolve) => {
        let pressed = 0;
        // When a frame began (rAF's timestamp): frames follow the display's beat, which places the
        // first frame after the press even when a busy main thread skips it. Any frame will do, the
        // first one after this, whether it begins before the character is on the page or after.
        // (No named function here: the bench's TypeScript runner wraps those in a helper the page lacks.)
        let beat: number | undefined;
        let shown: number | undefined;
        requestAnimationFrame((began) => {
          beat = began;
          if (shown !== undefined) resolve({ pressed, shown, beat });
        });
        document.addEventListener('keydown', (event) => (pressed = event.timeStamp), {
          capture: true,
          once: true,
        });
        const lines = document.querySelector('.monaco-editor .view-lines')!;
        const observer = new MutationObserver(() => {
          if (!(lines.textContent ?? '').includes(expected)) return;
          observer.disconnect();
          shown = performance.now();
          if (beat !== undefined) resolve({ pressed, shown, beat });
        });
        observer.observe(lines, { subtree: true, childList: true, characterData: true });
      });
    }, typed);
    await page.keyboard.press(digit);
    keys.push(await page.evaluate(() => (window as unknown as { typed: Promise<Key> }).typed));
  }
  const times = keys.map((key) => key.shown - key.pressed);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    worst: sorted[sorted.length - 1]!,
    withinFrame: times.filter((t) => t <= FRAME_MS).length / times.length,
    firstFrame: keys.filter(inFirstFrame).length / keys.length,
  };
}

/** A key press: when it was pressed and its character shown, and when a frame meanwhile began. */
interface Key {
  pressed: number;
  shown: number;
  /** When some frame near the press began. */
  beat: number;
}

/**
 * Whether the key's character was on the page before the second frame after the press began: drawn
 * in the first frame that could draw it (or an earlier one running late). Frames begin on the
 * display's beat, so the first after the press is found from any one frame seen.
 */
function inFirstFrame({ pressed, shown, beat }: Key): boolean {
  const first = beat + Math.ceil((pressed - beat) / FRAME_MS) * FRAME_MS;
  return shown < first + FRAME_MS;
}
