import { aggregateGraph, needsAggregation } from './aggregate';
import { createLayoutMemo } from './layout';
import type { EgressGraph } from './types';

/**
 * The graph as the views show it, given the groups the user opened: the derivation's graph itself
 * when it is small enough to draw whole (already laid out), else grouped (see aggregate.ts) and
 * laid out. The same object while neither the graph nor the open groups change.
 */
export type GraphShower = (graph: EgressGraph, expanded: readonly string[]) => EgressGraph;

/** A {@link GraphShower} that keeps its last layout while the shown graph's shape stays the same. */
export function createGraphShower(): GraphShower {
  const layout = createLayoutMemo();
  let last: { graph: EgressGraph; expanded: string; shown: EgressGraph } | undefined;
  return (graph, expanded) => {
    const key = expanded.join('\n');
    if (last?.graph === graph && last.expanded === key) return last.shown;
    const shown = needsAggregation(graph) ? layout(aggregateGraph(graph, new Set(expanded))) : graph;
    last = { graph, expanded: key, shown };
    return shown;
  };
}
