/**
 * The Egress Studio engine: YAML text in; resources with source ranges, diagnostics and the egress
 * graph out. Plain TypeScript, used by the CLI, the app and the tests alike.
 */
export {
  appendDocument,
  appendObject,
  deepEqual,
  DEFAULT_NAMESPACE,
  editDocumentText,
  editResource,
  formatPath,
  LineIndex,
  objectName,
  parseBundle,
  parseInSlices,
  parsePath,
  rangeOfPath,
  removeResource,
  resourceKey,
} from './bundle';
export type {
  Bundle,
  BundleDocument,
  DocumentCache,
  EditResult,
  FieldEdit,
  PathSegment,
  Position,
  Resource,
  SourceRange,
  TextChange,
} from './bundle';
export { analyzeBundle, createAnalysisCache } from './analysis/analyze';
export type { AnalysisCache } from './analysis/analyze';
export { provisionalDiagnostics } from './analysis/provisional';
export { codeCatalogue, codeInfo } from './analysis/codes';
export { counted, severityCounts, severitySummary, worstFirst } from './analysis/summary';
export type { CheckLayer, CodeInfo, Diagnostic, Fix, Severity } from './analysis/types';
export { childFields, fieldInfo, fieldInRelease } from './istio/catalogue';
export { isIstioVersion, ISTIO_VERSIONS, LATEST_ISTIO_VERSION, OLDEST_ISTIO_VERSION } from './istio/releases';
export type { IstioVersion } from './istio/releases';
export { fieldValueProblem } from './istio/field-value';
export { setOutboundTrafficMode } from './istio/mesh-edit';
export type { FieldInfo } from './istio/catalogue';
export { lookupFieldDoc } from './istio/docs';
export type { FieldDoc } from './istio/docs/types';
export {
  createDestinationRule,
  createEgressGatewayRoute,
  createMeshConfig,
  createNamespace,
  createServiceEntry,
  createServiceRule,
  createSidecar,
  createVirtualService,
  defaultPort,
  nameForHost,
} from './istio/factories';
export type { KubernetesObject, PortSpec } from './istio/factories';
export { gatewayRouteResources, planDirectRoute, planEgressGatewayRoute } from './istio/gateway-route';
export type { DesignChange, GatewayRouteTarget, ResourceEdit } from './istio/gateway-route';
export { changeBetween, composeChanges, cursorContext, movePastChange } from './bundle';
export type { CursorContext } from './bundle';
export {
  isModelled,
  isNetworkingKind,
  NETWORKING_KINDS,
  NETWORKING_VERSIONS,
  networkingApiVersion,
  networkingKindOf,
} from './istio/kinds';
export type { NetworkingKind, NetworkingVersion } from './istio/kinds';
export { buildModel } from './istio/model';
export type { BundleModel } from './istio/model';
export {
  aggregateGraph,
  BoxGrid,
  createGraphMemo,
  createGraphShower,
  createLayoutMemo,
  deriveGraph,
  HOST_GROUP_LIMIT,
  LAYERED_LAYOUT_LIMIT,
  NAMESPACE_GROUP_LIMIT,
  needsAggregation,
  memberNodeId,
  revealKey,
  layoutGraph,
  NODE_ROLES,
  NODE_SIZE,
  nodeRole,
  OTHER_HOSTS_ID,
  roleAndLabel,
} from './graph';
export type { Box, GraphMemo, GraphShower, LayoutDirection, LayoutMemo } from './graph';
export { createDeriver, deriveOnce } from './derivation';
export type { Derivation, DerivationWork, Deriver, DrawnStage } from './derivation';
export { INTERNAL_ERROR_CODE } from './guard';
export type { InternalError } from './guard';
export type { EdgeKind, EgressGraph, GraphEdge, GraphNode, NodeGroup, NodeKind, TlsBehaviour } from './graph';
export {
  applyCommand,
  BUNDLE_FILE_NAME,
  graphToMermaid,
  graphToSvg,
  joinFiles,
  KUSTOMIZATION_PATH,
  splitBundle,
  SVG_NODE_HEIGHT,
  SVG_NODE_WIDTH,
  withNetworkingVersion,
  zipFiles,
} from './export';
export type {
  ApiVersionRewrite,
  ApplyTarget,
  ExportApiVersion,
  ExportFile,
  NodePositions,
  SvgOptions,
} from './export';
export {
  formatImportProblem,
  MAX_IMPORT_BYTES,
  MAX_JSON_DEPTH,
  MAX_PROBLEMS_PER_FILE,
  mergeImport,
  prepareImport,
} from './import';
export type {
  AcceptedImport,
  ImportedResource,
  ImportInput,
  ImportProblem,
  ImportResult,
  MergeResult,
  RejectedImport,
} from './import';
