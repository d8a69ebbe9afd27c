/**
 * The Istio releases a design can target, and what the generated structure says exists in each:
 * every supported release from the oldest (1.22, the first to serve networking.istio.io/v1) to
 * the newest whose CRDs the structure was generated from. A design targets one release; a field,
 * enum value or API version that release does not have is refused by its cluster.
 */
import { structure } from './generated/structure';
import type { Limits, ReleaseLimits, ReleaseSpan } from './structure-types';

/** An Istio minor release, as Istio names its release branches: `'1.30'`. */
export type IstioVersion = string;

/** Every supported release, oldest first. */
export const ISTIO_VERSIONS: readonly IstioVersion[] = structure.releases;

/** The newest supported release: the default target of a design and of every CLI command. */
export const LATEST_ISTIO_VERSION: IstioVersion = ISTIO_VERSIONS.at(-1)!;

/** The oldest supported release. */
export const OLDEST_ISTIO_VERSION: IstioVersion = ISTIO_VERSIONS[0]!;

/** True when `value` names a supported release. */
export function isIstioVersion(value: unknown): value is IstioVersion {
  return typeof value === 'string' && ISTIO_VERSIONS.includes(value);
}

function order(version: IstioVersion): number {
  const index = ISTIO_VERSIONS.indexOf(version);
  if (index < 0) throw new Error(`unsupported Istio release ${version}`);
  return index;
}

/** True when a release in `span` (omitted ends: every release) includes `target`. */
export function inRelease(span: ReleaseSpan | undefined, target: IstioVersion): boolean {
  const at = order(target);
  if (span?.since !== undefined && order(span.since) > at) return false;
  if (span?.until !== undefined && order(span.until) < at) return false;
  return true;
}

/** True when `target` is `release` or newer: for behaviour a release changed. */
export function releaseAtLeast(target: IstioVersion, release: IstioVersion): boolean {
  return order(target) >= order(release);
}

/** The releases that both spans include: a child's span within its parent's. */
export function narrowSpan(outer: ReleaseSpan, inner: ReleaseSpan | undefined): ReleaseSpan {
  const span: ReleaseSpan = { ...outer };
  if (inner?.since !== undefined && (span.since === undefined || order(inner.since) > order(span.since)))
    span.since = inner.since;
  if (inner?.until !== undefined && (span.until === undefined || order(inner.until) < order(span.until)))
    span.until = inner.until;
  return span;
}

/**
 * Why `target` lacks something of this span, in the words the diagnostics use
 * (`added in Istio 1.31; this design targets Istio 1.30`), or undefined when it has it.
 */
export function releaseGap(span: ReleaseSpan | undefined, target: IstioVersion): string | undefined {
  if (inRelease(span, target)) return undefined;
  const when =
    span?.since !== undefined && order(span.since) > order(target)
      ? `added in Istio ${span.since}`
      : `removed after Istio ${span?.until ?? ''}`;
  return `${when}; this design targets Istio ${target}`;
}

/** The size limits a shape has in the `target` release (read only its limit fields). */
export function limitsAt(shape: ReleaseLimits, target: IstioVersion): Limits {
  if (!shape.older) return shape;
  const at = order(target);
  return shape.older.find((run) => order(run.until) >= at) ?? shape;
}
