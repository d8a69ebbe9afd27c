import type { Bundle, PathSegment, Resource } from '../bundle';
import {
  isGatewayApiGateway,
  isModelled,
  isServedVersion,
  networkingKindOf,
  type NetworkingKind,
} from './kinds';
import { shareIndexes } from './indexes';
import { kubeListOf, type KubeList } from './kube';
import { DEFAULT_OUTBOUND_MODE, findMeshConfig, meshAllocatesAddresses, outboundModeOf } from './mesh';

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
  /** Every resource the model reads (Istio networking and Kubernetes objects), in bundle order. */
  entries: ModelEntry[];
  /** The bundle's own resource object for each of `entries` (same index), with current offsets. */
  resources: Resource[];
  serviceEntries: ModelEntry[];
  destinationRules: ModelEntry[];
  virtualServices: ModelEntry[];
  gateways: ModelEntry[];
  sidecars: ModelEntry[];
  /** Pods and the controllers that run them (Deployment, StatefulSet, …), when the bundle holds them. */
  workloads: ModelEntry[];
  /** Kubernetes Services. */
  services: ModelEntry[];
  /** Kubernetes Secrets (credentials that gateways and DestinationRules name). */
  secrets: ModelEntry[];
  /** Namespace objects (their labels say how the namespace joins the mesh). */
  namespaceObjects: ModelEntry[];
  /** Kubernetes Gateway API Gateways: not modelled (they stay in `unmodelled` too), only known to exist. */
  gatewayApiGateways: ModelEntry[];
  /** Nodes (their topology labels are part of the labels of the pods they run). */
  nodes: ModelEntry[];
  /** The effective mesh outbound mode: set by the bundle, or Istio's default ALLOW_ANY. */
  meshMode: string;
  /** The document that sets the mode, if any. */
  meshSource: MeshPolicySource | undefined;
  /** Every document that carries mesh config (a change to one re-derives everything). */
  meshDocuments: Resource[];
  /** Whether the mesh config makes proxies use the addresses Istio allocates (see `meshAllocatesAddresses`). */
  meshAllocatesAddresses: boolean;
  /** Every namespace mentioned: Namespace objects and the namespaces Istio resources live in. */
  namespaces: Set<string>;
  /**
   * Resources of kinds the product does not model: kept as written, listed, left alone by the
   * schema and admission rules (the Kubernetes objects above are read by analyzers all the same).
   */
  unmodelled: Resource[];
}

type EntryList = keyof Pick<
  BundleModel,
  | 'serviceEntries'
  | 'destinationRules'
  | 'virtualServices'
  | 'gateways'
  | 'sidecars'
  | 'gatewayApiGateways'
  | KubeList
>;

const GROUP_OF: Record<NetworkingKind, EntryList> = {
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

/** Every per-kind list of a model, empty. */
function emptyLists(): Record<EntryList, ModelEntry[]> {
  return {
    serviceEntries: [],
    destinationRules: [],
    virtualServices: [],
    gateways: [],
    sidecars: [],
    workloads: [],
    services: [],
    secrets: [],
    namespaceObjects: [],
    gatewayApiGateways: [],
    nodes: [],
  };
}

function groupResources(bundle: Bundle): BundleModel {
  const model: BundleModel = {
    entries: [],
    resources: [],
    ...emptyLists(),
    meshMode: DEFAULT_OUTBOUND_MODE,
    meshSource: undefined,
    meshDocuments: [],
    meshAllocatesAddresses: false,
    namespaces: new Set(),
    unmodelled: [],
  };
  const seen = new Set<object>();
  for (const resource of bundle.resources) {
    const group = listOf(resource);
    if (resource.kind === 'Namespace' && resource.group === '' && resource.name)
      model.namespaces.add(resource.name);
    if (group) {
      // A second identical document is a resource of its own (it may conflict with the first).
      const entry = seen.has(resource.value) ? createEntry(resource) : entryOf(resource);
      seen.add(resource.value);
      model[group].push(entry);
      model.entries.push(entry);
      model.resources.push(resource);
      if (!isModelled(resource)) model.unmodelled.push(resource);
      else if (!kubeListOf(resource.group, resource.kind)) model.namespaces.add(resource.effectiveNamespace);
      continue;
    }
    const mesh = findMeshConfig(resource);
    if (mesh) {
      model.meshDocuments.push(resource);
      if (meshAllocatesAddresses(mesh.config)) model.meshAllocatesAddresses = true;
    }
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

/**
 * The model list a resource goes to: an Istio networking kind, a Gateway API Gateway (only known
 * to exist), or a Kubernetes object the model reads; undefined for resources the model does not hold.
 */
function listOf(resource: Pick<Resource, 'apiVersion' | 'group' | 'kind'>): EntryList | undefined {
  if (isGatewayApiGateway(resource)) return 'gatewayApiGateways';
  const kind = networkingKindOf(resource);
  if (kind) return isServedVersion(resource) ? GROUP_OF[kind] : undefined;
  return kubeListOf(resource.group, resource.kind);
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
    // A Namespace object is cluster-scoped; its own name is the namespace it stands for.
    namespace: resource.kind === 'Namespace' ? resource.name : resource.effectiveNamespace,
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
    ...emptyLists(),
    meshMode: model.meshMode,
    // The mesh config is checked once per bundle, not once per resource.
    meshSource: undefined,
    meshDocuments: [],
    meshAllocatesAddresses: model.meshAllocatesAddresses,
    namespaces: model.namespaces,
    unmodelled: [],
  };
  const group = listOf(subject.resource);
  if (group) view[group].push(subject);
  shareIndexes(view, model);
  return view;
}
