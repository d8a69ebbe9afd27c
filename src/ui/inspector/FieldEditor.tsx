import { useId } from 'react';

import {
  childFields,
  fieldInRelease,
  formatPath,
  type Diagnostic,
  type FieldInfo,
  type IstioVersion,
  type PathSegment,
} from '../../core';
import { emptyValue, ListButtons, MapEditor, ScalarInput, ScalarList } from './inputs';
import { fieldLabel } from './labels';

/** How a field editor reports an edit: set (undefined deletes) or list changes, at a spec path. */
export interface FieldActions {
  set(path: PathSegment[], value: unknown): void;
  insert(path: PathSegment[], index: number, value: unknown): void;
  remove(path: PathSegment[]): void;
  /** Problems of the resource by formatted path (`spec.ports[0].name`). */
  problemsAt(path: PathSegment[]): Diagnostic[];
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
}

/** One field of a resource, edited according to its catalogue type; objects and lists nest. */
export function FieldEditor({ kind, info, path, value, parentName, actions }: Props) {
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
  const removeButton = (
    <button
      type="button"
      className="field-remove"
      aria-label={`Remove ${label}`}
      disabled={actions.readOnly}
      onClick={() => actions.remove(path)}
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
            <ObjectFields kind={kind} specPath={path.slice(1)} path={path} value={value} actions={actions} />
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
}

/** The fields of an object value: those present, and a chooser to add any other the catalogue knows. */
export function ObjectFields({
  kind,
  specPath,
  path,
  value,
  actions,
}: {
  kind: string;
  specPath: PathSegment[];
  path: PathSegment[];
  value: unknown;
  actions: FieldActions;
}) {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  // Enums list the target release's values; a field it lacks is shown when present (with its
  // problem) but not offered.
  const fields = childFields(kind, specPath, actions.istioVersion);
  const present = fields.filter((f) => f.name in record);
  const absent = fields.filter((f) => !(f.name in record) && fieldInRelease(f, actions.istioVersion));
  const parentName =
    typeof path[path.length - 1] === 'string' ? (path[path.length - 1] as string) : undefined;
  return (
    <div className="field-list">
      {present.map((info) => (
        <FieldEditor
          key={info.name}
          kind={kind}
          info={info}
          path={[...path, info.name]}
          value={(record as Record<string, unknown>)[info.name]}
          parentName={parentName}
          actions={actions}
        />
      ))}
      {absent.length > 0 && !actions.readOnly && (
        <select
          aria-label={`Add a field to ${parentName ? fieldLabel(parentName) : 'the resource'}`}
          value=""
          onChange={(e) => {
            const info = absent.find((f) => f.name === e.target.value);
            if (info) actions.set([...path, info.name], emptyValue(info));
          }}
        >
          <option value="">Add field…</option>
          {absent.map((f) => (
            <option key={f.name} value={f.name} title={f.doc?.help}>
              {fieldLabel(f.name, parentName)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

/** A list of objects (ports, routes, servers): each item's fields, with add, remove, reorder. */
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
  return (
    <div className="field-list">
      {items.map((item, i) => (
        <fieldset key={i} className="list-item" data-path={formatPath([...path, i])}>
          <legend>
            {label} {i + 1}
            <ListButtons label={label} path={path} index={i} items={items} actions={actions} />
          </legend>
          <ObjectFields
            kind={kind}
            specPath={[...path.slice(1), i]}
            path={[...path, i]}
            value={item}
            actions={actions}
          />
        </fieldset>
      ))}
      <button
        type="button"
        disabled={actions.readOnly}
        onClick={() => actions.insert(path, items.length, {})}
      >
        Add to {label}
      </button>
    </div>
  );
}
