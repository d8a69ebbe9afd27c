import { describe, expect, it } from 'vitest';

import { deriveOnce, OTHER_HOSTS_ID } from '../core';
import { splitDocuments } from '../core/bundle';
import { SCENARIOS } from './scenarios';
import { warmUpDesign, warmUpDesigns } from './warm-up';

describe('the warm-up design', () => {
  it("holds every scenario's resources, each document distinct, and derives without failing", () => {
    const text = warmUpDesign(2);
    const chunks = splitDocuments(text).map((c) => c.text.replace(/^---\n/, ''));
    expect(new Set(chunks).size).toBe(chunks.length);
    const derivation = deriveOnce(text);
    expect(derivation.internalError).toBeUndefined();
    expect(derivation.graph.nodes.length).toBeGreaterThan(0);
    const kinds = (t: string) => new Set(deriveOnce(t).bundle.resources.map((r) => r.kind));
    const everyKind = new Set(SCENARIOS.flatMap((s) => [...kinds(s.text)]));
    expect(kinds(warmUpDesign())).toEqual(everyKind);
    const resources = SCENARIOS.reduce((n, s) => n + deriveOnce(s.text).bundle.resources.length, 0);
    expect(derivation.bundle.resources).toHaveLength(2 * resources);
  });

  it('goes on with large designs in pieces, each of hosts of its own, that derive without failing', () => {
    const [scenarios, ...large] = warmUpDesigns();
    expect(scenarios).toBe(warmUpDesign());
    expect(large.length).toBeGreaterThan(1);
    const hosts = large.map(
      (text) =>
        new Set(
          deriveOnce(text)
            .graph.nodes.filter((n) => n.kind === 'external-service' && n.id !== OTHER_HOSTS_ID)
            .map((n) => n.id),
        ),
    );
    for (const [i, own] of hosts.entries()) {
      expect(own.size).toBeGreaterThan(100);
      for (const other of hosts.slice(i + 1)) expect([...own].filter((h) => other.has(h))).toEqual([]);
    }
    expect(deriveOnce(large[0]!).internalError).toBeUndefined();
  });
});
