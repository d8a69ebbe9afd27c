import type { Document, Node, YAMLMap } from 'yaml';

import type { SourceRange } from './lines';

/** One step of a field path: a map key or a list index. */
export type PathSegment = string | number;

/** A YAML problem found while reading one document, with a range relative to that document. */
export interface SyntaxProblem {
  severity: 'error' | 'warning';
  /** The `yaml` library's stable error code, e.g. `BAD_INDENT`. */
  code: string;
  message: string;
  range: SourceRange;
}

/**
 * A Kubernetes object found in a document: the document itself, or one item of a `kind: List`.
 * Ranges of its nodes are relative to the owning document's text.
 */
export interface ResourceData {
  apiVersion: string;
  /** The API group of `apiVersion` (`''` for the core group). */
  group: string;
  kind: string;
  name: string;
  /** `metadata.namespace`, or undefined when the object leaves it to the kubectl context. */
  namespace: string | undefined;
  /** `Kind/namespace/name` with the namespace defaulted (see `resourceRef`). */
  ref: string;
  /** The object's identity, its ref with the kind qualified by group where needed (see `resourceKey`). */
  key: string;
  /** The object as plain data (YAML 1.1 scalars, as the Kubernetes API server reads them). */
  value: Record<string, unknown>;
  /** The object's map node in the document. */
  node: YAMLMap;
  /** Path from the document root to this object: `[]`, or `['items', 3]` inside a List. */
  pathInDocument: PathSegment[];
}

/** What reading one document's text produced; cached by that text, so ranges are relative. */
export interface ParsedDocument {
  text: string;
  yaml: Document.Parsed;
  problems: SyntaxProblem[];
  /** The document's root node, or null for an empty (comment-only) document. */
  root: Node | null;
  /**
   * True for a document that holds nothing: empty, only comments, or only `null`/`~`. kubectl
   * skips such documents, so they are no problem and hold no resource.
   */
  empty: boolean;
  resources: ResourceData[];
}
