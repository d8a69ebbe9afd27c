import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { SCENARIOS } from '../../templates/scenarios';
import { bundle, doc } from '../../../test/support/fixtures';
import { parseBundle, type TextChange } from '../bundle';
import { LATEST_ISTIO_VERSION } from '../istio/releases';
import { analyzeBundle } from './analyze';
import { provisionalDiagnostics } from './provisional';

const edit = (text: string, at: number, removed: number, inserted: string) => ({
  text: text.slice(0, at) + inserted + text.slice(at + removed),
  change: { start: at, end: at + removed, length: inserted.length } satisfies TextChange,
});

const provisional = (before: string, after: string, change: TextChange) =>
  provisionalDiagnostics(
    { bundle: parseBundle(before), diagnostics: analyzeBundle(parseBundle(before)) },
    parseBundle(after),
    change,
    LATEST_ISTIO_VERSION,
  );

describe('findings worked out from the edited documents alone', () => {
  it('equal a full analysis for an edit whose effect is on its own document (a resolution that needs wildcard hosts)', () => {
    const before = bundle(
      doc(
        'ServiceEntry',
        'team/api',
        'hosts: [api.example.com]',
        'ports: [{number: 443, name: tls, protocol: TLS}]',
        'resolution: DNS',
      ),
      doc('DestinationRule', 'team/api', 'host: api.example.com', 'trafficPolicy: {tls: {mode: SIMPLE}}'),
    );
    const at = before.indexOf('DNS\n');
    const { text, change } = edit(before, at, 3, 'DYNAMIC_DNS');
    const full = analyzeBundle(parseBundle(text));
    expect(full.some((d) => d.severity === 'error')).toBe(true);
    expect(provisional(before, text, change)).toEqual(full);
  });

  it('equal a full analysis after a comment typed anywhere in any scenario: own findings found again, the rest moved', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS.map((s) => s.text)),
        fc.nat(),
        fc.constantFrom('# note\n', '#\n', '# a longer remark about this\n'),
        (before, pick, comment) => {
          const lineStarts = [0, ...[...before.matchAll(/\n/g)].map((m) => m.index + 1)].filter(
            (i) => i < before.length && !before.startsWith('---', i),
          );
          const at = lineStarts[pick % lineStarts.length]!;
          const { text, change } = edit(before, at, 0, comment);
          expect(provisional(before, text, change)).toEqual(analyzeBundle(parseBundle(text)));
        },
      ),
      { seed: 1207, numRuns: 150 },
    );
  });

  it("replace the edited document's own findings and keep the others for an edit across resources", () => {
    const scenario = SCENARIOS.find((s) => s.id === 'egress-gateway-tls-origination')!.text;
    const at = scenario.indexOf('number: 443');
    expect(at).toBeGreaterThan(0);
    const { text, change } = edit(scenario, at, 'number: 443'.length, 'number: 70000');
    const result = provisional(scenario, text, change);
    const full = analyzeBundle(parseBundle(text));
    // The port out of range is an admission error of that document: there at once.
    const own = full.filter((d) => d.severity === 'error' && d.range.start >= at && d.range.start < at + 40);
    expect(own.length).toBeGreaterThan(0);
    for (const d of own) expect(result).toContainEqual(d);
    // Nothing in it is out of the text, and every finding is either found again or moved.
    for (const d of result) expect(d.range.end).toBeLessThanOrEqual(text.length);
  });
});
