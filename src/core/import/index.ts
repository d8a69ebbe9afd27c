/**
 * Import: files or pasted text in, YAML to add to a design out, or the reasons it must not be
 * added. `prepareImport` reads and checks; `mergeImport` merges the accepted text into a design
 * (replacing a design needs no function: the accepted text becomes it).
 */
export { prepareImport, MAX_PROBLEMS_PER_FILE } from './prepare';
export { mergeImport } from './merge';
export type { MergeResult } from './merge';
export { formatImportProblem } from './format';
export { decodeInput, MAX_IMPORT_BYTES } from './decode';
export type { InputReader } from './decode';
export { MAX_JSON_DEPTH } from './read-json';
export type {
  AcceptedImport,
  ImportedResource,
  ImportInput,
  ImportProblem,
  ImportResult,
  RejectedImport,
} from './types';
