// Prints the engine's figures against the budgets of DESIGN.md §4. Timings are medians of several
// runs on this machine; they are for notes and trends, never for test assertions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { parseAllDocuments } from 'yaml';

import { analyzeBundle } from '../src/core/analysis/analyze';
import { parseBundle } from '../src/core/bundle';
import { createDeriver, type DerivationWork } from '../src/core/derivation';
import { deriveGraph } from '../src/core/graph';
import { realisticDesign } from '../src/templates/realistic';
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

// Re-deriving after editing one field of one document, as the designer does on every keystroke:
// the deriver re-parses that document and re-checks only what the edit can affect. The editor
// knows where it changed the text and says so; without that, the deriver compares documents.
console.log('\nRe-derive after editing one document (median of 21; parse, analyze and graph):');
for (const count of [100, 1000, 5000]) {
  const text = syntheticBundle(count);
  const at = text.indexOf('timeout: 15s') + 'timeout: '.length;
  let work: DerivationWork | undefined;
  const figures = [true, false].map((hinted) => {
    const derive = createDeriver();
    derive(text);
    let n = 0;
    // Edit a VirtualService near the top, so every document after it moves.
    return time(21, () => {
      n++;
      const value = `${16 + (n % 40)}s`;
      const edited = text.slice(0, at) + value + text.slice(at + 3);
      work = derive(edited, hinted ? { start: at, end: at + 3, length: value.length } : undefined).work;
    });
  });
  const units = work
    ? `documents parsed ${work.documentsParsed}, resources re-checked ${work.resourcesRechecked}, graph parts drawn ${work.graphPartsDrawn}`
    : '';
  console.log(
    `  ${String(count).padStart(5)} resources: ${ms(figures[0]!)} (${ms(figures[1]!)} without the change range); work: ${units}`,
  );
}

// One scenario repeated: copies share names and hosts, so every lookup of the gateway's host finds
// all of them. Each copy must add the same work, whatever the number of copies before it: growth
// exponent 1 is linear, 2 quadratic.
const scenario = readFileSync(
  new URL('../src/templates/scenarios/egress-gateway-tls-origination.yaml', import.meta.url),
  'utf8',
);
console.log(
  '\nValidate the egress gateway TLS origination scenario repeated (median of 5, of 3 at 1,600; parse, analyze and graph; budget: 1,600 copies < 5 s):',
);
const repeated = [100, 400, 1600].map((copies) => {
  const text = Array.from({ length: copies }, () => scenario).join('\n---\n');
  const resources = parseBundle(text).resources.length;
  const median = time(copies >= 1600 ? 3 : 5, () => {
    const bundle = parseBundle(text);
    analyzeBundle(bundle);
    deriveGraph(bundle);
  });
  console.log(
    `  ${copies.toLocaleString('en').padStart(5)} copies (${String(resources).padStart(5)} resources): ${ms(median)}`,
  );
  return median;
});
const exponent = (from: number, to: number) => Math.log(to / from) / Math.log(4);
console.log(
  `  growth exponent: ${exponent(repeated[0]!, repeated[1]!).toFixed(2)} from 100 to 400 copies, ${exponent(repeated[1]!, repeated[2]!).toFixed(2)} from 400 to 1,600`,
);

// A large design as a platform team has one (see realistic.ts): every sidecar sees most hosts, so
// the graph has namespaces × hosts hops. Each part once (these take seconds).
console.log(
  '\nA realistic large design (40 namespaces, ALLOW_ANY and REGISTRY_ONLY, one host in ten through the egress gateway; one run each):',
);
for (const services of [500, 2000]) {
  const text = realisticDesign(services);
  let start = performance.now();
  const bundle = parseBundle(text);
  const parse = performance.now() - start;
  start = performance.now();
  analyzeBundle(bundle);
  const analyze = performance.now() - start;
  start = performance.now();
  const graph = deriveGraph(bundle);
  const draw = performance.now() - start;
  console.log(
    `  ${services.toLocaleString('en')} services (${bundle.resources.length.toLocaleString('en')} resources, ${Math.round(text.length / 1024)} KB): parse ${ms(parse)}, analyze ${ms(analyze)}, graph ${ms(draw)} (${graph.nodes.length.toLocaleString('en')} nodes, ${graph.edges.length.toLocaleString('en')} edges)`,
  );
}

// The CLI as a user runs it: a whole process validating 1,000 resources (budget: under 1 s), as
// the published bin (bundled by build:cli) and through `npm run cli` (which runs the same bundle).
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
const viaNpm = processTime('npm', ['run', '--silent', 'cli', '--', 'validate', '--format', 'json', file]);
const rawParse = time(5, () => parseAllDocuments(syntheticBundle(1000)).forEach((d) => d.toJS()));
console.log(`\nCLI validate of 1,000 resources, whole process (median of 5; budget < 1000 ms):`);
console.log(`  (for scale: a raw yaml parse of the same text, in this process, warm: ${ms(rawParse)})`);
console.log(`  published bin: ${ms(bin)}`);
console.log(`  npm run cli (the same bundle, plus npm's own start-up): ${ms(viaNpm)}`);
