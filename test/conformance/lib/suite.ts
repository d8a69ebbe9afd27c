import { loadKnownGaps, loadManifests, type Case, type Category, type Manifest } from './manifest';
import { scoreCase, type Outcome } from './score';

/**
 * Where a case stands: it agrees with Istio; it disagrees for a reason the known-gaps list gives;
 * it disagrees and nobody said why (a regression, or a new case); or it agrees while still listed
 * as a gap (the list must lose it).
 */
export type Status = 'agrees' | 'known-gap' | 'new-disagreement' | 'gap-closed';

export interface CaseResult {
  testCase: Case;
  /** The manifest's title: which source the case comes from. */
  source: string;
  outcome: Outcome;
  status: Status;
  /** The reason the known-gaps list gives, if it lists the case. */
  gap?: string;
}

export interface SuiteResult {
  results: CaseResult[];
  /** Known-gap ids that name no case (the list must lose them too). */
  staleGaps: string[];
  manifests: Manifest[];
}

/** Runs every case of every manifest and sets each against the known-gaps list. */
export function runSuite(): SuiteResult {
  const manifests = loadManifests();
  const gaps = loadKnownGaps();
  const results: CaseResult[] = [];
  for (const manifest of manifests) {
    for (const testCase of manifest.cases) {
      const outcome = scoreCase(testCase);
      const gap = gaps.get(testCase.id);
      const status: Status = outcome.agrees
        ? gap === undefined
          ? 'agrees'
          : 'gap-closed'
        : gap === undefined
          ? 'new-disagreement'
          : 'known-gap';
      results.push({
        testCase,
        source: manifest.title,
        outcome,
        status,
        ...(gap === undefined ? {} : { gap }),
      });
    }
  }
  const ids = new Set(results.map((r) => r.testCase.id));
  const staleGaps = [...gaps.keys()].filter((id) => !ids.has(id));
  return { results, staleGaps, manifests };
}

/** The categories in the order the table prints them, with their headings. */
export const CATEGORIES: [Category, string][] = [
  ['accept', 'accepted clean'],
  ['refuse', 'refused at the field'],
  ['analyzer', 'analyzer messages'],
  ['egress-path', 'egress path drawn'],
];
