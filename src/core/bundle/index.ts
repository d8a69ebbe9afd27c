export { DEFAULT_NAMESPACE, parseBundle, parseInSlices, resourceKey, resourceRef } from './bundle';
export {
  GATEWAY_API_GROUP,
  groupOf,
  isNamespacedKind,
  KNOWN_KINDS,
  knownKind,
  NETWORKING_GROUP,
  NETWORKING_KINDS,
  networkingKindOf,
  resourceTypeName,
  versionOf,
} from './kinds';
export type { KnownKind, NetworkingKind } from './kinds';
export { objectName } from './ref';
export type { ObjectName } from './ref';
export type { Bundle, BundleDocument, DocumentCache, Resource, TextChange } from './bundle';
export { changeBetween, composeChanges, movePastChange } from './change';
export { appendDocument, appendObject, editResource, removeResource } from './edit-bundle';
export type { BundleEditResult } from './edit-bundle';
export { deepEqual, editDocumentText } from './edit';
export type { EditResult, FieldEdit } from './edit';
export { LineIndex } from './lines';
export type { Position, SourceRange } from './lines';
export { cursorContext } from './cursor';
export type { CursorContext } from './cursor';
export { formatPath, locate, parsePath, rangeOfPath } from './locate';
export type { Located, RangeTarget } from './locate';
export { readYamlDocument } from './kubectl-yaml/read';
export { KUBECTL_YAML_OPTIONS } from './kubectl-yaml/schema';
export { isRecord, parseOneDocument } from './parse-document';
export { splitDocuments } from './split';
export type { Chunk } from './split';
export type { ParsedDocument, PathSegment, ResourceData, SyntaxProblem } from './types';
