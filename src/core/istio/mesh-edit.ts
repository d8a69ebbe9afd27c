import {
  appendObject,
  editDocumentText,
  editResource,
  isRecord,
  type Bundle,
  type BundleEditResult,
  type PathSegment,
} from '../bundle';
import { createMeshConfig } from './factories';
import { findMeshConfig, outboundModeOf } from './mesh';

/**
 * Sets the mesh-wide outbound traffic policy where the bundle keeps its mesh config: an
 * IstioOperator's `spec.meshConfig`, Helm values' `meshConfig`, or the YAML text embedded in the
 * istio ConfigMap's `data.mesh` (edited as YAML, so its comments survive). The config that decides
 * the mode today is the one changed; a bundle without mesh config gets an IstioOperator overlay.
 */
export function setOutboundTrafficMode(
  bundle: Bundle,
  mode: 'ALLOW_ANY' | 'REGISTRY_ONLY',
): BundleEditResult | { ok: true; text: string; change?: undefined } {
  const sources = bundle.resources.flatMap((resource) => {
    const mesh = findMeshConfig(resource);
    return mesh ? [{ resource, mesh }] : [];
  });
  // The last config that sets a mode wins (as in the model); otherwise the first config there is.
  const target = sources.findLast((s) => outboundModeOf(s.mesh.config)) ?? sources[0];
  if (!target) return { ok: true, text: appendObject(bundle.text, createMeshConfig(mode)) };
  const { resource, mesh } = target;
  const modePath: PathSegment[] = ['outboundTrafficPolicy', 'mode'];
  if (!mesh.embeddedText) {
    return editResource(bundle, resource.id, { kind: 'set', path: [...mesh.path, ...modePath], value: mode });
  }
  const embedded = valueAt(resource.value, mesh.path);
  const inner = editDocumentText(typeof embedded === 'string' ? embedded : '', {
    kind: 'set',
    path: modePath,
    value: mode,
  });
  if (!inner.ok)
    return { ok: false, error: `The mesh config in ${resource.ref} does not parse: ${inner.error}` };
  return editResource(bundle, resource.id, { kind: 'set', path: mesh.path, value: inner.text });
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let at = value;
  for (const segment of path) at = isRecord(at) ? at[segment as string] : undefined;
  return at;
}
