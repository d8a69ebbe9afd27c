import { appendDocument, parseBundle, removeResource, type Bundle, type DocumentCache } from '../bundle';

/** The design after a merge, and which objects the import replaced or added (refs, in order). */
export interface MergeResult {
  text: string;
  replaced: string[];
  added: string[];
}

/**
 * Merges imported YAML (the `text` of an accepted import) into a design: every object of the
 * design that is the same object as an incoming one (same API group, kind, namespace and name:
 * `resourceKey`) is removed first (its
 * document, or its item when it sits in a `kind: List`), then the incoming documents are
 * appended after a `---`. Everything else in the design, comments included, is left as it was.
 * Objects without a kind or a name have no identity to match, so they are never replaced.
 * Replacing the design instead needs no function: the incoming text becomes the design.
 */
export function mergeImport(current: string, incoming: string): MergeResult {
  const incomingResources = parseBundle(incoming).resources;
  const wanted = new Set(incomingResources.filter(hasIdentity).map((r) => r.key));
  const cache: DocumentCache = new Map();
  let bundle = parseBundle(current, cache);
  const replaced = new Set<string>();
  const kept = new Set<string>(); // resource ids whose removal failed: left in place, not retried
  for (;;) {
    const match = nextMatch(bundle, wanted, kept);
    if (!match) break;
    const result = removeResource(bundle, match.id);
    if (!result.ok) {
      kept.add(match.id);
      continue;
    }
    replaced.add(match.ref);
    bundle = parseBundle(result.text, cache, bundle, result.change);
  }
  const text = incoming.trim() === '' ? bundle.text : appendDocument(bundle.text, incoming);
  const added = [...new Set(incomingResources.map((r) => r.ref))].filter((ref) => !replaced.has(ref));
  return { text, replaced: [...replaced], added };
}

function nextMatch(
  bundle: Bundle,
  wanted: Set<string>,
  kept: Set<string>,
): Bundle['resources'][number] | undefined {
  return bundle.resources.find((r) => wanted.has(r.key) && hasIdentity(r) && !kept.has(r.id));
}

function hasIdentity(resource: { kind: string; name: string }): boolean {
  return resource.kind !== '' && resource.name !== '';
}
