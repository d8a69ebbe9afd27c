import type { Bundle, PathSegment } from '../../bundle';
import { buildModel, type BundleModel, type ModelEntry } from '../../istio/model';
import { diagnosticAt } from '../context';
import type { Diagnostic, ReportOptions } from '../types';
import { egressAnalyzers } from './egress';
import { portAnalyzers } from './ports';
import { practiceAnalyzers } from './practice';
import { referenceAnalyzers } from './references';

/** Reports a finding on a field of one resource in the bundle. */
export type AnalyzerReport = (
  entry: Pick<ModelEntry, 'resource'>,
  code: string,
  path: readonly PathSegment[],
  message: string,
  options?: ReportOptions,
) => void;

/** A check over the whole bundle (references, conflicts, visibility, egress patterns). */
export type Analyzer = (model: BundleModel, report: AnalyzerReport) => void;

const analyzers: readonly Analyzer[] = [
  ...referenceAnalyzers,
  ...egressAnalyzers,
  ...portAnalyzers,
  ...practiceAnalyzers,
];

/** Runs every cross-resource analyzer; ranges are absolute offsets into the bundle text. */
export function runAnalyzers(bundle: Bundle): Diagnostic[] {
  const model = buildModel(bundle);
  const out: Diagnostic[] = [];
  const report: AnalyzerReport = (entry, code, path, message, options) =>
    out.push(diagnosticAt(entry.resource, code, path, message, options, entry.resource.document.start));
  for (const analyzer of analyzers) analyzer(model, report);
  return out;
}
