import { describe, expect, it } from 'vitest';

import { deriveOnce } from '../core';
import { splitDocuments } from '../core/bundle';
import { SCENARIOS } from './scenarios';
import { warmUpDesign } from './warm-up';

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
});
