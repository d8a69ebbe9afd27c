export { withNetworkingVersion } from './api-version';
export type { ApiVersionRewrite, ExportApiVersion } from './api-version';
export { joinFiles, KUSTOMIZATION_PATH } from './files';
export type { ExportFile } from './files';
export { applyCommand, BUNDLE_FILE_NAME, shellQuote } from './kubectl';
export type { ApplyTarget } from './kubectl';
export { escapeLabel, graphToMermaid } from './mermaid';
export { CLUSTER_FOLDER, splitBundle, UNPARSED_FOLDER } from './split';
export { escapeXml, graphToSvg, SVG_NODE_HEIGHT, SVG_NODE_WIDTH } from './svg';
export type { NodePositions, SvgOptions } from './svg';
export { SVG_PALETTES } from './svg-palette';
export type { SvgPalette } from './svg-palette';
export { zipFiles } from './zip';
export {
  exportFiles,
  MESH_HELM_COMMAND,
  MESH_HELM_VALUES_PATH,
  MESH_OVERLAY_COMMAND,
  MESH_OVERLAY_PATH,
  MESH_README_PATH,
  separateMeshSettings,
} from './mesh-settings';
export type { MeshSettings, SeparatedExport } from './mesh-settings';
