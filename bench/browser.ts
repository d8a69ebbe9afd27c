// Browser figures against DESIGN.md §4, on the production build in headless Chromium: first graph
// on screen against a blank React page built the same way, and the initial JavaScript without
// Monaco. (The form-edit latency at 50 and 1,000 resources is still to be measured here.)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { chromium, type Browser } from '@playwright/test';

import { chromiumLaunchOptions } from '../e2e/chromium';

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
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
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

async function firstPaint(browser: Browser, url: string, selector: string, runs = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector(selector, { state: 'visible' });
    times.push(
      await page.evaluate(
        () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))),
      ),
    );
    await page.close();
  }
  return median(times);
}

build([]);
build(['--config', 'bench/vite.blank.config.ts']);
const app = serve(join(root, 'dist'), 4195);
const blank = serve(join(root, 'dist-blank'), 4196);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const graph = await firstPaint(browser, 'http://127.0.0.1:4195/', '.react-flow__node');
  const page = await firstPaint(browser, 'http://127.0.0.1:4196/', '#blank');
  console.log('\nBrowser (production build, headless Chromium, median):');
  console.log(
    `  first graph on screen: ${ms(graph)}; blank React page: ${ms(page)}; ratio ${(graph / page).toFixed(2)}× (budget 1.5×)`,
  );
  console.log(
    `  initial JavaScript and CSS (everything but Monaco), gzip: ${(initialBytes(join(root, 'dist')) / 1024).toFixed(1)} KiB (budget 300 KB)`,
  );
} finally {
  await browser.close();
  app.close();
  blank.close();
}
