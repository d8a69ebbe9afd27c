// Prints the engine's figures against the budgets of DESIGN.md §4. Timings are medians of several
// runs on this machine; they are for notes and trends, never for test assertions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { parseAllDocuments } from 'yaml';

import { analyzeBundle, type AnalysisCache } from '../src/core/analysis/analyze';
import { parseBundle, type DocumentCache } from '../src/core/bundle';
import { deriveGraph } from '../src/core/graph';
import { syntheticBundle } from './synthetic';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(runs: number, fn: () => void): number {
  fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const rows: string[][] = [
  ['resources', 'parse', 'analyze', 'graph', 'full derivation', 'raw yaml parse', 'ratio'],
];
for (const count of [10, 100, 1000, 5000]) {
  const text = syntheticBundle(count);
  const runs = count >= 5000 ? 3 : count >= 1000 ? 5 : 15;
  const parse = time(runs, () => parseBundle(text));
  const bundle = parseBundle(text);
  const analyze = time(runs, () => analyzeBundle(bundle));
  const graph = time(runs, () => deriveGraph(bundle));
  const full = time(runs, () => {
    const b = parseBundle(text);
    analyzeBundle(b);
    deriveGraph(b);
  });
  const raw = time(runs, () => parseAllDocuments(text).forEach((d) => d.toJS()));
  rows.push([
    String(count),
    ms(parse),
    ms(analyze),
    ms(graph),
    ms(full),
    ms(raw),
    `${(full / raw).toFixed(2)}×`,
  ]);
}
console.log('Engine, per bundle size (median):');
for (const row of rows) console.log(`  ${row.map((c, i) => c.padStart(i === 0 ? 9 : 17)).join('')}`);

// Re-deriving after editing one document: with the caches, only that document is parsed and
// analysed again; the cross-resource analyzers and the graph still run over the whole bundle.
console.log('\nRe-derive after editing one document (median):');
for (const count of [100, 1000, 5000]) {
  const text = syntheticBundle(count);
  const documents: DocumentCache = new Map();
  const findings: AnalysisCache = new Map();
  analyzeBundle(parseBundle(text, documents), findings);
  let n = 0;
  const edit = time(9, () => {
    n++;
    const edited = text.replace('timeout: 15s', `timeout: ${15 + (n % 40)}s`);
    const b = parseBundle(edited, documents);
    analyzeBundle(b, findings);
  });
  const editWithGraph = time(9, () => {
    n++;
    const b = parseBundle(text.replace('timeout: 15s', `timeout: ${15 + (n % 40)}s`), documents);
    analyzeBundle(b, findings);
    deriveGraph(b);
  });
  console.log(
    `  ${String(count).padStart(5)} resources: parse+analyze ${ms(edit)}, with graph ${ms(editWithGraph)}`,
  );
}

// The CLI as a user runs it: a whole process validating 1,000 resources (budget: under 1 s), as
// the published bin (bundled by build:cli) and through tsx from source (`npm run cli`).
const dir = mkdtempSync(join(tmpdir(), 'egress-bench-'));
const file = join(dir, 'bundle-1000.yaml');
writeFileSync(file, syntheticBundle(1000));
spawnSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'], {
  stdio: 'inherit',
});
function processTime(command: string, args: string[]): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { encoding: 'utf8' });
    runs.push(performance.now() - start);
    if (i === 0 && result.status !== 0)
      console.log(`  (${command} exited ${result.status}: ${result.stderr.slice(0, 200)})`);
  }
  return median(runs);
}
const bin = processTime('bin/egress-studio.js', ['validate', '--format', 'json', file]);
const dev = processTime('node', [
  '--max-semi-space-size=32',
  '--import',
  'tsx',
  'src/cli/entry.ts',
  'validate',
  '--format',
  'json',
  file,
]);
console.log(`\nCLI validate of 1,000 resources, whole process (median of 5; budget < 1000 ms):`);
console.log(`  published bin: ${ms(bin)}`);
console.log(`  npm run cli (tsx from source): ${ms(dev)}`);
