import { LineIndex, type SourceRange } from './lines';
import { parseOneDocument } from './parse-document';
import { scanDocuments, splitDocuments } from './split';
import { DEFAULT_NAMESPACE } from './ref';
import type { ParsedDocument, ResourceData } from './types';

export { DEFAULT_NAMESPACE, resourceKey, resourceRef } from './ref';

/** One document of a bundle: where it sits in the text and what it parsed to. */
export interface BundleDocument extends SourceRange {
  /** Stable across edits that keep the document's kind, namespace and name. */
  id: string;
  index: number;
  parsed: ParsedDocument;
}

/** A Kubernetes object in a bundle, with the namespace resolved and its document located. */
export interface Resource extends ResourceData {
  /** The object's key (`resourceKey`), unique within the bundle (a `#n` suffix marks repeats). */
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

/** Where an edit happened: `[start, end)` of the previous text was replaced by `length` characters. */
export interface TextChange {
  start: number;
  end: number;
  length: number;
}

/** One document's place in the new text and what it parsed to, with its object in the previous bundle if unchanged. */
interface Piece {
  start: number;
  end: number;
  parsed: ParsedDocument;
  previous: BundleDocument | undefined;
}

/**
 * Parses a multi-document YAML (or JSON) bundle. Problems of the text are reported, never thrown
 * (it throws only if the call stack runs out: see `readYamlDocument`). With a `cache` shared across
 * calls, unchanged documents are not parsed again (and within one call, a repeated document is
 * parsed once). Given the `previous` bundle of an edited text,
 * only the documents around the edit are split and looked up again: the others are matched in
 * place, and those before the edit keep their objects. An editor that knows where the text
 * changed passes the `change`, which spares comparing the other documents (it must be exact).
 */
export function parseBundle(
  text: string,
  cache?: DocumentCache,
  previous?: Bundle,
  change?: TextChange,
): Bundle {
  // Without a cache shared across calls, one for this call: a document repeated in the text (kubectl
  // output, a paste made twice, 200,000 `---` lines) is parsed once. A parse depends on its text alone.
  const parsedHere = cache ?? new Map<string, ParsedDocument>();
  const pieces =
    (previous && piecesAfterEdit(previous, text, parsedHere, change)) ?? freshPieces(text, parsedHere);
  const usedDocumentIds = new Map<string, number>();
  const usedResourceIds = new Map<string, number>();
  const documents: BundleDocument[] = [];
  const resources: Resource[] = [];
  let previousResource = 0; // walks previous.resources alongside the unchanged leading documents
  // Plain loops and object literals: on an edit this runs over every document of the bundle.
  for (let index = 0; index < pieces.length; index++) {
    const { start, end, parsed, previous: before } = pieces[index]!;
    const first = parsed.resources[0];
    // A document of one resource is named by its key (`Kind/namespace/name`, made unique); any
    // other by its place, which no key can equal (a key holds a `/`): no map of names needed for it,
    // which a text of 200,000 empty documents (`---` lines) spent most of its parse on.
    const id =
      first && parsed.resources.length === 1 ? unique(first.key, usedDocumentIds) : `document-${index + 1}`;
    const same = before !== undefined && before.start === start && before.index === index && before.id === id;
    const document: BundleDocument = same ? before : { id, index, start, end, parsed };
    documents.push(document);
    for (const data of parsed.resources) {
      const resourceId = unique(data.key, usedResourceIds);
      const old = before ? previous!.resources[previousResource++] : undefined;
      resources.push(same && old?.id === resourceId ? old : resourceOf(data, resourceId, document));
    }
  }
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

/**
 * Parses `text`'s documents into `cache` a slice at a time, so that a later {@link parseBundle} of
 * `text` with that cache finds them parsed: each call of the returned function parses documents
 * the cache lacks until `budgetMs` have passed (or `yieldNow` says to stop sooner: input is
 * waiting), and says whether every one is now there. Lets a
 * caller parse a large text in the gaps between frames rather than in one long task.
 */
export function parseInSlices(
  text: string,
  cache: DocumentCache,
  now: () => number = () => performance.now(),
): (budgetMs: number, yieldNow?: () => boolean) => boolean {
  const chunks = splitDocuments(text);
  let next = 0;
  return (budgetMs, yieldNow) => {
    const deadline = now() + budgetMs;
    while (next < chunks.length) {
      parseCached(chunks[next++]!.text, cache);
      if (now() >= deadline || yieldNow?.()) break;
    }
    return next >= chunks.length;
  };
}

function freshPieces(text: string, cache: DocumentCache | undefined): Piece[] {
  return splitDocuments(text).map((chunk) => ({
    start: chunk.start,
    end: chunk.end,
    parsed: parseCached(chunk.text, cache),
    previous: undefined,
  }));
}

function parseCached(text: string, cache: DocumentCache | undefined): ParsedDocument {
  let parsed = cache?.get(text);
  if (!parsed) {
    parsed = parseOneDocument(text);
    cache?.set(text, parsed);
  }
  return parsed;
}

/**
 * The pieces of `text` as an edit of `previous`: documents that still match at their old offset
 * (before the edit) or at their offset shifted by the change in length (after it) are kept, and
 * only the region between them is split again. One document on each side of the edit is re-split
 * too, because deleting or typing a `---` line can merge or split its neighbours. Undefined when
 * the edit cannot be confined that way (then the whole text is split).
 */
function piecesAfterEdit(
  previous: Bundle,
  text: string,
  cache: DocumentCache | undefined,
  change: TextChange | undefined,
): Piece[] | undefined {
  const old = previous.documents;
  const delta = text.length - previous.text.length;
  if (change && change.length - (change.end - change.start) !== delta) return undefined;
  // Documents [0, head) are unchanged in place. The last document may end without a newline: text
  // put right after it lengthens its last line (`---` becoming `------` is no separator any more),
  // so it is unchanged only if nothing follows it.
  const ends = (d: BundleDocument) => d.parsed.text.endsWith('\n');
  let head = 0;
  if (change)
    while (
      head < old.length &&
      (old[head]!.end < change.start || (old[head]!.end === change.start && ends(old[head]!)))
    )
      head++;
  else
    while (
      head < old.length &&
      text.startsWith(old[head]!.parsed.text, old[head]!.start) &&
      (ends(old[head]!) || old[head]!.end === text.length)
    )
      head++;
  if (head === old.length && delta === 0 && !change) {
    return old.map((d) => ({ start: d.start, end: d.end, parsed: d.parsed, previous: d }));
  }
  head = Math.max(0, head - 1);
  const regionStart = head > 0 ? old[head]!.start : 0;
  let tail = old.length; // documents [tail, length) are unchanged, shifted by delta
  if (change) {
    while (tail - 1 > head && old[tail - 1]!.start >= change.end) tail--;
  } else {
    while (
      tail - 1 > head &&
      old[tail - 1]!.start + delta >= regionStart &&
      text.startsWith(old[tail - 1]!.parsed.text, old[tail - 1]!.start + delta)
    )
      tail--;
  }
  const regionEnd = tail < old.length ? old[tail]!.start + delta : text.length;
  if (regionEnd < regionStart) return undefined;
  // A kept document's `---` must still start a line (the edit may have removed the newline before it).
  if (tail < old.length && regionEnd > 0 && text.charCodeAt(regionEnd - 1) !== 10) return undefined;
  const region = scanDocuments(text.slice(regionStart, regionEnd));
  // The next document's `---` only starts a new document if the region's last one has content.
  if (tail < old.length && !region.lastHasContent) return undefined;
  const pieces: Piece[] = [];
  for (let i = 0; i < head; i++) {
    const d = old[i]!;
    pieces.push({ start: d.start, end: d.end, parsed: d.parsed, previous: d });
  }
  for (const chunk of region.chunks) {
    pieces.push({
      start: chunk.start + regionStart,
      end: chunk.end + regionStart,
      parsed: parseCached(chunk.text, cache),
      previous: undefined,
    });
  }
  for (let i = tail; i < old.length; i++) {
    const d = old[i]!;
    pieces.push({ start: d.start + delta, end: d.end + delta, parsed: d.parsed, previous: undefined });
  }
  return pieces;
}

function resourceOf(data: ResourceData, id: string, document: BundleDocument): Resource {
  return {
    apiVersion: data.apiVersion,
    group: data.group,
    kind: data.kind,
    name: data.name,
    namespace: data.namespace,
    ref: data.ref,
    key: data.key,
    value: data.value,
    node: data.node,
    pathInDocument: data.pathInDocument,
    id,
    effectiveNamespace: data.namespace ?? DEFAULT_NAMESPACE,
    document,
  };
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
