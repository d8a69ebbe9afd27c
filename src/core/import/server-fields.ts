import { isMap, type YAMLMap } from 'yaml';

import { editDocumentText, isRecord, type PathSegment } from '../bundle';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Fields the API server (or kubectl) writes into objects it returns: `kubectl get -o yaml`
 * prints them, and applying them back is at best noise and at worst a conflict.
 */
const SERVER_FIELDS: readonly (readonly PathSegment[])[] = [
  ['metadata', 'managedFields'],
  ['metadata', 'resourceVersion'],
  ['metadata', 'uid'],
  ['metadata', 'selfLink'],
  ['metadata', 'creationTimestamp'],
  ['metadata', 'generation'],
  ['metadata', 'annotations', LAST_APPLIED],
  ['status'],
];

/** What each path is called in notes. */
function fieldName(path: readonly PathSegment[]): string {
  return path[path.length - 1] === LAST_APPLIED
    ? 'the last-applied-configuration annotation'
    : String(path.at(-1));
}

/**
 * True when an object came from a cluster rather than from an author: it carries a uid, a
 * resourceVersion or managedFields, which only the API server assigns.
 */
export function isServerOutput(object: Record<string, unknown>): boolean {
  const metadata = object['metadata'];
  if (!isRecord(metadata)) return false;
  return ['uid', 'resourceVersion', 'managedFields'].some((field) => Object.hasOwn(metadata, field));
}

/**
 * A copy of `object` without the server-set fields (an `annotations` map left empty goes too),
 * and the names of the fields removed. Only the maps on the way are copied; the rest is shared.
 */
export function withoutServerFields(object: Record<string, unknown>): {
  value: Record<string, unknown>;
  removed: string[];
} {
  let value = object;
  const removed: string[] = [];
  for (const path of SERVER_FIELDS) {
    const next = withoutPath(value, path);
    if (next === value) continue;
    value = next;
    removed.push(fieldName(path));
  }
  if (removed.length > 0) {
    const metadata = value['metadata'];
    const annotations = isRecord(metadata) ? metadata['annotations'] : undefined;
    if (isRecord(annotations) && Object.keys(annotations).length === 0) {
      value = withoutPath(value, ['metadata', 'annotations']);
    }
  }
  return { value, removed };
}

function withoutPath(object: Record<string, unknown>, path: readonly PathSegment[]): Record<string, unknown> {
  const [head, ...rest] = path as string[];
  if (head === undefined || !Object.hasOwn(object, head)) return object;
  if (rest.length === 0) {
    const copy = { ...object };
    delete copy[head];
    return copy;
  }
  const child = object[head];
  if (!isRecord(child)) return object;
  const next = withoutPath(child, rest);
  return next === child ? object : { ...object, [head]: next };
}

/** Removes the server-set fields from a YAML map node in place (comments on other nodes stay). */
export function deleteServerFieldsFromNode(node: YAMLMap): void {
  for (const path of SERVER_FIELDS) if (node.hasIn(path)) node.deleteIn(path);
  const annotations = node.getIn(['metadata', 'annotations'], true);
  if (isMap(annotations) && annotations.items.length === 0) node.deleteIn(['metadata', 'annotations']);
}

/**
 * Removes the server-set fields from the text of one document by splicing out only their lines,
 * so the author's comments and layout elsewhere stay as they were. Undefined if an edit fails.
 */
export function deleteServerFieldsFromText(
  text: string,
  object: Record<string, unknown>,
): string | undefined {
  let current = text;
  for (const path of SERVER_FIELDS) {
    if (withoutPath(object, path) === object) continue;
    const result = editDocumentText(current, { kind: 'delete', path, prune: true });
    if (!result.ok) return undefined;
    current = result.text;
  }
  return current;
}
