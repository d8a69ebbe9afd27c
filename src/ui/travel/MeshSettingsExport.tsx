import {
  MESH_HELM_COMMAND,
  MESH_HELM_VALUES_PATH,
  MESH_OVERLAY_COMMAND,
  MESH_OVERLAY_PATH,
  type MeshSettings,
} from '../../core/export';
import { download } from '../shared/download';
import { ExportCommand } from './ExportCommand';

/**
 * The design's mesh-wide settings, apart from the kubectl bundle: why they are not in it, and the
 * forms an Istio installation takes them in (an istioctl overlay, Helm values, one command).
 */
export function MeshSettingsExport({
  mesh,
  headingId,
  onCopy,
}: {
  mesh: MeshSettings;
  headingId: string;
  onCopy: (what: string, value: string) => Promise<void>;
}) {
  return (
    <section aria-labelledby={headingId} className="export-section">
      <h3 id={headingId}>Mesh-wide settings, for your Istio installation</h3>
      <p className="export-caution">{mesh.explanation}</p>
      <div className="palette-actions">
        <button
          type="button"
          onClick={() => download(MESH_OVERLAY_PATH, mesh.istioOperator, 'application/yaml')}
        >
          Download {MESH_OVERLAY_PATH}
        </button>
        <button
          type="button"
          onClick={() => download(MESH_HELM_VALUES_PATH, mesh.helmValues, 'application/yaml')}
        >
          Download {MESH_HELM_VALUES_PATH}
        </button>
        <button type="button" onClick={() => void onCopy('The IstioOperator overlay is', mesh.istioOperator)}>
          Copy IstioOperator overlay
        </button>
        <button type="button" onClick={() => void onCopy('The Helm values are', mesh.helmValues)}>
          Copy Helm values
        </button>
      </div>
      <ExportCommand label="Apply with istioctl" command={MESH_OVERLAY_COMMAND} onCopy={onCopy} />
      <ExportCommand label="Apply with Helm" command={MESH_HELM_COMMAND} onCopy={onCopy} />
      {mesh.setCommand && (
        <ExportCommand
          label="Or with istioctl in one command (add the flags you installed with)"
          command={mesh.setCommand}
          onCopy={onCopy}
        />
      )}
    </section>
  );
}
