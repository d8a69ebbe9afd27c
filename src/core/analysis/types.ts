import type { FieldEdit, PathSegment, SourceRange } from '../bundle';
import type { IstioVersion } from '../istio/releases';

/** How bad a finding is: refused by the cluster, accepted but wrong, or best practice. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Where a check comes from, so users know which part of the cluster would say the same; `engine`
 * is Egress Studio itself failing (no part of the cluster).
 */
export type CheckLayer = 'yaml' | 'schema' | 'cel' | 'webhook' | 'analyzer' | 'practice' | 'engine';

/** A mechanical repair: edits to apply to resources of the bundle. */
export interface Fix {
  title: string;
  edits: { resourceId: string; edit: FieldEdit }[];
}

/** One problem in a bundle, located at the offending field. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** Character offsets into the bundle text. */
  range: SourceRange;
  /** `Kind/namespace/name`, or undefined for problems outside any object (YAML syntax). */
  resource: string | undefined;
  /** Field path inside the resource, e.g. `spec.ports[0].name`; empty for the whole document. */
  path: string;
  fix?: Fix;
}

/** What the catalogue says about a diagnostic code. */
export interface CodeInfo {
  code: string;
  title: string;
  /** The usual severity; a check may report a sub-case at another severity. */
  severity: Severity;
  layer: CheckLayer;
  /** Why it matters, in a sentence or two. */
  explanation: string;
  /** What to change. */
  fix: string;
  /** Matching `istioctl analyze` (IST) or Kiali (KIA) codes. */
  related?: string[];
}

/** Options for reporting from a rule. */
export interface ReportOptions {
  /** Overrides the code's catalogue severity for this sub-case. */
  severity?: Severity;
  /** Underline the field's key instead of its value. */
  target?: 'key' | 'value';
  fix?: Fix;
}

/** The view of one resource that per-resource rules get. */
export interface RuleResource {
  /** `Kind/namespace/name`. */
  ref: string;
  /** Unique id in the bundle (for fixes). */
  id: string;
  kind: string;
  apiVersion: string;
  name: string;
  /** The resource's namespace, `default` when it names none. */
  namespace: string;
  value: Record<string, unknown>;
  /** `value.spec` when it is an object, else an empty object. */
  spec: Record<string, unknown>;
}

/** What a per-resource rule receives. */
export interface RuleContext {
  resource: RuleResource;
  /** The Istio release the design targets: rules that changed between releases follow it. */
  target: IstioVersion;
  /** Reports a problem at `path` (relative to the resource, e.g. `['spec', 'hosts', 0]`). */
  report(code: string, path: readonly PathSegment[], message: string, options?: ReportOptions): void;
}

/** A check that looks at one resource at a time (cached per document). */
export interface ResourceRule {
  /** The Istio networking kinds (group networking.istio.io) the rule applies to. */
  kinds: readonly string[];
  check(context: RuleContext): void;
}
