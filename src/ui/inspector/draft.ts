import { childFields, type IstioVersion, type PathSegment } from '../../core';
import type { FieldActions } from './FieldEditor';

type Value = Record<string, unknown> | unknown[];

/** `value` with `at` set to `to` (undefined deletes it), copying only what is on the way. */
function setIn(value: unknown, at: readonly PathSegment[], to: unknown): unknown {
  if (at.length === 0) return to;
  const [head, ...rest] = at;
  const base: Value =
    value !== null && typeof value === 'object' ? (value as Value) : typeof head === 'number' ? [] : {};
  const copy: Value = Array.isArray(base) ? [...base] : { ...base };
  const next = setIn((copy as Record<PathSegment, unknown>)[head!], rest, to);
  if (next === undefined) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head as string];
  } else (copy as Record<PathSegment, unknown>)[head!] = next;
  return copy;
}

function getIn(value: unknown, at: readonly PathSegment[]): unknown {
  return at.reduce<unknown>(
    (node, segment) =>
      node !== null && typeof node === 'object' ? (node as Record<PathSegment, unknown>)[segment] : undefined,
    value,
  );
}

/**
 * True when every required field of the object at `specPath` has a value, nested objects
 * included: an object that is not, is not written yet.
 */
export function isComplete(
  kind: string,
  specPath: PathSegment[],
  value: unknown,
  target: IstioVersion,
): boolean {
  const record = (value ?? {}) as Record<string, unknown>;
  return childFields(kind, specPath, target).every((f) => {
    if (!f.required) return true;
    const field = record[f.name];
    if (field === undefined || (Array.isArray(field) && field.length === 0)) return false;
    return f.type !== 'object' || isComplete(kind, [...specPath, f.name], field, target);
  });
}

/**
 * The actions of an object that is not in the YAML yet (an added list item, a new group): what is
 * typed stays in `draft` until every required field has a value, then the object is written whole.
 */
export function draftActions(
  actions: FieldActions,
  kind: string,
  specPath: PathSegment[],
  path: PathSegment[],
  draft: Record<string, unknown>,
  keep: (draft: Record<string, unknown>) => void,
  write: (value: Record<string, unknown>) => void,
): FieldActions {
  const update = (next: unknown) => {
    const value = (next ?? {}) as Record<string, unknown>;
    // Written once complete, and kept: the form shows it from the YAML only once drawn again with it.
    keep(value);
    if (Object.keys(value).length > 0 && isComplete(kind, specPath, value, actions.istioVersion))
      write(value);
  };
  const inside = (at: PathSegment[]) => at.slice(path.length);
  return {
    ...actions,
    set: (at, value) => update(setIn(draft, inside(at), value)),
    insert: (at, index, value) => {
      const list = getIn(draft, inside(at));
      const items = Array.isArray(list) ? [...list] : [];
      items.splice(index, 0, value);
      update(setIn(draft, inside(at), items));
    },
    remove: (at) => update(setIn(draft, inside(at), undefined)),
    problemsAt: () => [],
    problemKey: () => '',
    // Edits fold into the draft of this render: its fields always render again.
    owner: {},
  };
}
