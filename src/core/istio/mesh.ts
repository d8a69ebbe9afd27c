import { isRecord, readYamlDocument, type PathSegment, type ResourceData } from '../bundle';
import { structure } from './generated/structure';
import { inRelease, type IstioVersion } from './releases';

/**
 * The first release whose istiod implements ALLOW_ANY_DYNAMIC_DNS (istio/istio release-1.31
 * pilot/pkg/networking/core/listener_builder.go); 1.30 has the mode in its API only, and pilot
 * 1.30.3 drops unknown hosts under it as under REGISTRY_ONLY (ISTIO.md §1.8).
 */
export const DYNAMIC_DNS_MODE_WORKS_SINCE: IstioVersion = '1.31';

/** Istio's default when no mesh config sets a mode. */
export const DEFAULT_OUTBOUND_MODE = 'ALLOW_ANY';

/** Where a document carries mesh config, and the config itself. */
export interface MeshConfigSource {
  /** The MeshConfig object. */
  config: Record<string, unknown>;
  /** Path from the resource root to the MeshConfig object (to `data.mesh` for the ConfigMap, whose value is text). */
  path: PathSegment[];
  /** True when the config was read from the text of the `istio` ConfigMap's `data.mesh`. */
  embeddedText: boolean;
  form: 'IstioOperator' | 'ConfigMap' | 'values' | 'MeshConfig';
}

/**
 * Finds mesh config in a resource: an IstioOperator's `spec.meshConfig`, the `istio` ConfigMap's
 * `data.mesh` text, Helm values with a top-level `meshConfig`, or a bare MeshConfig document
 * (no kind; with `outboundTrafficPolicy`, or only MeshConfig fields). Returns undefined for anything else.
 */
export function findMeshConfig(
  resource: Pick<ResourceData, 'group' | 'kind' | 'name' | 'value'>,
): MeshConfigSource | undefined {
  const { value } = resource;
  if (resource.kind === 'IstioOperator' && resource.group === 'install.istio.io') {
    const spec = value['spec'];
    const meshConfig = isRecord(spec) ? spec['meshConfig'] : undefined;
    return isRecord(meshConfig)
      ? { config: meshConfig, path: ['spec', 'meshConfig'], embeddedText: false, form: 'IstioOperator' }
      : undefined;
  }
  if (resource.kind === 'ConfigMap' && resource.group === '' && resource.name === 'istio') {
    const data = value['data'];
    const text = isRecord(data) ? data['mesh'] : undefined;
    if (typeof text !== 'string') return undefined;
    let config: unknown;
    try {
      const doc = readYamlDocument(text);
      config = doc.errors.length > 0 ? undefined : doc.toJS();
    } catch {
      config = undefined;
    }
    return {
      config: isRecord(config) ? config : {},
      path: ['data', 'mesh'],
      embeddedText: true,
      form: 'ConfigMap',
    };
  }
  if (resource.kind === '') {
    if (isRecord(value['meshConfig']))
      return { config: value['meshConfig'], path: ['meshConfig'], embeddedText: false, form: 'values' };
    // A bare MeshConfig (as istioctl analyze --meshConfigFile reads one): its policy, or only MeshConfig fields.
    const keys = Object.keys(value);
    if (
      isRecord(value['outboundTrafficPolicy']) ||
      (keys.length > 0 && keys.every((key) => Object.hasOwn(structure.mesh.fields, key)))
    )
      return { config: value, path: [], embeddedText: false, form: 'MeshConfig' };
  }
  return undefined;
}

/** The outbound mode a mesh config sets, or undefined when it leaves the default. */
export function outboundModeOf(config: Record<string, unknown>): string | undefined {
  const policy = config['outboundTrafficPolicy'];
  const mode = isRecord(policy) ? policy['mode'] : undefined;
  return typeof mode === 'string' ? mode : undefined;
}

/**
 * Whether the mesh's proxies capture DNS and answer with the addresses Istio allocates to
 * ServiceEntries (`defaultConfig.proxyMetadata`: ISTIO_META_DNS_CAPTURE, with
 * ISTIO_META_DNS_AUTO_ALLOCATE or PILOT_ENABLE_IP_AUTOALLOCATE), as istioctl analyze reads it (IST0134).
 */
export function meshAllocatesAddresses(config: Record<string, unknown>): boolean {
  const defaults = config['defaultConfig'];
  const metadata = isRecord(defaults) ? defaults['proxyMetadata'] : undefined;
  if (!isRecord(metadata)) return false;
  const on = (key: string) => String(metadata[key]) === 'true';
  return (
    on('ISTIO_META_DNS_CAPTURE') && (on('ISTIO_META_DNS_AUTO_ALLOCATE') || on('PILOT_ENABLE_IP_AUTOALLOCATE'))
  );
}

/**
 * Whether a mode lets unknown destinations through in the `target` release: ALLOW_ANY always,
 * ALLOW_ANY_DYNAMIC_DNS once istiod implements it (ISTIO.md §4.1).
 */
export function modeAllowsUnknown(mode: string, target: IstioVersion): boolean {
  if (mode === 'ALLOW_ANY_DYNAMIC_DNS') return inRelease({ since: DYNAMIC_DNS_MODE_WORKS_SINCE }, target);
  return mode === 'ALLOW_ANY';
}
