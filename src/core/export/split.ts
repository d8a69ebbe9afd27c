import type { Bundle, BundleDocument, Resource } from '../bundle';
import { KUSTOMIZATION_PATH, withFinalNewline, type ExportFile } from './files';
import { listItemText } from './item-text';
import { kustomizationText } from './kustomization';
import { kebabKind, PathRegistry, safeFolder, safeSegment } from './paths';

/** The folder of cluster-scoped objects (Namespace, ...), beside one folder per namespace. */
export const CLUSTER_FOLDER = 'cluster';

/** The folder of documents that are not Kubernetes objects or do not parse. */
export const UNPARSED_FOLDER = 'unparsed';

/**
 * Splits a bundle into one file per resource, the way a GitOps repository holds them:
 * `<namespace>/<kind-in-kebab-case>-<name>.yaml`, cluster-scoped objects under `cluster/`, and a
 * `kustomization.yaml` listing every file (sorted) last, so `kubectl apply -k` applies the lot.
 *
 * - A document that holds one object keeps its text exactly as written (comments, key order,
 *   quoting); only its leading `---` line goes, and a final newline is added if it had none.
 * - A `kind: List` document (as `kubectl get -o yaml` prints it) gives one file per item.
 * - A document that does not parse, or is not a Kubernetes object (no kind or no name), goes to
 *   `unparsed/document-<n>.yaml` (`n` counts documents from 1) rather than being dropped.
 *   Blank documents (nothing but white space and markers) are left out.
 *
 * Paths are safe (see `paths.ts`) and unique: a repeat gets a `-2`, `-3`, ... suffix.
 * Files come in bundle order, which `joinFiles` keeps.
 */
export function splitBundle(bundle: Bundle): ExportFile[] {
  const byDocument = new Map<BundleDocument, Resource[]>();
  for (const resource of bundle.resources) {
    const list = byDocument.get(resource.document);
    if (list) list.push(resource);
    else byDocument.set(resource.document, [resource]);
  }
  const paths = new PathRegistry();
  paths.claim(KUSTOMIZATION_PATH);
  const files: ExportFile[] = [];
  for (const document of bundle.documents) {
    const text = document.parsed.text;
    const resources = byDocument.get(document) ?? [];
    const unparsedPath = `${UNPARSED_FOLDER}/document-${document.index + 1}`;
    if (resources.length === 0) {
      if (!isBlank(text)) files.push({ path: paths.claim(`${unparsedPath}.yaml`), text: fileText(text) });
      continue;
    }
    const [only] = resources;
    if (resources.length === 1 && only!.pathInDocument.length === 0) {
      const path = isObject(only!) ? pathOf(only!) : `${unparsedPath}.yaml`;
      files.push({ path: paths.claim(path), text: fileText(text) });
      continue;
    }
    for (const item of resources) {
      const path = isObject(item)
        ? pathOf(item)
        : `${unparsedPath}-item-${Number(item.pathInDocument[1]) + 1}.yaml`;
      files.push({ path: paths.claim(path), text: listItemText(text, item.node, item.value) });
    }
  }
  files.push({ path: KUSTOMIZATION_PATH, text: kustomizationText(files.map((f) => f.path)) });
  return files;
}

/** `<namespace or cluster>/<kind>-<name>.yaml` for an object. */
function pathOf(resource: Resource): string {
  // resourceRef leaves the namespace out exactly for the cluster-scoped kinds.
  const clusterScoped = resource.ref === `${resource.kind}/${resource.name || '(unnamed)'}`;
  const folder = clusterScoped ? CLUSTER_FOLDER : safeFolder(resource.effectiveNamespace);
  return `${folder}/${kebabKind(resource.kind)}-${safeSegment(resource.name)}.yaml`;
}

/** A Kubernetes object names its kind and itself; anything else is kept aside as unparsed. */
function isObject(resource: Resource): boolean {
  return resource.kind !== '' && resource.name !== '';
}

/** A whole document as a file: as written, without its opening `---`, ending in a newline. */
function fileText(documentText: string): string {
  return withFinalNewline(withoutLeadingMarker(documentText));
}

/** Drops a bare `---` line that opens the document: in a file of its own it separates nothing. */
function withoutLeadingMarker(text: string): string {
  const match = /^---[ \t]*\r?\n/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/** True when a document has no content: only white space, `---` and `...` lines. */
function isBlank(text: string): boolean {
  return text.split('\n').every((line) => /^(?:---|\.\.\.)?\s*$/.test(line));
}
