/**
 * A design for the engine to derive once, unseen, before the user's first large design: the
 * first derivation in a fresh worker runs the engine's code cold (not yet compiled by the
 * JavaScript engine's optimising tiers). In a worker on its own, a 2,000-service design parsed in
 * 1.5–1.6 s cold and 0.9–1.2 s after this; in the app its graph shows about 0.2 s sooner. Every
 * scenario, each document made distinct by a comment so that none is a cache hit of another: block
 * and flow YAML, every kind the product models.
 */
import { splitDocuments } from '../core/bundle';
import { SCENARIOS } from './scenarios';

/** The warm-up design's text: {@link SCENARIOS}' bundles, `copies` times over. */
export function warmUpDesign(copies = 1): string {
  const documents: string[] = [];
  for (let copy = 0; copy < copies; copy++)
    for (const scenario of SCENARIOS)
      for (const chunk of splitDocuments(scenario.text)) {
        const body = chunk.text.replace(/^---[^\n]*\n/, '');
        if (body.trim() === '') continue;
        documents.push(`# warm-up ${copy} ${documents.length}\n${body}${body.endsWith('\n') ? '' : '\n'}`);
      }
  return documents.join('---\n');
}
