import { isRecord, parseBundle, removeResource, type Bundle, type Resource } from '../bundle';
import { renderYaml } from '../bundle/render';
import { findMeshConfig } from '../istio/mesh';
import type { ExportFile } from './files';
import { shellQuote } from './kubectl';
import { splitBundle } from './split';

// The files of the mesh-wide settings, one per way an installation takes them. They sit at the
// root of a split export, beside kustomization.yaml and never listed in it; every other file of a
// split export sits in a folder, so these names are always free.
/** The IstioOperator overlay, for `istioctl install -f`. */
export const MESH_OVERLAY_PATH = 'mesh-config.istioctl.yaml';
/** The Helm values of the istiod chart. */
export const MESH_HELM_VALUES_PATH = 'mesh-config.helm-values.yaml';
/** What the two files are and how to apply them. */
export const MESH_README_PATH = 'mesh-config.README.md';

/**
 * The design's mesh-wide settings, in the forms an Istio installation takes them. They are never
 * part of the `kubectl apply` bundle: the `istio` ConfigMap belongs to the installer (a partial one
 * applied by kubectl replaces the whole live mesh config, and the installer overwrites it on the
 * next upgrade), and an IstioOperator is read by `istioctl install`, not by the cluster (kubectl
 * refuses it wherever its CRD is absent).
 */
export interface MeshSettings {
  /** The design's resources the settings come from (`Kind/namespace/name`), left out of the bundle. */
  sources: string[];
  /** The mesh config they set, merged in bundle order (a later setting wins, as in the model). */
  meshConfig: Record<string, unknown>;
  /** An IstioOperator overlay for `istioctl install -f` (the design's IstioOperator spec, if any, with the mesh config). */
  istioOperator: string;
  /** Helm values for the istiod chart (`meshConfig: ...`). */
  helmValues: string;
  /**
   * `istioctl install --set ...` with one flag per setting; undefined when a setting cannot be
   * written as a flag (a list, a key with a dot) or the overlay holds more than mesh config.
   */
  setCommand: string | undefined;
  /** Why the settings are apart and how to apply them, in plain words (for the dialog and the CLI). */
  explanation: string;
  /** The files of a split export: the overlay, the Helm values and a README. */
  files: ExportFile[];
}

/** A design for export: what `kubectl apply` may take, and the mesh-wide settings apart. */
export interface SeparatedExport {
  /** The bundle without the documents that hold mesh-wide settings (every other byte as written). */
  bundle: Bundle;
  /** The mesh-wide settings, or undefined when the design holds none. */
  mesh: MeshSettings | undefined;
}

/** The command that applies the overlay: with the user's own install options, or Istio resets the rest. */
export const MESH_OVERLAY_COMMAND = `istioctl install <flags-you-used-to-install-Istio> -f ${MESH_OVERLAY_PATH}`;
/** The command that applies the Helm values on top of those the release already has. */
export const MESH_HELM_COMMAND = `helm upgrade istiod istio/istiod -n istio-system --reuse-values -f ${MESH_HELM_VALUES_PATH}`;

/**
 * Takes the mesh-wide settings out of a bundle for export: every IstioOperator, the `istio`
 * ConfigMap, Helm values and bare MeshConfig documents (whatever `findMeshConfig` reads) leave the
 * bundle, and come back as an IstioOperator overlay, Helm values and an `istioctl --set` command.
 */
export function separateMeshSettings(bundle: Bundle): SeparatedExport {
  const sources = bundle.resources.filter(isInstallSetting);
  if (sources.length === 0) return { bundle, mesh: undefined };
  let spec: Record<string, unknown> = {};
  let meshConfig: Record<string, unknown> = {};
  for (const resource of sources) {
    if (isIstioOperator(resource) && isRecord(resource.value['spec']))
      spec = merge(spec, resource.value['spec']);
    const found = findMeshConfig(resource);
    if (found) meshConfig = merge(meshConfig, found.config);
  }
  let rest = bundle;
  for (const id of sources.map((r) => r.id).reverse()) {
    const removed = removeResource(rest, id);
    if (removed.ok) rest = parseBundle(removed.text);
  }
  const overlay = { ...spec, meshConfig };
  const onlyMesh = Object.keys(overlay).length === 1;
  const refs = sources.map((r) => r.ref);
  const istioOperator = `${renderYaml(
    { apiVersion: 'install.istio.io/v1alpha1', kind: 'IstioOperator', spec: overlay },
    LAYOUT,
  )}\n`;
  const helmValues = `${renderYaml({ meshConfig }, LAYOUT)}\n`;
  const setCommand = onlyMesh ? istioctlSetCommand(meshConfig) : undefined;
  const explanation = explain(refs);
  return {
    bundle: rest,
    mesh: {
      sources: refs,
      meshConfig,
      istioOperator,
      helmValues,
      setCommand,
      explanation,
      files: [
        { path: MESH_OVERLAY_PATH, text: `${OVERLAY_HEADER}${istioOperator}` },
        { path: MESH_HELM_VALUES_PATH, text: `${HELM_HEADER}${helmValues}` },
        { path: MESH_README_PATH, text: readme(explanation, setCommand) },
      ],
    },
  };
}

const LAYOUT = { indent: 2, indentSequences: true };

const OVERLAY_HEADER =
  '# Mesh-wide settings of the design, for istioctl (not kubectl): pass this file after the flags\n' +
  `# you installed Istio with: ${MESH_OVERLAY_COMMAND}\n`;

const HELM_HEADER =
  '# Mesh-wide settings of the design, as values of the istiod Helm chart (not for kubectl):\n' +
  `# ${MESH_HELM_COMMAND}\n`;

/** Whether a resource is install-time configuration rather than something the cluster serves. */
function isInstallSetting(resource: Resource): boolean {
  return isIstioOperator(resource) || findMeshConfig(resource) !== undefined;
}

function isIstioOperator(resource: Resource): boolean {
  return resource.kind === 'IstioOperator' && resource.group === 'install.istio.io';
}

/** `later` laid over `earlier`: maps merge key by key, anything else is replaced. */
function merge(earlier: Record<string, unknown>, later: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    const before = Object.hasOwn(merged, key) ? merged[key] : undefined;
    const next = isRecord(before) && isRecord(value) ? merge(before, value) : value;
    // Defined, not assigned: a key named `__proto__` stays a key.
    Object.defineProperty(merged, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return merged;
}

/** `istioctl install --set meshConfig.a.b=v ...`, or undefined when a setting is not a plain leaf. */
function istioctlSetCommand(meshConfig: Record<string, unknown>): string | undefined {
  const flags: string[] = [];
  const walk = (value: unknown, path: string): boolean => {
    if (isRecord(value)) {
      const keys = Object.keys(value);
      if (keys.length === 0) return false;
      return keys.every((key) => /^[A-Za-z0-9_-]+$/.test(key) && walk(value[key], `${path}.${key}`));
    }
    if (typeof value === 'string' && /[,=[\]]/.test(value)) return false;
    if (value === null || typeof value === 'object') return false;
    flags.push(`--set ${shellQuote(`${path}=${String(value)}`)}`);
    return true;
  };
  if (!walk(meshConfig, 'meshConfig')) return undefined;
  return `istioctl install ${flags.join(' ')}`;
}

function explain(refs: readonly string[]): string {
  return [
    `The mesh-wide settings (from ${refs.join(', ')}) are not in the kubectl bundle: they belong to your Istio installation.`,
    'Applied with kubectl, an istio ConfigMap would replace the whole live mesh config, and an IstioOperator is refused',
    'wherever its CRD is absent. Apply them the way you installed Istio, together with the options you installed it',
    'with: the IstioOperator overlay with istioctl, or the values with Helm.',
  ].join(' ');
}

function readme(explanation: string, setCommand: string | undefined): string {
  return [
    '# Mesh-wide settings',
    '',
    explanation,
    '',
    '- istioctl: `' + MESH_OVERLAY_COMMAND + '`',
    '- Helm: `' + MESH_HELM_COMMAND + '`',
    ...(setCommand
      ? ['- istioctl, as one command: `' + setCommand + '` (add the flags you installed with)']
      : []),
    '',
    'The mesh-config files are not listed in kustomization.yaml: `kubectl apply -k .` leaves them alone.',
    '',
  ].join('\n');
}

/**
 * A design as the files of a split export: one file per resource and the kustomization (see
 * `splitBundle`), with the mesh-wide settings beside them and outside the kustomization.
 */
export function exportFiles(separated: SeparatedExport): ExportFile[] {
  return [...splitBundle(separated.bundle), ...(separated.mesh?.files ?? [])];
}
