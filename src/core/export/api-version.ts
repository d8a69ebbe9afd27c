import { isScalar, Scalar } from 'yaml';

import { knownKind, NETWORKING_GROUP, parseBundle, type Bundle } from '../bundle';

/** The networking.istio.io versions an export can target. */
export type ExportApiVersion = 'v1' | 'v1beta1';

/** What {@link withNetworkingVersion} did. */
export interface ApiVersionRewrite {
  /** The bundle text with the rewritten `apiVersion` values; identical when nothing changed. */
  text: string;
  /** Resource ids (`Kind/namespace/name`) whose apiVersion was rewritten. */
  changed: string[];
  /** Resource ids left as they were because their kind is not served at the chosen version. */
  unchanged: string[];
}

/**
 * Moves every networking.istio.io resource of a bundle to `networking.istio.io/<version>` by
 * replacing only its `apiVersion` value in place (quotes kept): comments, layout and every other
 * byte stay as they are. Other groups (security.istio.io, install.istio.io, core `v1`) are left
 * alone, as is a networking kind that the chosen version does not serve (listed in `unchanged`).
 * Accepts the text or an already parsed bundle of it.
 */
export function withNetworkingVersion(source: string | Bundle, version: ExportApiVersion): ApiVersionRewrite {
  const bundle = typeof source === 'string' ? parseBundle(source) : source;
  const target = `${NETWORKING_GROUP}/${version}`;
  const edits: { start: number; end: number; text: string }[] = [];
  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const resource of bundle.resources) {
    const { apiVersion } = resource;
    if (!apiVersion.startsWith(`${NETWORKING_GROUP}/`) || apiVersion === target) continue;
    const node = resource.node.get('apiVersion', true);
    // A block scalar (`apiVersion: |`) is too odd to rewrite in place; the analyzer flags it anyway.
    const range = isScalar(node) && !BLOCK_STYLES.has(node.type) ? node.range : undefined;
    if (!knownKind(NETWORKING_GROUP, resource.kind)?.versions?.includes(version) || !range) {
      unchanged.push(resource.id);
      continue;
    }
    const start = resource.document.start + range[0];
    const end = resource.document.start + range[1];
    const written = bundle.text.slice(start, end);
    // The value as written (plain or in quotes) is swapped inside its own quotes; an escaped or
    // otherwise unusual spelling is replaced by a double-quoted string.
    const replacement = written.includes(apiVersion)
      ? written.replace(apiVersion, target)
      : JSON.stringify(target);
    edits.push({ start, end, text: replacement });
    changed.push(resource.id);
  }
  return { text: applyEdits(bundle.text, edits), changed, unchanged };
}

const BLOCK_STYLES = new Set<Scalar['type']>([Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED]);

/** Splices non-overlapping edits into `text` in one pass. */
function applyEdits(text: string, edits: { start: number; end: number; text: string }[]): string {
  if (edits.length === 0) return text;
  const pieces: string[] = [];
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    pieces.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
