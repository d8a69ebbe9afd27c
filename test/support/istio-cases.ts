/**
 * Runs cases of istioctl analyze's own analyzer tests (istio/istio
 * pkg/config/analysis/analyzers/analyzers_test.go) on their testdata, copied into
 * test/istio-analyzers/ with its source and commit noted in each file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { analyzeBundle } from '../../src/core/analysis/analyze';
import { codeCatalogue } from '../../src/core/analysis/codes';
import { parseBundle } from '../../src/core/bundle';

/**
 * An expected message as analyzers_test.go writes it, `[IST code, "Kind namespace/name"]`; the
 * namespace is `default` when the test leaves it out.
 */
export type IstioMessage = [string, string];

/** `IST0101 Kind/namespace/name` for a message as the test writes it. */
export function istioMessage([code, expected]: IstioMessage): string {
  const [kind, name] = expected.split(' ') as [string, string];
  return `${code} ${kind}/${name.includes('/') ? name : `default/${name}`}`;
}

/**
 * The messages the engine gives on the case's files through `codes` (engine codes), each as the IST
 * codes its catalogue entry names and the resource it is on, without repeats, sorted.
 */
export function engineMessages(files: readonly string[], codes: readonly string[]): string[] {
  const text = files
    .map((file) => readFileSync(join(import.meta.dirname, '..', 'istio-analyzers', file), 'utf8'))
    .join('\n---\n');
  const found = new Set<string>();
  for (const d of analyzeBundle(parseBundle(text))) {
    if (!codes.includes(d.code)) continue;
    for (const related of codeCatalogue.get(d.code)?.related ?? []) {
      if (related.startsWith('IST')) found.add(`${related} ${d.resource ?? ''}`);
    }
  }
  return [...found].sort();
}
