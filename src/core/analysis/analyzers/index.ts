import type { Bundle, PathSegment, Resource } from '../../bundle';
import { buildModel, subjectView, type BundleModel, type ModelEntry } from '../../istio/model';
import { LATEST_ISTIO_VERSION, type IstioVersion } from '../../istio/releases';
import { NO_READS, trackReads } from '../../istio/reads';
import { changedKeys, stillValid, type SubjectMemo } from '../../istio/subjects';
import { diagnosticAt } from '../context';
import type { Diagnostic, ReportOptions } from '../types';
import { conflictAnalyzers } from './conflicts';
import { credentialAnalyzers } from './credentials';
import { egressAnalyzers } from './egress';
import { gatewayPodAnalyzers } from './gateway-pods';
import { portAnalyzers } from './ports';
import { meshAnalyzers, practiceAnalyzers } from './practice';
import { gatewayBindingAnalyzers } from './gateway-bindings';
import { referenceAnalyzers } from './references';
import { servicePortAnalyzers } from './service-ports';
import { sidecarSelectorAnalyzers } from './sidecar-selectors';
import { subsetAnalyzers } from './subsets';

/** Reports a finding on a field of one resource in the bundle. */
export type AnalyzerReport = (
  entry: ModelEntry,
  code: string,
  path: readonly PathSegment[],
  message: string,
  options?: ReportOptions,
) => void;

/**
 * A check across resources (references, conflicts, visibility, egress patterns). It loops over
 * the model's resources of the kinds it checks and reads everything else through the lookups of
 * istio/visibility, so it can run on a view holding one resource and be cached per resource.
 * `target` is the Istio release the design targets, for behaviour that changed between releases.
 */
export type Analyzer = (model: BundleModel, report: AnalyzerReport, target: IstioVersion) => void;

/** A check of the mesh config itself, run once per bundle and reporting on the config's resource. */
export type MeshAnalyzer = (
  model: BundleModel,
  report: (resource: Resource, code: string, path: readonly PathSegment[], message: string) => void,
  target: IstioVersion,
) => void;

const subjectAnalyzers: readonly Analyzer[] = [
  ...referenceAnalyzers,
  ...gatewayBindingAnalyzers,
  ...conflictAnalyzers,
  ...egressAnalyzers,
  ...portAnalyzers,
  ...practiceAnalyzers,
  // Those that read the design's Kubernetes objects.
  ...gatewayPodAnalyzers,
  ...credentialAnalyzers,
  ...sidecarSelectorAnalyzers,
  ...subsetAnalyzers,
  ...servicePortAnalyzers,
];

/** A finding with its range relative to the document of the resource it is on. */
interface HeldFinding {
  diagnostic: Diagnostic;
  /** The entry of the resource the finding is on (stable while its document text is). */
  on: ModelEntry;
}

/** Cross-resource findings per resource, kept between analyses of an edited bundle. */
export type AnalyzerMemo = SubjectMemo<HeldFinding[], ModelEntry>;

/** An empty memo for {@link runAnalyzers}. */
export function createAnalyzerMemo(): AnalyzerMemo {
  return { model: undefined, results: new Map(), recomputed: 0 };
}

/**
 * Runs every cross-resource analyzer for a target release; ranges are absolute offsets into the
 * bundle text. With a memo from the previous run (for the same release), only resources whose
 * findings an edit can change are checked again: the edited ones and those that looked up a key
 * the edited ones are indexed under.
 */
export function runAnalyzers(
  bundle: Bundle,
  memo?: AnalyzerMemo,
  target: IstioVersion = LATEST_ISTIO_VERSION,
): Diagnostic[] {
  const model = buildModel(bundle);
  const dirty = memo ? changedKeys(memo.model, model) : 'all';
  const results: AnalyzerMemo['results'] = new Map();
  let recomputed = 0;
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  let resourceOf: Map<ModelEntry, Resource> | undefined;
  const emit = (held: HeldFinding, subject: ModelEntry, resource: Resource) => {
    if (held.on !== subject) {
      resourceOf ??= new Map(model.entries.map((entry, i) => [entry, model.resources[i]!]));
      const other = resourceOf.get(held.on);
      if (!other) return;
      resource = other;
    }
    const d = held.diagnostic;
    const start = d.range.start + resource.document.start;
    const end = d.range.end + resource.document.start;
    // Two resources may find the same thing (one ServiceEntry forwarded by several routes): keep one.
    const key = `${d.code}|${d.resource ?? ''}|${start}|${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ...d, range: { start, end } });
  };
  for (let order = 0; order < model.entries.length; order++) {
    const subject = model.entries[order]!;
    const cached = memo?.results.get(subject);
    let result = stillValid(cached, dirty) ? cached! : undefined;
    if (!result && !memo) {
      // A one-off analysis (the CLI) keeps nothing, so it need not note what it reads.
      result = { reads: NO_READS, value: checkSubject(model, subject, target) };
    } else if (!result) {
      result = trackReads(() => checkSubject(model, subject, target));
      recomputed++;
    }
    if (memo) results.set(subject, result);
    for (const held of result.value) emit(held, subject, model.resources[order]!);
  }
  // Mesh analyzers report on model.meshSource, which is this bundle's own resource object.
  for (const analyzer of meshAnalyzers) {
    analyzer(
      model,
      (resource, code, path, message) =>
        out.push(diagnosticAt(resource, code, path, message, {}, resource.document.start)),
      target,
    );
  }
  if (memo) {
    memo.model = model;
    memo.results = results;
    memo.recomputed = recomputed;
  }
  return out;
}

function checkSubject(model: BundleModel, subject: ModelEntry, target: IstioVersion): HeldFinding[] {
  const view = subjectView(model, subject);
  const held: HeldFinding[] = [];
  const report: AnalyzerReport = (entry, code, path, message, options) =>
    held.push({ diagnostic: diagnosticAt(entry.resource, code, path, message, options), on: entry });
  for (const analyzer of subjectAnalyzers) analyzer(view, report, target);
  return held;
}
