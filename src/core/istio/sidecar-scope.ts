/**
 * What a namespace's sidecars are configured to see (ISTIO.md §4.2): on top of exportTo, the
 * egress `hosts` of the Sidecar that scopes the namespace import services and VirtualServices by
 * the namespace they are defined in. A host that is not imported gets no listener, route or cluster
 * in the sidecar: its traffic falls back to the outbound traffic policy.
 */
import { derivedPer } from './indexes';
import { ROOT_NAMESPACE } from './kinds';
import type { BundleModel, ModelEntry } from './model';
import { record, records, strings } from './read';
import { inRelease, type IstioVersion } from './releases';
import { hostCovers } from './values';
import { destinationsTo, isVisibleTo, sidecarsIn } from './visibility';

/** The first release whose Sidecar takes `~ns/host` exclusions (istio/istio release-1.31). */
const EXCLUSIONS_SINCE: IstioVersion = '1.31';

/** One entry of a Sidecar's egress hosts: `ns/host`, or `~ns/host` excluding what it matches. */
interface ImportEntry {
  namespace: string;
  host: string;
  exclude: boolean;
}

/**
 * The Sidecar whose egress hosts scope the workloads of `namespace` that no selecting Sidecar
 * claims: the namespace's own Sidecar without a workloadSelector, else the root namespace's.
 */
export function scopingSidecar(model: BundleModel, namespace: string): ModelEntry | undefined {
  for (const ns of [namespace, ROOT_NAMESPACE]) {
    const sidecar = sidecarsIn(model, ns).find((s) => !record(s.spec['workloadSelector']));
    if (sidecar) return sidecar;
  }
  return undefined;
}

/** The egress hosts of the Sidecar scoping `namespace` ({@link importsOf}), read once per namespace and release. */
function scopeOf(
  model: BundleModel,
  namespace: string,
  release: IstioVersion,
): readonly ImportEntry[] | undefined {
  return derivedPer(model, 'sidecar-scope', [namespace, release], () =>
    importsOf(scopingSidecar(model, namespace), release),
  );
}

function importsOf(sidecar: ModelEntry | undefined, release: IstioVersion): ImportEntry[] | undefined {
  const listeners = records(sidecar?.spec['egress']);
  // No Sidecar, or one without egress listeners, imports everything (as if `*/*`).
  if (listeners.length === 0) return undefined;
  const exclusions = inRelease({ since: EXCLUSIONS_SINCE }, release);
  const out: ImportEntry[] = [];
  for (const [listener] of listeners) {
    for (const [raw] of strings(listener['hosts'])) {
      const slash = raw.indexOf('/');
      if (slash === -1) continue;
      const exclude = exclusions && raw.startsWith('~') && slash > 1;
      out.push({ namespace: raw.slice(exclude ? 1 : 0, slash), host: raw.slice(slash + 1), exclude });
    }
  }
  return out;
}

/**
 * Whether the sidecars of `namespace` import `host`, as defined (a ServiceEntry or a Kubernetes
 * Service) in `definedIn`: some egress entry names its namespace (or `*`, or `.` for the proxy's
 * own) and a name that equals or covers the host, and, from 1.31, no `~` entry excludes it. `~/…`
 * imports nothing. (Pilot also imports the destinations of the VirtualServices it imports: see
 * {@link sidecarImportsVirtualService}.)
 */
export function sidecarImports(
  model: BundleModel,
  namespace: string,
  host: string,
  definedIn: string,
  release: IstioVersion,
): boolean {
  const entries = scopeOf(model, namespace, release);
  if (!entries) return true;
  return entriesImport(entries, namespace, host, definedIn);
}

/** Whether an entry names the namespace `definedIn`, for a proxy in `namespace`. */
function namesNamespace(e: ImportEntry, namespace: string, definedIn: string): boolean {
  // `.` is the namespace of the proxy the scope is built for (pilot's convertIstioListenerToWrapper).
  return e.namespace === '*' || (e.namespace === '.' ? namespace : e.namespace) === definedIn;
}

function entriesImport(
  entries: readonly ImportEntry[],
  namespace: string,
  host: string,
  definedIn: string,
): boolean {
  const matches = (e: ImportEntry, name: string) =>
    namesNamespace(e, namespace, definedIn) && hostCovers(e.host, name);
  return (
    entries.some((e) => !e.exclude && matches(e, host)) && !entries.some((e) => e.exclude && matches(e, host))
  );
}

/** Whether the sidecars of `namespace` import a VirtualService: one of its hosts is imported from its namespace. */
export function sidecarImportsVirtualService(
  model: BundleModel,
  namespace: string,
  vs: ModelEntry,
  release: IstioVersion,
): boolean {
  const entries = scopeOf(model, namespace, release);
  if (!entries) return true;
  return strings(vs.spec['hosts']).some(
    ([host]) =>
      entriesImport(entries, namespace, host, vs.namespace) ||
      // A wildcard VS host imports the services it covers, and is imported by a name it covers.
      entries.some(
        (e) => !e.exclude && namesNamespace(e, namespace, vs.namespace) && hostCovers(host, e.host),
      ),
  );
}

/**
 * Whether the sidecars of `namespace` know the service `host` defined in `definedIn`: their Sidecar
 * imports it, or it is the destination of a mesh route of a VirtualService they import (pilot adds
 * those services to the scope too: sidecar.go collectImportedServices).
 */
export function sidecarSees(
  model: BundleModel,
  namespace: string,
  host: string,
  definedIn: string,
  release: IstioVersion,
): boolean {
  // Once per question: each ServiceEntry of a host asks it, and the routes to the host are many.
  return derivedPer(model, 'sidecar-sees', [namespace, host, definedIn, release], () => {
    if (sidecarImports(model, namespace, host, definedIn, release)) return true;
    return destinationsTo(model, host).some(
      ({ vs, rule, destination }) =>
        !destination.mirror &&
        rule.gateways.has('mesh') &&
        hostCovers(destination.host, host) &&
        isVisibleTo(vs, namespace) &&
        sidecarImportsVirtualService(model, namespace, vs, release),
    );
  });
}
