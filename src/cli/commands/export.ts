import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

import { deriveOnce } from '../../core/derivation';
import {
  exportFiles,
  MESH_HELM_COMMAND,
  MESH_HELM_VALUES_PATH,
  MESH_OVERLAY_COMMAND,
  MESH_OVERLAY_PATH,
  separateMeshSettings,
  withNetworkingVersion,
  type ExportApiVersion,
  type ExportFile,
  type MeshSettings,
} from '../../core/export';
import { finish, STATUS_UNREADABLE, UsageError, type Command } from '../command';
import { loadInputs } from '../load';

const API_VERSIONS: readonly string[] = ['v1', 'v1beta1'] satisfies ExportApiVersion[];

/**
 * `export`: the bundle as files for `kubectl apply`. With `--split DIR`, one file per resource
 * under DIR plus a kustomization.yaml (the layout of the app's zip), printing each path written;
 * without it, the bundle as one multi-document YAML on stdout. Mesh-wide settings (IstioOperator,
 * the istio ConfigMap, Helm values) never go in: with `--split` they are written beside the
 * kustomization, outside it, as an istioctl overlay and Helm values; stderr says so and how to
 * apply them. `--api-version` moves networking.istio.io resources to v1 or v1beta1 first. Exit 1
 * if the bundle has errors (written all the same, with a note on stderr), 2 if an input cannot be
 * read (nothing is written) or a file cannot be written, 3 if the engine failed (nothing written).
 */
export const exportCommand: Command = {
  name: 'export',
  usage: [
    'export --split DIR [--api-version V] FILE...',
    'write one file per resource + kustomization.yaml to DIR, mesh-wide settings apart (V: v1|v1beta1)',
  ],
  options: { '--split': undefined, '--api-version': undefined },
  needsFiles: true,
  run({ options, files, readStdin, istioVersion }) {
    const dir = options.get('--split');
    const version = options.get('--api-version');
    if (version !== undefined && !API_VERSIONS.includes(version))
      throw new UsageError(`unknown API version "${version}" (expected v1 or v1beta1)`);
    if (dir === '') throw new UsageError('--split needs a directory');
    return finish(loadInputs(files, readStdin), (loaded) => {
      // Half a design is worse than none: nothing is written when an input could not be read.
      if (loaded.failures.length > 0) return { stdout: '', status: STATUS_UNREADABLE };
      const notes: string[] = [];
      let derivation = deriveOnce(loaded.text, istioVersion, { graph: false });
      if (version !== undefined && !derivation.internalError) {
        const rewrite = withNetworkingVersion(derivation.bundle, version as ExportApiVersion);
        derivation = deriveOnce(rewrite.text, istioVersion, { graph: false });
        for (const ref of rewrite.unchanged)
          notes.push(
            `kept the apiVersion of ${ref}: its kind is not served at networking.istio.io/${version}`,
          );
      }
      // The engine's view of the bundle may be incomplete: nothing is written from it.
      const { bundle, internalError } = derivation;
      if (internalError) return { stdout: '', status: 0, internalError };
      const errors = derivation.diagnostics.filter((d) => d.severity === 'error').length;
      if (errors > 0)
        notes.push(
          `the bundle has ${errors} ${errors === 1 ? 'error' : 'errors'} (the cluster would refuse it); ` +
            `exported anyway: run "egress-studio validate" for details`,
        );
      const status = errors > 0 ? 1 : 0;
      const stderr = (lines: string[]) => lines.map((line) => `egress-studio: ${line}\n`).join('');
      const separated = separateMeshSettings(bundle);
      const { mesh } = separated;
      if (dir === undefined) {
        if (mesh) notes.push(...meshNotes(mesh, undefined));
        return { stdout: separated.bundle.text, status, stderr: stderr(notes) };
      }
      if (mesh) notes.push(...meshNotes(mesh, dir));
      const written = writeFiles(dir, exportFiles(separated));
      return {
        stdout: written.paths.map((path) => `${path}\n`).join(''),
        status: written.failures.length > 0 ? STATUS_UNREADABLE : status,
        stderr: stderr([...notes, ...written.failures]),
      };
    });
  },
};

/** What stderr says about mesh-wide settings left out of the bundle (written to `dir` when split). */
function meshNotes(mesh: MeshSettings, dir: string | undefined): string[] {
  const left = `left the mesh-wide settings of ${mesh.sources.join(', ')} out of the kubectl bundle: they belong to the Istio installation (a partial istio ConfigMap would replace the whole mesh config; kubectl refuses an IstioOperator where its CRD is absent)`;
  if (dir === undefined)
    return [
      left,
      `export with --split DIR for them as an istioctl overlay and Helm values${mesh.setCommand ? `, or run: ${mesh.setCommand} (with the flags you installed Istio with)` : ''}`,
    ];
  // The commands name the files as they stand in DIR.
  const [overlay, values] = [MESH_OVERLAY_PATH, MESH_HELM_VALUES_PATH].map((path) => join(dir, path));
  return [
    left,
    `wrote them apart, outside kustomization.yaml: ${overlay} and ${values}; apply them with ` +
      `"${MESH_OVERLAY_COMMAND.replace(MESH_OVERLAY_PATH, overlay!)}" or ` +
      `"${MESH_HELM_COMMAND.replace(MESH_HELM_VALUES_PATH, values!)}"`,
  ];
}

/** Writes each file under `dir`, creating folders; returns the paths written and what failed. */
function writeFiles(dir: string, files: readonly ExportFile[]): { paths: string[]; failures: string[] } {
  const root = resolve(dir);
  const paths: string[] = [];
  const failures: string[] = [];
  for (const file of files) {
    const path = join(dir, file.path);
    // splitBundle only makes safe relative paths; this keeps a bug there from writing outside DIR.
    if (!resolve(path).startsWith(root + sep)) {
      failures.push(`refused to write ${path}: outside ${dir}`);
      continue;
    }
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text);
      paths.push(path);
    } catch (error) {
      failures.push(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { paths, failures };
}
