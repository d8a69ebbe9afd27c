import { lazy, Suspense, useMemo } from 'react';

import {
  severityCounts,
  severitySummary,
  worstFirst,
  type Diagnostic,
  type Resource,
  type Severity,
} from '../../core';
import { useStudioApi, type View } from '../../store';
import { withDeferredView } from '../shared/deferred-view';
import { useHiddenSet } from '../shared/useHiddenSet';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const NO_PROBLEMS: Diagnostic[] = [];
const NO_RESOURCES: Resource[] = [];

// The rows come with their windowing in a chunk of their own, after the first paint.
const ProblemList = lazy(() => import('./ProblemList').then((m) => ({ default: m.ProblemList })));

/** Every diagnostic of the bundle, with a summary and a severity filter; a click selects its node. */
export const Problems = withDeferredView(function Problems({ view }: { view: View }) {
  const { store } = useStudioApi();
  const [hidden, show] = useHiddenSet<Severity>();
  const { bundle, graph } = view.current;
  // A design just pasted or opened: what it holds is not known yet, and the last one's problems are not its.
  const diagnostics = view.replacing ? NO_PROBLEMS : view.current.diagnostics;
  const unmodelled = view.replacing ? NO_RESOURCES : view.current.unmodelled;
  const counts = useMemo(() => severityCounts(diagnostics), [diagnostics]);
  // Worst first: the errors the cluster would refuse, then warnings, then advice.
  const sorted = useMemo(() => worstFirst(diagnostics), [diagnostics]);
  const shown = useMemo(() => sorted.filter((d) => !hidden.has(d.severity)), [sorted, hidden]);
  const keys = useMemo(() => stableKeys(shown), [shown]);

  const open = (d: Diagnostic) => {
    const node = d.resource ? graph.nodes.find((n) => n.resources.includes(d.resource!)) : undefined;
    if (node) store.getState().select(node.id);
    // The field goes to the inspector's form when the node is shown; the YAML pane shows the line.
    store.getState().reveal(d.range, node && d.resource ? { resource: d.resource, path: d.path } : undefined);
  };

  return (
    <div className="problems">
      <div className="problems-header">
        <p className="summary" aria-live="polite">
          {/* A large design just opened: nothing derived yet, or its graph ahead of its findings. */}
          {view.unchecked || view.replacing || (view.pending && view.current.bundle.text === '')
            ? 'Not checked yet'
            : severitySummary(counts)}
        </p>
        {/* A large design is checked off the main thread: until that lands, these are the last results. */}
        {view.pending && (
          <p className="checking muted" role="status">
            Checking the design…
          </p>
        )}
        <div className="filters" role="group" aria-label="Show severities">
          {SEVERITIES.map((severity) => (
            <label key={severity}>
              <input
                type="checkbox"
                checked={!hidden.has(severity)}
                onChange={(e) => show(severity, e.target.checked)}
              />
              {severity === 'info' ? 'Info' : `${severity[0]!.toUpperCase()}${severity.slice(1)}s`}
            </label>
          ))}
        </div>
      </div>
      <Unmodelled resources={unmodelled} />
      <Suspense fallback={null}>
        <ProblemList problems={shown} keys={keys} lines={bundle.lines} onOpen={open} />
      </Suspense>
    </div>
  );
});

/**
 * The resources of kinds the product does not model (Gateway API, AuthorizationPolicy,
 * Deployments, ...), folded: kept as written, checked for YAML and the basic shape only. A click
 * shows the resource's YAML.
 */
function Unmodelled({ resources }: { resources: Resource[] }) {
  const { store } = useStudioApi();
  if (resources.length === 0) return null;
  return (
    <details className="unmodelled">
      <summary>Not modelled (kept as is): {resources.length}</summary>
      <ul>
        {resources.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              onClick={() => store.getState().reveal({ start: r.document.start, end: r.document.start })}
            >
              {r.ref}
            </button>{' '}
            <span className="muted">{r.apiVersion}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Keys that survive edits elsewhere in the text: what a problem is about, not where (an offset
 * shifts with every character typed above it, and React would rebuild every row below). Not its
 * message: thousands of them, made again on every landing, were a megabyte of garbage each time;
 * problems alike but for their message are told apart by their count.
 */
function stableKeys(diagnostics: Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const key = `${d.resource ?? ''}|${d.path}|${d.code}`;
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    return count ? `${key}|${count}` : key;
  });
}
