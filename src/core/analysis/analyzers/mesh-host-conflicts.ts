/**
 * Several VirtualServices binding one host to the sidecars of some of the same namespaces, as
 * istioctl's IST0109 finds them: sidecars do not merge VirtualServices, so all but one are ignored.
 * Every party is reported, naming the others.
 */
import { derivedPer } from '../../istio/indexes';
import type { BundleModel, ModelEntry } from '../../istio/model';
import { strings } from '../../istio/read';
import { hostsOverlap } from '../../istio/values';
import {
  exportScopes,
  isMeshBound,
  qualifyHost,
  scopesCollide,
  virtualServicesForHost,
} from '../../istio/visibility';
import type { Analyzer } from '.';
import { GroupNames } from './group-names';

/** What the check reads of a mesh-bound VirtualService, read once per entry (every rival reads it again). */
interface MeshHostFacts {
  entry: ModelEntry;
  scopes: string[];
  /** Each host as written, with its qualified lower-case form. */
  hosts: [string, string][];
}

const meshHostFacts = new WeakMap<ModelEntry, MeshHostFacts>();

function meshHostFactsOf(vs: ModelEntry): MeshHostFacts {
  let facts = meshHostFacts.get(vs);
  if (!facts) {
    facts = {
      entry: vs,
      scopes: exportScopes(vs),
      hosts: strings(vs.spec['hosts']).map(([h]) => [h, qualifyHost(h, vs.namespace).toLowerCase()]),
    };
    meshHostFacts.set(vs, facts);
  }
  return facts;
}

/** The mesh-bound VirtualServices whose hosts cover a host, filed by the namespaces they are exported to. */
interface Candidates {
  list: MeshHostFacts[];
  /** Positions in `list` by export scope (a namespace). */
  byScope: Map<string, number[]>;
  /** Positions of those exported everywhere (`*`). */
  everywhere: number[];
}

/** {@link Candidates} for `host` as written in `namespace`: once per qualified host, whoever asks. */
function candidatesFor(model: BundleModel, host: string, namespace: string): Candidates {
  const qualified = qualifyHost(host, namespace).toLowerCase();
  return derivedPer(model, 'mesh-host-candidates', [qualified], () => {
    const found: Candidates = { list: [], byScope: new Map(), everywhere: [] };
    for (const other of virtualServicesForHost(model, host, namespace)) {
      if (!isMeshBound(other)) continue;
      const facts = meshHostFactsOf(other);
      const at = found.list.push(facts) - 1;
      for (const scope of new Set(facts.scopes)) {
        if (scope === '*') found.everywhere.push(at);
        const filed = found.byScope.get(scope);
        if (filed) filed.push(at);
        else found.byScope.set(scope, [at]);
      }
    }
    return found;
  });
}

/**
 * The mesh-bound VirtualServices that bind `host` (as written in `namespace`) for some of the
 * namespaces of `scopes`, each named with the host it clashes by: once per host, namespace and
 * scopes, which every VirtualService of such a group shares. Only candidates that share a scope,
 * or are exported everywhere, can clash (all of them when `scopes` is everywhere).
 */
function meshHostRivals(model: BundleModel, host: string, namespace: string, scopes: string[]): GroupNames {
  return derivedPer(model, 'mesh-host-rivals', [host, namespace, ...scopes], () => {
    const fqdn = qualifyHost(host, namespace).toLowerCase();
    const { list, byScope, everywhere } = candidatesFor(model, host, namespace);
    let positions: Iterable<number> = list.keys();
    if (!scopes.includes('*')) {
      const picked = new Set(everywhere);
      for (const scope of scopes) for (const at of byScope.get(scope) ?? []) picked.add(at);
      positions = [...picked].sort((a, b) => a - b);
    }
    const members: ModelEntry[] = [];
    const labels: string[] = [];
    for (const at of positions) {
      const other = list[at]!;
      // istioctl groups hosts by scope and exact name; a wildcard counts only against `*`.
      const clash = other.hosts.find(([, theirs]) =>
        scopesCollide(scopes, other.scopes, theirs === fqdn, hostsOverlap(theirs, fqdn)),
      );
      if (!clash) continue;
      members.push(other.entry);
      labels.push(clash[0] === host ? other.entry.ref : `${other.entry.ref} (as ${clash[0]})`);
    }
    return new GroupNames(members, labels);
  });
}

/** CONFLICT-MESH-VS: on each host of a mesh-bound VirtualService that others bind for the same namespaces. */
export const checkMeshHosts: Analyzer = (model, report) => {
  for (const vs of model.virtualServices) {
    if (!isMeshBound(vs)) continue;
    const scopes = exportScopes(vs);
    for (const [host, i] of strings(vs.spec['hosts'])) {
      const rivals = meshHostRivals(model, host, vs.namespace, scopes).except(vs);
      if (rivals.count === 0) continue;
      report(
        vs,
        'CONFLICT-MESH-VS',
        ['spec', 'hosts', i],
        `${rivals.text} also ${rivals.count > 1 ? 'bind' : 'binds'} ${host} to sidecars for some of the same namespaces: sidecars do not merge VirtualServices, so only one of them applies (namespace-local first, then the oldest) and the rules of the others are ignored. Merge them into one VirtualService`,
      );
    }
  }
};
