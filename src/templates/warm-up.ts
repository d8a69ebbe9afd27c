/**
 * Designs for the engine to derive once, unseen, before the user's first large design: the first
 * derivation in a fresh worker runs the engine's code cold (not yet compiled by the JavaScript
 * engine's optimising tiers) in a heap not yet grown to the size a large design needs.
 *
 * - First, every scenario, each document made distinct by a comment so that none is a cache hit of
 *   another: block and flow YAML, every kind the product models.
 * - Then designs of the shape platform teams paste ({@link realisticDesign}), in pieces: many
 *   namespaces asking about many hosts is what the graph's namespace classes and grouping do at
 *   scale, and what the scenarios never reach.
 *
 * Measured in the app (Chromium, 2 cores): a 2,000-service design pasted a few seconds after the
 * page loaded has its graph drawn by the worker in 2.3–2.5 s after the scenarios alone, and in
 * 1.3–1.5 s after these; on screen, 2.2–2.7 s after the paste instead of 3.3–3.9 s. The pieces go
 * one per idle moment of the page (off-thread.ts), 0.2–0.4 s each, so a design pasted meanwhile
 * waits at most that.
 */
import { splitDocuments } from '../core/bundle';
import { realisticDesign } from './realistic';
import { SCENARIOS } from './scenarios';

/** Pieces of the large part of the warm-up, and services in each. */
const LARGE_PIECES = 4;
const SERVICES_PER_PIECE = 150;

/**
 * The warm-up designs' texts, in the order to derive them (one per task, each with an engine of its
 * own): {@link warmUpDesign}, then the large pieces, whose hosts differ from piece to piece.
 */
export function warmUpDesigns(): string[] {
  const large = Array.from({ length: LARGE_PIECES }, (_, piece) =>
    realisticDesign(SERVICES_PER_PIECE).replaceAll('.example.com', `.example-${piece}.com`),
  );
  return [warmUpDesign(), ...large];
}

/** {@link SCENARIOS}' bundles, `copies` times over. */
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
