// Browser figures against DESIGN.md §4, on the production build in headless Chromium: first graph
// on screen against a blank React page built the same way, a form edit until the YAML pane and its
// markers show it at 50 and 1,000 resources, and the initial JavaScript without Monaco.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { chromium, type Browser, type Page } from '@playwright/test';

import { createDeriver } from '../src/core';
import { STORAGE_KEY } from '../src/store/persistence';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { syntheticBundle } from './synthetic';

const root = join(import.meta.dirname, '..');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
};

function serve(dir: string, port: number): Server {
  return createServer((request, response) => {
    const path = join(dir, decodeURIComponent((request.url ?? '/').split('?')[0]!));
    const file = existsSync(path) && !path.endsWith('/') ? path : join(dir, 'index.html');
    // As a static host serves a Vite build: hashed assets cached for good, the page revalidated.
    const cache = path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': cache,
    });
    response.end(readFileSync(file));
  }).listen(port, '127.0.0.1');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

function build(args: string[]): void {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
}

/** Gzip size of the JavaScript and CSS that index.html loads before anything is lazy-loaded. */
function initialBytes(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return assets.reduce(
    (sum, asset) => sum + gzipSync(readFileSync(join(dist, asset)), { level: 9 }).length,
    0,
  );
}

/** When the page painted the text marked with the `elementtiming` attribute (Element Timing). */
async function paintedAt(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        new PerformanceObserver((list) => {
          resolve((list.getEntries()[0] as PerformanceEntry & { renderTime: number }).renderTime);
        }).observe({ type: 'element', buffered: true }),
      ),
  );
}

/**
 * When the browser first painted text marked with the `elementtiming` attribute: the blank page's
 * paragraph, the app's first graph node; both pages timed the same way. Cold: a new browser profile
 * each time (a first visit). Warm: a repeat visit, the assets in the HTTP cache and their compiled
 * code in V8's code cache (after two earlier visits, as Chromium caches code on the second).
 */
async function firstPaint(browser: Browser, url: string, warm: boolean, runs = 9): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    if (warm) {
      for (let visit = 0; visit < 2; visit++) {
        const earlier = await context.newPage();
        await paintedAt(earlier, url);
        await earlier.close();
      }
    }
    const page = await context.newPage();
    times.push(await paintedAt(page, url));
    await context.close();
  }
  return median(times);
}

/**
 * A form edit at `count` resources: the design is loaded with one external service selected, then
 * its ServiceEntry's resolution select is switched between DYNAMIC_DNS and DNS (DYNAMIC_DNS needs a
 * wildcard host, so the markers change each time). The change event is sent at the start of a frame;
 * `work` is the time until it is handled (store, derivation, the model edit and markers, every
 * React update), `shown` until the YAML pane's DOM shows the new value and changed error markers
 * (Monaco draws in the next animation frame, so this is at least one frame).
 */
async function formEdit(
  browser: Browser,
  url: string,
  count: number,
  runs = 15,
): Promise<{ work: number; shown: number }> {
  const text = syntheticBundle(count);
  const host = 'api-1.vendor-1.example.com';
  const node = createDeriver()(text).graph.nodes.find((n) => n.label === host);
  if (!node) throw new Error(`no node for ${host}`);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript(([key, design]) => localStorage.setItem(key, design), [
    STORAGE_KEY,
    JSON.stringify({ version: 1, text, positions: {}, selection: node.id }),
  ] as const);
  await page.goto(url);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const select = inspector.getByRole('combobox', { name: 'Resolution', exact: true }).first();
  await select.waitFor();
  await page.locator('.monaco-editor .view-lines').waitFor();
  const handle = await select.elementHandle();
  const work: number[] = [];
  const shown: number[] = [];
  for (let i = 0; i < runs; i++) {
    const value = i % 2 === 0 ? 'DYNAMIC_DNS' : 'DNS';
    const timing = await page.evaluate(
      ([element, value]) =>
        new Promise<{ work: number; shown: number }>((resolve) => {
          // (No named functions in here: tsx would wrap them in a helper the page does not have.)
          const select = element as HTMLSelectElement;
          const pane = document.querySelector('.monaco-editor')!;
          const before = pane.querySelectorAll('.squiggly-error').length;
          let start = 0;
          let work = 0;
          const observer = new MutationObserver(() => {
            // Monaco draws spaces as no-break spaces.
            const text = (pane.querySelector('.view-lines')!.textContent ?? '').replaceAll('\u00a0', ' ');
            if (!text.includes(`resolution: ${value}`)) return;
            if (pane.querySelectorAll('.squiggly-error').length === before) return;
            observer.disconnect();
            resolve({ work, shown: performance.now() - start });
          });
          observer.observe(pane, { subtree: true, childList: true, characterData: true, attributes: true });
          requestAnimationFrame(() => {
            start = performance.now();
            select.value = value;
            select.dispatchEvent(new Event('change', { bubbles: true }));
            work = performance.now() - start;
          });
        }),
      [handle, value] as const,
    );
    work.push(timing.work);
    shown.push(timing.shown);
    // Let the pane settle (Monaco's idle work, the autosave) before the next edit.
    await page.waitForTimeout(300);
  }
  await page.close();
  return { work: median(work), shown: median(shown) };
}

build([]);
build(['--config', 'bench/vite.blank.config.ts']);
const app = serve(join(root, 'dist'), 4195);
const blank = serve(join(root, 'dist-blank'), 4196);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  console.log('\nBrowser (production build, headless Chromium, median):');
  for (const warm of [false, true]) {
    const graph = await firstPaint(browser, 'http://127.0.0.1:4195/', warm);
    const page = await firstPaint(browser, 'http://127.0.0.1:4196/', warm);
    console.log(
      `  first graph painted (${warm ? 'repeat visit' : 'first visit'}): ${ms(graph)}; blank React page: ${ms(page)}; ratio ${(graph / page).toFixed(2)}× (budget 1.5×)`,
    );
  }
  for (const [count, budget] of [
    [50, '16 ms'],
    [1000, '50 ms'],
  ] as const) {
    const edit = await formEdit(browser, 'http://127.0.0.1:4195/', count);
    console.log(
      `  form edit → YAML and markers, ${count} resources: handled in ${edit.work.toFixed(1)} ms, on screen after ${edit.shown.toFixed(1)} ms (budget ${budget})`,
    );
  }
  console.log(
    `  initial JavaScript and CSS (everything but Monaco), gzip: ${(initialBytes(join(root, 'dist')) / 1024).toFixed(1)} KiB (budget 300 KB)`,
  );
} finally {
  await browser.close();
  app.close();
  blank.close();
}
