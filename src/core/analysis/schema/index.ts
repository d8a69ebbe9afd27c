import { isRecord, knownKind, type PathSegment, type Resource } from '../../bundle';
import { structure } from '../../istio/generated/structure';
import {
  isModelled,
  isNetworkingKind,
  isServedVersion,
  NETWORKING_GROUP,
  NETWORKING_VERSIONS,
  networkingKindOf,
} from '../../istio/kinds';
import { findMeshConfig } from '../../istio/mesh';
import { releaseGap, type IstioVersion } from '../../istio/releases';
import { diagnosticAt } from '../context';
import type { Diagnostic, ReportOptions } from '../types';
import { checkMeshConfig } from './mesh-config';
import { checkMetadata, checkName } from './metadata';
import { walkShape, type SchemaReport } from './walk';

const TOP_LEVEL_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];

/**
 * Checks one resource against the schema layer of the `target` release's API server: apiVersion
 * and kind, object metadata, and for the Istio networking kinds every spec field against that
 * release's CRD structure. Mesh config (IstioOperator, the `istio` ConfigMap, values) is checked
 * as well. Kinds the product does not model get the basic object shape only: apiVersion, kind and
 * a name. Findings are document-relative.
 */
export function checkSchema(resource: Resource, sink: Diagnostic[], target: IstioVersion): void {
  const report: SchemaReport = (code, path, message, options?: ReportOptions) =>
    sink.push(diagnosticAt(resource, code, path, message, options));
  const mesh = findMeshConfig(resource);
  if (resource.kind === '' && mesh) return checkMeshConfig(mesh, report, target);
  if (!checkTypeMeta(resource, report, target)) return;
  if (!isModelled(resource)) {
    checkName(resource.value['metadata'], report);
    return;
  }
  checkMetadata(resource.value['metadata'], report);
  if (mesh) checkMeshConfig(mesh, report, target);
  const kind = networkingKindOf(resource);
  if (!kind) return;
  for (const key of Object.keys(resource.value)) {
    if (!TOP_LEVEL_FIELDS.includes(key)) {
      report('SCHEMA-UNKNOWN-FIELD', [key], `unknown field "${key}"`, { target: 'key' });
    }
  }
  const spec = resource.value['spec'];
  if (spec === undefined || spec === null) return;
  const walk = { kind, target, report };
  walkShape(walk, structure.kinds[kind]!.root, spec, { path: ['spec'], specPath: '' });
}

function checkTypeMeta(resource: Resource, report: SchemaReport, target: IstioVersion): boolean {
  const { value } = resource;
  const missing: PathSegment[] = [];
  if (typeof value['apiVersion'] !== 'string' || value['apiVersion'] === '') missing.push('apiVersion');
  if (typeof value['kind'] !== 'string' || value['kind'] === '') missing.push('kind');
  if (missing.length > 0) {
    report('SCHEMA-KIND', [], `${missing.join(' and ')} not set: every object needs apiVersion and kind`);
    return false;
  }
  // A known kind at a version its group does not serve, or an Istio kind named without its group.
  const known = knownKind(resource.group, resource.kind);
  const istioWithoutGroup = !known && resource.group === '' && isNetworkingKind(resource.kind);
  if ((known && !isServedVersion(resource)) || istioWithoutGroup) {
    const group = known?.group ?? NETWORKING_GROUP;
    const versions = known?.versions ?? NETWORKING_VERSIONS;
    const served = versions.map((v) => `${group}/${v}`).join(', ');
    report(
      'SCHEMA-KIND',
      ['apiVersion'],
      `no matches for kind "${resource.kind}" in version "${resource.apiVersion}" (served: ${served})`,
    );
  } else if (isNetworkingKind(resource.kind)) {
    const version = resource.apiVersion.slice(NETWORKING_GROUP.length + 1);
    const gap = releaseGap(structure.kinds[resource.kind]!.served[version], target);
    if (gap)
      report(
        'SCHEMA-RELEASE',
        ['apiVersion'],
        `apiVersion ${resource.apiVersion} of ${resource.kind}: ${gap}`,
      );
  }
  return isRecord(value);
}
