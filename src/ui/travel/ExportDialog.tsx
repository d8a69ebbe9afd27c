import { useId, useMemo, useState } from 'react';

import { parseBundle } from '../../core';
// From the export folder itself, so its code loads with this dialog and not before the first graph.
import {
  applyCommand,
  exportFiles,
  graphToMermaid,
  graphToSvg,
  separateMeshSettings,
  withNetworkingVersion,
  zipFiles,
} from '../../core/export';
import { useStudio, useView } from '../../store';
import { Modal } from '../shared/Modal';
import { copyText, download } from '../shared/download';
import { isDark } from '../shared/theme';
import { ExportCommand as Command } from './ExportCommand';
import { MeshSettingsExport } from './MeshSettingsExport';
import { svgToPng } from './png';

const BUNDLE_FILE = 'egress-bundle.yaml';
const ZIP_FILE = 'egress-bundle.zip';
const ZIP_DIR = 'egress-bundle';

type Version = 'as-written' | 'v1' | 'v1beta1';

/**
 * Export: the bundle as one YAML file, as a zip with one file per resource and a
 * kustomization.yaml, or on the clipboard, with the kubectl command that applies it; the design's
 * mesh-wide settings apart from all three, in the forms an installation takes them; the graph as
 * SVG, PNG and a Mermaid flowchart. Optionally with the Istio API version rewritten.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const view = useView();
  const text = useStudio((s) => s.text);
  const positions = useStudio((s) => s.positions);
  // As the user chose to draw it; left to right, the way a document reads, when the app picks.
  const direction = useStudio((s) => s.direction) ?? 'LR';
  const id = useId();
  const [version, setVersion] = useState<Version>('as-written');
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const exported = useMemo(
    () =>
      version === 'as-written' ? { text, unchanged: [] as string[] } : withNetworkingVersion(text, version),
    [text, version],
  );
  // What kubectl may apply, and the mesh-wide settings that must go through the installation.
  const separated = useMemo(() => separateMeshSettings(parseBundle(exported.text)), [exported.text]);
  const bundleText = separated.bundle.text;
  const errors = view.current.diagnostics.filter((d) => d.severity === 'error').length;
  const graph = view.lastGood.graph;
  // Positions the user gave; the SVG lays out the others in the same direction.
  const nodePositions = positions;

  const copy = async (what: string, value: string) =>
    setCopied(
      (await copyText(value))
        ? `${what} copied to the clipboard.`
        : `The browser refused the clipboard: select and copy it by hand.`,
    );
  const fileCommand = applyCommand({ kind: 'file', fileName: BUNDLE_FILE });
  const zipCommand = `unzip ${ZIP_FILE} -d ${ZIP_DIR} && ${applyCommand({ kind: 'kustomize', dir: ZIP_DIR })}`;
  const dark = isDark();

  return (
    <Modal title="Export" onClose={onClose} className="modal-wide">
      {/* A large design is checked off the main thread: until that lands, its errors are not known. */}
      {view.pending ? (
        <p className="export-warning">
          The design is still being checked: whether the cluster would refuse it is not known yet.
        </p>
      ) : (
        errors > 0 && (
          <p className="export-warning">
            The bundle has {errors} {errors === 1 ? 'error' : 'errors'}: the cluster would refuse it as it is.
          </p>
        )
      )}
      <div className="field">
        <label htmlFor={`${id}-version`}>Istio API version</label>
        <select id={`${id}-version`} value={version} onChange={(e) => setVersion(e.target.value as Version)}>
          <option value="as-written">As written</option>
          <option value="v1">networking.istio.io/v1</option>
          <option value="v1beta1">networking.istio.io/v1beta1</option>
        </select>
      </div>
      {exported.unchanged.length > 0 && (
        <p className="muted">
          Left as written (no such kind in {version}): {exported.unchanged.join(', ')}
        </p>
      )}
      <section aria-labelledby={`${id}-yaml`} className="export-section">
        <h3 id={`${id}-yaml`}>YAML for kubectl or GitOps</h3>
        <div className="palette-actions">
          <button type="button" onClick={() => download(BUNDLE_FILE, bundleText, 'application/yaml')}>
            Download {BUNDLE_FILE}
          </button>
          <button
            type="button"
            onClick={() => download(ZIP_FILE, zipFiles(exportFiles(separated)), 'application/zip')}
          >
            Download {ZIP_FILE}
          </button>
          <button type="button" onClick={() => void copy('The YAML is', bundleText)}>
            Copy YAML
          </button>
        </div>
        <Command label="Apply the file" command={fileCommand} onCopy={copy} />
        <Command
          label="Apply the zip (one file per resource, with a kustomization.yaml)"
          command={zipCommand}
          onCopy={copy}
        />
      </section>
      {separated.mesh && <MeshSettingsExport mesh={separated.mesh} headingId={`${id}-mesh`} onCopy={copy} />}
      <section aria-labelledby={`${id}-graph`} className="export-section">
        <h3 id={`${id}-graph`}>The graph</h3>
        <div className="palette-actions">
          <button
            type="button"
            onClick={() =>
              download(
                'egress-graph.svg',
                graphToSvg(graph, nodePositions, { theme: dark ? 'dark' : 'light', direction }),
                'image/svg+xml',
              )
            }
          >
            Download SVG
          </button>
          <button
            type="button"
            onClick={() =>
              void svgToPng(
                graphToSvg(graph, nodePositions, { theme: dark ? 'dark' : 'light', direction }),
              ).then((png) => download('egress-graph.png', png, 'image/png'))
            }
          >
            Download PNG
          </button>
          <button
            type="button"
            onClick={() => download('egress-graph.mmd', graphToMermaid(graph), 'text/plain')}
          >
            Download Mermaid
          </button>
          <button type="button" onClick={() => void copy('The Mermaid flowchart is', graphToMermaid(graph))}>
            Copy Mermaid
          </button>
        </div>
      </section>
      <p role="status" className="muted">
        {copied}
      </p>
    </Modal>
  );
}
