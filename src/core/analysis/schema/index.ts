import { isRecord, type PathSegment, type Resource } from '../../bundle';
import { structure } from '../../istio/generated/structure';
import {
  isNetworkingApiVersion,
  isNetworkingKind,
  NETWORKING_GROUP,
  NETWORKING_VERSIONS,
} from '../../istio/kinds';
import { findMeshConfig } from '../../istio/mesh';
import { releaseGap, type IstioVersion } from '../../istio/releases';
import { diagnosticAt } from '../context';
import type { Diagnostic, ReportOptions } from '../types';
import { checkMeshConfig } from './mesh-config';
import { checkMetadata } from './metadata';
import { walkShape, type SchemaReport } from './walk';

const TOP_LEVEL_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];

/**
 * Checks one resource against the schema layer of the `target` release's API server: apiVersion
 * and kind, object metadata, and for the Istio networking kinds every spec field against that
 * release's CRD structure. Mesh config (IstioOperator, the `istio` ConfigMap, values) is checked
 * as well. Findings are document-relative.
 */
export function checkSchema(resource: Resource, sink: Diagnostic[], target: IstioVersion): void {
  const report: SchemaReport = (code, path, message, options?: ReportOptions) =>
    sink.push(diagnosticAt(resource, code, path, message, options));
  const mesh = findMeshConfig(resource);
  if (resource.kind === '' && mesh) return checkMeshConfig(mesh, report, target);
  if (!checkTypeMeta(resource, report, target)) return;
  checkMetadata(resource.value['metadata'], report);
  if (mesh) checkMeshConfig(mesh, report, target);
  if (!isNetworkingKind(resource.kind)) return;
  for (const key of Object.keys(resource.value)) {
    if (!TOP_LEVEL_FIELDS.includes(key)) {
      report('SCHEMA-UNKNOWN-FIELD', [key], `unknown field "${key}"`, { target: 'key' });
    }
  }
  const spec = resource.value['spec'];
  if (spec === undefined || spec === null) return;
  const walk = { kind: resource.kind, target, report };
  walkShape(walk, structure.kinds[resource.kind]!.root, spec, { path: ['spec'], specPath: '' });
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
  if (isNetworkingKind(resource.kind) && !isNetworkingApiVersion(resource.apiVersion)) {
    const served = NETWORKING_VERSIONS.map((v) => `networking.istio.io/${v}`).join(', ');
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
