import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

/** Where the suite lives: manifests, fixtures and the known-gaps list. */
export const SUITE_DIR = join(import.meta.dirname, '..');
export const FIXTURES_DIR = join(SUITE_DIR, 'fixtures');

/** Where a case comes from: the repository, the file and the commit it was read at. */
export interface Source {
  repo: string;
  path: string;
  /** The tag or branch read (`1.30.3`, `master`, ...). */
  ref: string;
  /** The commit, or how the stored copy was found when the index gave no commit. */
  commit: string;
  /** How our fixture differs from the source, when it does (a namespace kubectl -n sets, ...). */
  note?: string;
}

/** What every case has. */
interface CaseBase {
  id: string;
  source: Source;
  /** Fixture files (relative to fixtures/), joined into one bundle in this order. */
  files: string[];
  /** Only this document (0-based, split as Istio's tests split) of the single file. */
  document?: number;
  notes?: string;
}

/** A field path where Istio names the problem, in the engine's format (`spec.ports[1].name`). */
export interface FieldExpectation {
  /** `Kind/namespace/name`; the namespace is `default` where the YAML names none. */
  resource?: string;
  path?: string;
  /** The field at `path` is absent: an error at the map that lacks it counts too. */
  missing?: boolean;
  /** 1-based line in the bundle text, for problems kubectl finds before any object exists. */
  line?: number;
}

/** Istio accepts the bundle: no error (and, where istioctl warns, a warning at that field). */
export interface AcceptCase extends CaseBase {
  category: 'accept';
  warnings?: (FieldExpectation & { istio: string })[];
}

/** Istio refuses the bundle: an error on that resource, at that field when Istio names it. */
export interface RefuseCase extends CaseBase, FieldExpectation {
  category: 'refuse';
  /** Istio's error text (or the part of it its test matches). */
  istio: string;
}

/** One message `istioctl analyze`'s test expects: `{IST code, "Kind namespace/name"}`. */
export interface ExpectedMessage {
  code: string;
  /** Istio's message type name, e.g. `ReferencedResourceNotFound`. */
  type: string;
  /** As the Go test writes it: `Kind namespace/name`, or `Kind name` when the YAML names no namespace. */
  origin: string;
}

/** One case of `pkg/config/analysis/analyzers/analyzers_test.go`. */
export interface AnalyzerCase extends CaseBase {
  category: 'analyzer';
  /** The Go test case's name. */
  name: string;
  /** The Go analyzer the case runs, e.g. `virtualservice.GatewayAnalyzer`. */
  analyzer: string;
  /** A MeshConfig file (read by Istio's test as mesh config; we apply it as the `istio` ConfigMap). */
  meshConfig?: string;
  expected: ExpectedMessage[];
}

/** An egress-gateway step of an istio.io task: the graph must draw sidecar → gateway → host. */
export interface EgressPathCase extends CaseBase {
  category: 'egress-path';
  /** The namespace of the client pod. */
  client: string;
  /** The external host the gateway forwards to. */
  host: string;
}

export type Case = AcceptCase | RefuseCase | AnalyzerCase | EgressPathCase;
export type Category = Case['category'];

/** Something a source holds that the suite leaves out on purpose, and why. */
export interface OutOfScope {
  what: string;
  source: string;
  reason: string;
}

/** One manifest file: the cases from one source. */
export interface Manifest {
  /** Short name of the source, for the table. */
  title: string;
  cases: Case[];
  outOfScope?: OutOfScope[];
}

/** Every manifest under manifest/, in file-name order, each case tagged with its manifest. */
export function loadManifests(): Manifest[] {
  const dir = join(SUITE_DIR, 'manifest');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')) as Manifest);
}

/** The known gaps: case id → why we disagree with Istio today, in one sentence. */
export function loadKnownGaps(): Map<string, string> {
  const text = readFileSync(join(SUITE_DIR, 'known-gaps.yaml'), 'utf8');
  const data = (parse(text) ?? {}) as Record<string, string>;
  return new Map(Object.entries(data));
}
