import type { Bundle, PathSegment, Resource } from '../bundle';
import { isModelled, isServedVersion, networkingKindOf, type NetworkingKind } from './kinds';
import { shareIndexes } from './indexes';
import { DEFAULT_OUTBOUND_MODE, findMeshConfig, outboundModeOf } from './mesh';

/**
 * A networking resource with its spec read out. Entries are shared across bundles that contain the
 * same document text, so `resource` is the object as first seen: its document, pathInDocument and
 * ref are right, but for its offsets in a given bundle use {@link BundleModel.resources}.
 */
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
  /** Every networking resource, in bundle order. */
  entries: ModelEntry[];
  /** The bundle's own resource object for each of `entries` (same index), with current offsets. */
  resources: Resource[];
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
  /** The bundle's Namespace objects. */
  namespaceObjects: Resource[];
  /** Resources of kinds the product does not model: kept as written, listed, left alone. */
  unmodelled: Resource[];
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

// One model per bundle, so the analyzers and the graph share it (and its indexes).
const models = new WeakMap<Bundle, BundleModel>();

/** Groups a bundle's resources by Istio kind and finds the mesh outbound mode. O(resources), once per bundle. */
export function buildModel(bundle: Bundle): BundleModel {
  let model = models.get(bundle);
  if (!model) {
    model = groupResources(bundle);
    models.set(bundle, model);
  }
  return model;
}

function groupResources(bundle: Bundle): BundleModel {
  const model: BundleModel = {
    entries: [],
    resources: [],
    serviceEntries: [],
    destinationRules: [],
    virtualServices: [],
    gateways: [],
    sidecars: [],
    meshMode: DEFAULT_OUTBOUND_MODE,
    meshSource: undefined,
    namespaces: new Set(),
    namespaceObjects: [],
    unmodelled: [],
  };
  const seen = new Set<object>();
  for (const resource of bundle.resources) {
    const kind = networkingKindOf(resource);
    const group = kind && isServedVersion(resource) ? GROUP_OF[kind] : undefined;
    if (group) {
      // A second identical document is a resource of its own (it may conflict with the first).
      const entry = seen.has(resource.value) ? createEntry(resource) : entryOf(resource);
      seen.add(resource.value);
      model[group].push(entry);
      model.entries.push(entry);
      model.resources.push(resource);
      model.namespaces.add(resource.effectiveNamespace);
      continue;
    }
    if (resource.kind === 'Namespace' && resource.group === '') {
      model.namespaceObjects.push(resource);
      if (resource.name) model.namespaces.add(resource.name);
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
    } else if (!mesh && !isModelled(resource)) {
      model.unmodelled.push(resource);
    }
  }
  return model;
}

// Entries by parsed value: a document whose text did not change yields the same entry, so the
// indexes and per-resource caches built on it carry over from one edit to the next.
const entries = new WeakMap<object, ModelEntry>();

function entryOf(resource: Resource): ModelEntry {
  let entry = entries.get(resource.value);
  if (!entry) {
    entry = createEntry(resource);
    entries.set(resource.value, entry);
  }
  return entry;
}

function createEntry(resource: Resource): ModelEntry {
  const spec = resource.value['spec'];
  return {
    resource,
    ref: resource.ref,
    namespace: resource.effectiveNamespace,
    name: resource.name,
    spec:
      typeof spec === 'object' && spec !== null && !Array.isArray(spec)
        ? (spec as Record<string, unknown>)
        : {},
  };
}

/**
 * The model narrowed to one resource: the kind lists hold only `subject`, and lookups still answer
 * from the whole model. Cross-resource analyzers run on it to check that one resource.
 */
export function subjectView(model: BundleModel, subject: ModelEntry): BundleModel {
  const view: BundleModel = {
    entries: [subject],
    resources: [],
    serviceEntries: [],
    destinationRules: [],
    virtualServices: [],
    gateways: [],
    sidecars: [],
    meshMode: model.meshMode,
    // The mesh config is checked once per bundle, not once per resource.
    meshSource: undefined,
    namespaces: model.namespaces,
    namespaceObjects: [],
    unmodelled: [],
  };
  const group = GROUP_OF[subject.resource.kind as NetworkingKind];
  view[group].push(subject);
  shareIndexes(view, model);
  return view;
}
