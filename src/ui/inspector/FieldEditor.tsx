import { memo, useId, useRef, useState } from 'react';

import {
  childFields,
  fieldInRelease,
  formatPath,
  type Diagnostic,
  type FieldInfo,
  type IstioVersion,
  type PathSegment,
} from '../../core';
import { ListButtons, MapEditor, ScalarInput, ScalarList, useFocusAdded, useItemWriter } from './inputs';
import { draftActions } from './draft';
import { fieldLabel } from './labels';

/** How a field editor reports an edit: set (undefined deletes) or list changes, at a spec path. */
export interface FieldActions {
  set(path: PathSegment[], value: unknown): void;
  insert(path: PathSegment[], index: number, value: unknown): void;
  remove(path: PathSegment[]): void;
  /** Problems of the resource by formatted path (`spec.ports[0].name`). */
  problemsAt(path: PathSegment[]): Diagnostic[];
  /** What the problems at or under a path say, as one string: a field re-renders when it changes. */
  problemKey(path: PathSegment[]): string;
  /**
   * The same while `set`, `insert` and `remove` do the same (the same resource, release and
   * read-only state): fields compare it, not the actions, which are rebuilt with each edit's
   * problems. A draft's is new each time (its edits fold into the draft of the moment).
   */
  owner: unknown;
  readOnly: boolean;
  /** The Istio release the design targets: fields and enum values it lacks are not offered. */
  istioVersion: IstioVersion;
}

interface Props {
  kind: string;
  info: FieldInfo;
  /** Path from the resource root, e.g. `['spec', 'ports', 0, 'protocol']`. */
  path: PathSegment[];
  value: unknown;
  parentName?: string;
  actions: FieldActions;
  /**
   * For a field not in the YAML yet (added, or required): drops it from the form, or null when it
   * cannot be dropped (a required field). Present fields are removed from the YAML instead.
   */
  discard?: (() => void) | null;
  /** `actions.problemKey(path)`, read by the parent: the field re-renders when its problems change. */
  problems: string;
}

/**
 * Whether a field would render the same: an edit re-renders only the fields it changed (their
 * value or their problems), not the whole form. A field that is not rendered again keeps the
 * actions of its last render, which edit the same resource the same way (see `owner`); its
 * problems are the same too, or `problems` would differ. A discard function is new each time, so
 * a field being added always re-renders.
 */
function sameField(a: Props, b: Props): boolean {
  return (
    a.actions.owner === b.actions.owner &&
    a.kind === b.kind &&
    // The catalogue builds its field infos afresh; the same kind, path and release give the same one.
    a.info.name === b.info.name &&
    a.parentName === b.parentName &&
    a.problems === b.problems &&
    a.discard === b.discard &&
    formatPath(a.path) === formatPath(b.path) &&
    sameValue(a.value, b.value)
  );
}

/** Values as parsed from YAML (plain data): equal when they print the same. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * One field of a resource, edited according to its catalogue type; objects and lists nest. A field
 * not in the YAML yet shows empty inputs: nothing is written until a valid value is typed or chosen.
 */
export const FieldEditor = memo(function FieldEditor({
  kind,
  info,
  path,
  value,
  parentName,
  actions,
  discard,
}: Props) {
  const id = useId();
  const label = fieldLabel(info.name, parentName);
  const help = info.doc?.help;
  const problems = actions.problemsAt(path);
  const described = [help ? `${id}-help` : '', problems.length ? `${id}-problems` : '']
    .filter(Boolean)
    .join(' ');
  const footer = (
    <>
      {help && (
        <small id={`${id}-help`} className="field-help">
          {help}
          {info.doc?.default !== undefined ? ` Default: ${String(info.doc.default)}.` : ''}
          {info.since ? ` Since Istio ${info.since}.` : ''}
        </small>
      )}
      {problems.length > 0 && (
        <ul id={`${id}-problems`} className="field-problems">
          {problems.map((d, i) => (
            <li key={`${d.code}-${i}`} className={`problem-${d.severity}`}>
              {d.code}: {d.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  const removeButton = discard !== null && (
    <button
      type="button"
      className="field-remove"
      aria-label={`Remove ${label}`}
      disabled={actions.readOnly}
      onClick={() => (discard ? discard() : actions.remove(path))}
    >
      ×
    </button>
  );

  if (
    info.type === 'object' ||
    info.type === 'map' ||
    (info.type === 'array' && info.itemType === 'object')
  ) {
    return (
      // The remove button sits beside the summary, not in it (a summary is itself a control).
      <div className="field-group-wrap">
        <details className="field-group" open={path.length <= 2} data-path={formatPath(path)}>
          <summary>{label}</summary>
          {info.type === 'object' && (
            <ObjectFields
              kind={kind}
              specPath={path.slice(1)}
              path={path}
              value={value}
              actions={actions}
              write={value === undefined ? (whole) => actions.set(path, whole) : undefined}
            />
          )}
          {info.type === 'map' && <MapEditor label={label} path={path} value={value} actions={actions} />}
          {info.type === 'array' && (
            <ObjectList kind={kind} label={label} info={info} path={path} value={value} actions={actions} />
          )}
          {footer}
        </details>
        {removeButton}
      </div>
    );
  }
  if (info.type === 'array') {
    return (
      <ScalarList label={label} info={info} path={path} value={value} actions={actions} footer={footer} />
    );
  }
  return (
    <div className="field" data-path={formatPath(path)}>
      <label htmlFor={id}>{label}</label>
      <ScalarInput
        id={id}
        info={info}
        value={value}
        described={described}
        readOnly={actions.readOnly}
        onChange={(next) => actions.set(path, next)}
      />
      {removeButton}
      {footer}
    </div>
  );
}, sameField);

/**
 * The fields of an object value: those present, those required, those being added, and a chooser
 * to add any other the catalogue knows. Choosing (arrow keys included) only picks: Enter or the
 * Add button adds the field, empty and focused, written once it has a valid value.
 */
export function ObjectFields({
  kind,
  specPath,
  path,
  value,
  actions: given,
  write,
}: {
  kind: string;
  specPath: PathSegment[];
  path: PathSegment[];
  value: unknown;
  actions: FieldActions;
  /** For an object not in the YAML yet: writes it whole, once its required fields have values. */
  write?: ((value: Record<string, unknown>) => void) | undefined;
}) {
  // The same component before and after the object is written: the input being typed in stays.
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  // Written and drawn from the YAML: the draft is done (a later add starts from nothing).
  if (!write && Object.keys(draft).length > 0) setDraft({});
  const actions = write ? draftActions(given, kind, specPath, path, draft, setDraft, write) : given;
  const record = write
    ? draft
    : ((typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<
        string,
        unknown
      >);
  const [adding, setAdding] = useState<string[]>([]);
  const [added, setAdded] = useState<string | undefined>(undefined);
  const list = useRef<HTMLDivElement>(null);
  useFocusAdded(list, added === undefined ? undefined : formatPath([...path, added]));
  // A field being added leaves the list once it is written (so removing it later removes it).
  const stillAdding = adding.filter((name) => !(name in record));
  if (stillAdding.length !== adding.length) setAdding(stillAdding);
  // Enums list the target release's values; a field it lacks is shown when present (with its
  // problem) but not offered.
  const fields = childFields(kind, specPath, actions.istioVersion);
  const shown = fields.filter((f) => f.name in record || f.required || stillAdding.includes(f.name));
  const absent = fields.filter((f) => !shown.includes(f) && fieldInRelease(f, actions.istioVersion));
  // A list item's fields are named after the list (`Add a field to Ports`).
  const parentName = path.findLast((segment): segment is string => typeof segment === 'string');
  const discard = (info: FieldInfo) =>
    info.name in record
      ? undefined
      : stillAdding.includes(info.name)
        ? () => setAdding(stillAdding.filter((name) => name !== info.name))
        : null;
  return (
    <div className="field-list" ref={list}>
      {shown.map((info) => (
        <FieldEditor
          key={info.name}
          kind={kind}
          info={info}
          path={[...path, info.name]}
          value={record[info.name]}
          parentName={parentName}
          actions={actions}
          discard={discard(info)}
          problems={actions.problemKey([...path, info.name])}
        />
      ))}
      {absent.length > 0 && !actions.readOnly && (
        <AddField
          label={`Add a field to ${parentName ? fieldLabel(parentName) : 'the resource'}`}
          fields={absent}
          parentName={parentName}
          onAdd={(name) => {
            setAdding([...stillAdding, name]);
            setAdded(name);
          }}
        />
      )}
    </div>
  );
}

/** The "Add field…" chooser: picking a field (by mouse or arrow keys) adds nothing until Enter or Add. */
function AddField({
  label,
  fields,
  parentName,
  onAdd,
}: {
  label: string;
  fields: FieldInfo[];
  parentName: string | undefined;
  onAdd: (name: string) => void;
}) {
  const [choice, setChoice] = useState('');
  const chosen = fields.find((f) => f.name === choice);
  const add = () => {
    if (!chosen) return;
    setChoice('');
    onAdd(chosen.name);
  };
  return (
    <div className="add-field">
      <select
        aria-label={label}
        value={chosen ? choice : ''}
        onChange={(e) => setChoice(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || !chosen) return;
          e.preventDefault();
          add();
        }}
      >
        <option value="">Add field…</option>
        {fields.map((f) => (
          <option key={f.name} value={f.name} title={f.doc?.help}>
            {fieldLabel(f.name, parentName)}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!chosen}
        aria-label={chosen ? `Add ${fieldLabel(chosen.name, parentName)}` : 'Add the chosen field'}
        onClick={add}
      >
        Add
      </button>
    </div>
  );
}

/**
 * A list of objects (ports, routes, servers): each item's fields, with add, remove, reorder. An
 * added item shows its required fields empty, and is written once they all have valid values.
 */
function ObjectList({
  kind,
  label,
  path,
  value,
  actions,
}: {
  kind: string;
  label: string;
  info: FieldInfo;
  path: PathSegment[];
  value: unknown;
  actions: FieldActions;
}) {
  const items = Array.isArray(value) ? value : [];
  const list = useRef<HTMLDivElement>(null);
  const [added, setAdded] = useState<number | undefined>(undefined);
  const pending = items.length === 0 || added === items.length;
  useFocusAdded(list, added === undefined ? undefined : formatPath([...path, added]));
  // The item being added is the next one: once written it keeps its inputs (and the focus).
  const rows: unknown[] = pending ? [...items, undefined] : items;
  const writeItem = useItemWriter(actions, path, items.length);
  return (
    <div className="field-list" ref={list}>
      {rows.map((item, i) => (
        <fieldset key={i} className="list-item" data-path={formatPath([...path, i])}>
          <legend>
            {label} {i + 1}
            <ListButtons
              label={label}
              path={path}
              index={i}
              items={items}
              actions={actions}
              onDiscard={() => setAdded(undefined)}
            />
          </legend>
          <ObjectFields
            kind={kind}
            specPath={[...path.slice(1), i]}
            path={[...path, i]}
            value={item}
            actions={actions}
            write={i < items.length ? undefined : (whole) => writeItem(i, whole)}
          />
        </fieldset>
      ))}
      {!pending && (
        <button type="button" disabled={actions.readOnly} onClick={() => setAdded(items.length)}>
          Add to {label}
        </button>
      )}
    </div>
  );
}
