import { LineIndex, type SourceRange } from './lines';
import { parseOneDocument } from './parse-document';
import { splitDocuments } from './split';
import type { ParsedDocument, ResourceData } from './types';

/** The namespace assumed for objects without `metadata.namespace` (kubectl's default context). */
export const DEFAULT_NAMESPACE = 'default';

/** One document of a bundle: where it sits in the text and what it parsed to. */
export interface BundleDocument extends SourceRange {
  /** Stable across edits that keep the document's kind, namespace and name. */
  id: string;
  index: number;
  parsed: ParsedDocument;
}

/** A Kubernetes object in a bundle, with the namespace resolved and its document located. */
export interface Resource extends ResourceData {
  /** `Kind/namespace/name`, unique within the bundle (a `#n` suffix marks repeats). */
  id: string;
  /** The namespace the object lives in: its own, or {@link DEFAULT_NAMESPACE}. */
  effectiveNamespace: string;
  document: BundleDocument;
}

/** A parsed bundle: the text, its documents in order, and the objects they hold. */
export interface Bundle {
  text: string;
  documents: BundleDocument[];
  resources: Resource[];
  /** Line/column lookup for this text, built on first use. */
  readonly lines: LineIndex;
}

/** A cache of parsed documents keyed by document text; reuse one across edits of a bundle. */
export type DocumentCache = Map<string, ParsedDocument>;

/**
 * Parses a multi-document YAML (or JSON) bundle. Never throws. With a `cache` shared across
 * calls, unchanged documents are not parsed again, so re-parsing after editing one document of
 * a large bundle costs that one document plus a linear scan for document boundaries.
 */
export function parseBundle(text: string, cache?: DocumentCache): Bundle {
  const chunks = splitDocuments(text);
  const usedDocumentIds = new Map<string, number>();
  const usedResourceIds = new Map<string, number>();
  const documents: BundleDocument[] = [];
  const resources: Resource[] = [];
  chunks.forEach((chunk, index) => {
    let parsed = cache?.get(chunk.text);
    if (!parsed) {
      parsed = parseOneDocument(chunk.text);
      cache?.set(chunk.text, parsed);
    }
    const first = parsed.resources[0];
    const docKey = first && parsed.resources.length === 1 ? resourceRef(first) : `document-${index + 1}`;
    const document: BundleDocument = {
      id: unique(docKey, usedDocumentIds),
      index,
      start: chunk.start,
      end: chunk.end,
      parsed,
    };
    documents.push(document);
    for (const data of parsed.resources) {
      resources.push({
        ...data,
        id: unique(resourceRef(data), usedResourceIds),
        effectiveNamespace: data.namespace ?? DEFAULT_NAMESPACE,
        document,
      });
    }
  });
  if (cache) pruneCache(cache, documents);
  let lines: LineIndex | undefined;
  return {
    text,
    documents,
    resources,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
  };
}

/** `Kind/namespace/name` of an object (the namespace defaulted), as diagnostics and the graph name it. */
export function resourceRef(data: Pick<ResourceData, 'kind' | 'namespace' | 'name'>): string {
  return `${data.kind || 'Unknown'}/${data.namespace ?? DEFAULT_NAMESPACE}/${data.name || '(unnamed)'}`;
}

function unique(key: string, used: Map<string, number>): string {
  const count = (used.get(key) ?? 0) + 1;
  used.set(key, count);
  return count === 1 ? key : `${key}#${count}`;
}

// Keep the cache from growing without bound while a user types: drop entries no longer in the
// bundle once the cache holds far more than the bundle has documents.
function pruneCache(cache: DocumentCache, documents: BundleDocument[]): void {
  if (cache.size <= documents.length * 2 + 64) return;
  const live = new Set(documents.map((d) => d.parsed.text));
  for (const key of cache.keys()) if (!live.has(key)) cache.delete(key);
}
