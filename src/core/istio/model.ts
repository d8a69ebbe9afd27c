import { resourceRef, type Bundle, type PathSegment, type Resource } from '../bundle';
import { isNetworkingApiVersion, type NetworkingKind } from './kinds';
import { DEFAULT_OUTBOUND_MODE, findMeshConfig, outboundModeOf } from './mesh';

/** A networking resource with its spec read out. */
export interface ModelEntry {
  resource: Resource;
  /** `Kind/namespace/name`. */
  ref: string;
  namespace: string;
  name: string;
  spec: Record<string, unknown>;
}

/** Where the mesh's outbound mode comes from, when the bundle sets it. */
export interface MeshPolicySource {
  resource: Resource;
  /** Path to the mode field (or to `data.mesh` for the ConfigMap form). */
  path: PathSegment[];
}

/** The Istio side of a bundle, grouped by kind, for cross-resource analysis and the graph. */
export interface BundleModel {
  serviceEntries: ModelEntry[];
  destinationRules: ModelEntry[];
  virtualServices: ModelEntry[];
  gateways: ModelEntry[];
  sidecars: ModelEntry[];
  /** The effective mesh outbound mode: set by the bundle, or Istio's default ALLOW_ANY. */
  meshMode: string;
  /** The document that sets the mode, if any. */
  meshSource: MeshPolicySource | undefined;
  /** Every namespace mentioned: Namespace objects and the namespaces resources live in. */
  namespaces: Set<string>;
  /** Resources the designer does not model (kept, listed, not analysed). */
  others: Resource[];
}

const GROUP_OF: Record<
  NetworkingKind,
  keyof Pick<BundleModel, 'serviceEntries' | 'destinationRules' | 'virtualServices' | 'gateways' | 'sidecars'>
> = {
  ServiceEntry: 'serviceEntries',
  DestinationRule: 'destinationRules',
  VirtualService: 'virtualServices',
  Gateway: 'gateways',
  Sidecar: 'sidecars',
};

/** Groups a bundle's resources by Istio kind and finds the mesh outbound mode. O(resources). */
export function buildModel(bundle: Bundle): BundleModel {
  const model: BundleModel = {
    serviceEntries: [],
    destinationRules: [],
    virtualServices: [],
    gateways: [],
    sidecars: [],
    meshMode: DEFAULT_OUTBOUND_MODE,
    meshSource: undefined,
    namespaces: new Set(),
    others: [],
  };
  for (const resource of bundle.resources) {
    const group = GROUP_OF[resource.kind as NetworkingKind];
    if (resource.kind === 'Namespace' && resource.name) model.namespaces.add(resource.name);
    if (group && isNetworkingApiVersion(resource.apiVersion)) {
      const spec = resource.value['spec'];
      model[group].push({
        resource,
        ref: resourceRef(resource),
        namespace: resource.effectiveNamespace,
        name: resource.name,
        spec:
          typeof spec === 'object' && spec !== null && !Array.isArray(spec)
            ? (spec as Record<string, unknown>)
            : {},
      });
      model.namespaces.add(resource.effectiveNamespace);
      continue;
    }
    const mesh = findMeshConfig(resource);
    const mode = mesh ? outboundModeOf(mesh.config) : undefined;
    if (mesh && mode) {
      model.meshMode = mode;
      model.meshSource = {
        resource,
        path: mesh.embeddedText ? mesh.path : [...mesh.path, 'outboundTrafficPolicy', 'mode'],
      };
      continue;
    }
    if (!mesh) model.others.push(resource);
  }
  return model;
}
