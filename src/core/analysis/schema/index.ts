import { isRecord, type PathSegment, type Resource } from '../../bundle';
import { structure } from '../../istio/generated/structure';
import { isNetworkingApiVersion, isNetworkingKind, NETWORKING_VERSIONS } from '../../istio/kinds';
import { findMeshConfig } from '../../istio/mesh';
import { diagnosticAt } from '../context';
import type { Diagnostic, ReportOptions } from '../types';
import { checkMeshConfig } from './mesh-config';
import { checkMetadata } from './metadata';
import { walkShape, type SchemaReport } from './walk';

const TOP_LEVEL_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];

/**
 * Checks one resource against the Kubernetes API server's schema layer: apiVersion and kind,
 * object metadata, and for the Istio networking kinds every spec field against the CRD
 * structure. Mesh config (IstioOperator, the `istio` ConfigMap, values) is checked as well.
 * Findings are document-relative.
 */
export function checkSchema(resource: Resource, sink: Diagnostic[]): void {
  const report: SchemaReport = (code, path, message, options?: ReportOptions) =>
    sink.push(diagnosticAt(resource, code, path, message, options));
  const mesh = findMeshConfig(resource);
  if (resource.kind === '' && mesh) return checkMeshConfig(mesh, report);
  if (!checkTypeMeta(resource, report)) return;
  checkMetadata(resource.value['metadata'], report);
  if (mesh) checkMeshConfig(mesh, report);
  if (!isNetworkingKind(resource.kind)) return;
  for (const key of Object.keys(resource.value)) {
    if (!TOP_LEVEL_FIELDS.includes(key)) {
      report('SCHEMA-UNKNOWN-FIELD', [key], `unknown field "${key}"`, { target: 'key' });
    }
  }
  const spec = resource.value['spec'];
  if (spec === undefined || spec === null) return;
  walkShape(resource.kind, structure.roots[resource.kind]!, spec, { path: ['spec'], specPath: '' }, report);
}

function checkTypeMeta(resource: Resource, report: SchemaReport): boolean {
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
  }
  return isRecord(value);
}
