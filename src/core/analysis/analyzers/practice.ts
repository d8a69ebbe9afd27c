/**
 * Best-practice advice (info): timeouts, ownership, the mesh outbound mode and E3's DNS advice;
 * and a mesh outbound mode the target release's istiod does not act on (a warning).
 */
import { structure } from '../../istio/generated/structure';
import { DYNAMIC_DNS_MODE_WORKS_SINCE, modeAllowsUnknown } from '../../istio/mesh';
import { inRelease } from '../../istio/releases';
import { isWildcardHost, protocolFamily } from '../../istio/values';
import { has, record, records, str, strings } from '../../istio/read';
import type { Analyzer, MeshAnalyzer } from '.';
import { isClusterLocalHost, rulesOf, serviceEntriesForHost } from '../../istio/visibility';

const checkTimeouts: Analyzer = (model, report) => {
  for (const vs of model.virtualServices) {
    for (const rule of rulesOf(vs)) {
      if (rule.kind !== 'http' || !rule.gateways.has('mesh') || has(rule.rule, 'timeout')) continue;
      const external = rule.destinations.find(
        (d) =>
          !d.mirror &&
          !isClusterLocalHost(d.host) &&
          serviceEntriesForHost(model, d.host, vs.namespace).length > 0,
      );
      if (!external) continue;
      report(
        vs,
        'BP-NO-TIMEOUT',
        [...rule.path, 'route'],
        `no timeout on this call to ${external.host}: Istio sets none by default, so a slow server holds the caller; add e.g. timeout: 10s`,
        { target: 'key' },
      );
    }
  }
};

/** `owner`, `team`, or a prefixed `…/owner` / `…/team` annotation. */
function isOwnerKey(key: string): boolean {
  const name = key.slice(key.lastIndexOf('/') + 1).toLowerCase();
  return name === 'owner' || name === 'team';
}

const checkOwners: Analyzer = (model, report) => {
  for (const se of model.serviceEntries) {
    const annotations = record(record(se.resource.value['metadata'])?.['annotations']) ?? {};
    if (Object.keys(annotations).some(isOwnerKey)) continue;
    report(
      se,
      'BP-NO-OWNER',
      ['metadata', 'name'],
      `ServiceEntry ${se.name} has no owner or team annotation: say who is accountable for this opening`,
    );
  }
};

const checkAllowAny: MeshAnalyzer = (model, report) => {
  if (!model.meshSource || model.meshMode !== 'ALLOW_ANY') return;
  report(
    model.meshSource.resource,
    'BP-ALLOW-ANY',
    model.meshSource.path,
    'outboundTrafficPolicy ALLOW_ANY lets workloads reach any host through PassthroughCluster, without routing, policy or TLS control; consider REGISTRY_ONLY',
  );
};

const checkNoneResolution: Analyzer = (model, report) => {
  for (const se of model.serviceEntries) {
    const { spec } = se;
    if ((str(spec['resolution'])?.toUpperCase() ?? 'NONE') !== 'NONE') continue;
    if (record(spec['workloadSelector']) || str(spec['location'])?.toUpperCase() === 'MESH_INTERNAL')
      continue;
    if (!records(spec['ports']).some(([p]) => protocolFamily(str(p['protocol'])) === 'http')) continue;
    const concrete = strings(spec['hosts']).find(([h]) => !isWildcardHost(h) && !isClusterLocalHost(h));
    if (!concrete) continue;
    report(
      se,
      'BP-DNS-NOT-NONE',
      has(spec, 'resolution') ? ['spec', 'resolution'] : ['spec', 'hosts', concrete[1]],
      `HTTP to ${concrete[0]} with resolution NONE goes to whatever IP the client chose, trusting its Host header; resolution DNS makes Envoy resolve ${concrete[0]} itself`,
    );
  }
};

/** Info-level advice from the seed document, per resource. */
export const practiceAnalyzers: Analyzer[] = [checkTimeouts, checkOwners, checkNoneResolution];

/** A mode the target release has in its API but whose istiod does not act on it (ISTIO.md §1.8). */
const checkModeImplemented: MeshAnalyzer = (model, report, target) => {
  const mode = model.meshMode;
  // Before the API has the mode, the schema check refuses it (SCHEMA-RELEASE).
  if (!model.meshSource || mode !== 'ALLOW_ANY_DYNAMIC_DNS' || !inRelease(structure.mesh.modes[mode], target))
    return;
  if (modeAllowsUnknown(mode, target)) return;
  report(
    model.meshSource.resource,
    'MODE-NOT-IMPLEMENTED',
    model.meshSource.path,
    `istiod ${target} does not implement ${mode}: sidecars drop traffic to hosts no ServiceEntry registers, as under REGISTRY_ONLY (it works from Istio ${DYNAMIC_DNS_MODE_WORKS_SINCE})`,
  );
};

/** Advice on the mesh config itself, checked once per bundle. */
export const meshAnalyzers: MeshAnalyzer[] = [checkAllowAny, checkModeImplemented];
