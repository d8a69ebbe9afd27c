import { useId, useState } from 'react';

import { childFields, type Diagnostic, type FieldInfo, type PathSegment } from '../../core';
import { fieldLabel } from './labels';

/** How a field editor reports an edit: set (undefined deletes) or list changes, at a spec path. */
export interface FieldActions {
  set(path: PathSegment[], value: unknown): void;
  insert(path: PathSegment[], index: number, value: unknown): void;
  remove(path: PathSegment[]): void;
  /** Problems of the resource by formatted path (`spec.ports[0].name`). */
  problemsAt(path: PathSegment[]): Diagnostic[];
  readOnly: boolean;
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
      <details className="field-group" open={path.length <= 2}>
        <summary>
          {label} {removeButton}
        </summary>
        {info.type === 'object' && (
          <ObjectFields kind={kind} specPath={path.slice(1)} path={path} value={value} actions={actions} />
        )}
        {info.type === 'map' && <MapEditor label={label} path={path} value={value} actions={actions} />}
        {info.type === 'array' && (
          <ObjectList kind={kind} label={label} info={info} path={path} value={value} actions={actions} />
        )}
        {footer}
      </details>
    );
  }
  if (info.type === 'array') {
    return (
      <ScalarList label={label} info={info} path={path} value={value} actions={actions} footer={footer} />
    );
  }
  return (
    <div className="field">
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

/** A scalar input: select for enums, checkbox for booleans, number or text otherwise. */
function ScalarInput({
  id,
  info,
  value,
  described,
  readOnly,
  onChange,
}: {
  id: string;
  info: Pick<FieldInfo, 'type' | 'enum' | 'itemType'>;
  value: unknown;
  described: string;
  readOnly: boolean;
  onChange: (value: unknown) => void;
}) {
  const type = info.type === 'array' ? info.itemType : info.type;
  if (info.enum) {
    const current = typeof value === 'string' ? value : '';
    return (
      <select
        id={id}
        value={current}
        aria-describedby={described || undefined}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value)}
      >
        {!info.enum.includes(current) && <option value={current}>{current || '(not set)'}</option>}
        {info.enum.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    );
  }
  if (type === 'boolean') {
    return (
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        aria-describedby={described || undefined}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.checked)}
      />
    );
  }
  return (
    <TextValue
      id={id}
      numeric={type === 'number'}
      value={value}
      described={described}
      readOnly={readOnly}
      onChange={onChange}
    />
  );
}

/** A text or number field that keeps what the user types even while it is not yet a valid value. */
function TextValue({
  id,
  numeric,
  value,
  described,
  readOnly,
  onChange,
}: {
  id: string;
  numeric: boolean;
  value: unknown;
  described: string;
  readOnly: boolean;
  onChange: (value: unknown) => void;
}) {
  const shown = value === undefined || value === null ? '' : String(value);
  const [draft, setDraft] = useState<string | undefined>(undefined);
  return (
    <input
      id={id}
      type={numeric ? 'number' : 'text'}
      value={draft ?? shown}
      aria-describedby={described || undefined}
      readOnly={readOnly}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        if (numeric) {
          const number = Number(text);
          if (text.trim() !== '' && Number.isFinite(number)) onChange(number);
        } else onChange(text);
      }}
      onBlur={() => setDraft(undefined)}
    />
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
  const fields = childFields(kind, specPath);
  const present = fields.filter((f) => f.name in record);
  const absent = fields.filter((f) => !(f.name in record));
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

/** A list of scalars (hosts, exportTo, …): edit, add, remove, reorder. */
function ScalarList({
  label,
  info,
  path,
  value,
  actions,
  footer,
}: {
  label: string;
  info: FieldInfo;
  path: PathSegment[];
  value: unknown;
  actions: FieldActions;
  footer: React.ReactNode;
}) {
  const items = Array.isArray(value) ? value : [];
  const id = useId();
  return (
    <fieldset className="field-list-scalar">
      <legend>{label}</legend>
      {items.map((item, i) => (
        <div className="list-row" key={i}>
          <label className="visually-hidden" htmlFor={`${id}-${i}`}>
            {`${label} ${i + 1}`}
          </label>
          <ScalarInput
            id={`${id}-${i}`}
            info={info}
            value={item}
            described=""
            readOnly={actions.readOnly}
            onChange={(next) => actions.set([...path, i], next)}
          />
          <ListButtons label={label} path={path} index={i} items={items} actions={actions} />
        </div>
      ))}
      <button
        type="button"
        disabled={actions.readOnly}
        onClick={() => actions.insert(path, items.length, info.itemType === 'number' ? 0 : '')}
      >
        Add to {label}
      </button>
      {footer}
    </fieldset>
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
        <fieldset key={i} className="list-item">
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

function ListButtons({
  label,
  path,
  index,
  items,
  actions,
}: {
  label: string;
  path: PathSegment[];
  index: number;
  items: unknown[];
  actions: FieldActions;
}) {
  const move = (to: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(to, 0, item);
    actions.set(path, next);
  };
  return (
    <span className="list-buttons">
      <button
        type="button"
        aria-label={`Move ${label} ${index + 1} up`}
        disabled={actions.readOnly || index === 0}
        onClick={() => move(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label={`Move ${label} ${index + 1} down`}
        disabled={actions.readOnly || index === items.length - 1}
        onClick={() => move(index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        aria-label={`Remove ${label} ${index + 1}`}
        disabled={actions.readOnly}
        onClick={() => actions.remove([...path, index])}
      >
        ×
      </button>
    </span>
  );
}

/** Key/value pairs (labels, annotations, selectors). */
function MapEditor({
  label,
  path,
  value,
  actions,
}: {
  label: string;
  path: PathSegment[];
  value: unknown;
  actions: FieldActions;
}) {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const [key, setKey] = useState('');
  const id = useId();
  return (
    <div className="field-list">
      {Object.entries(record).map(([k, v]) => (
        <div className="field" key={k}>
          <label htmlFor={`${id}-${k}`}>{k}</label>
          <input
            id={`${id}-${k}`}
            value={typeof v === 'string' ? v : JSON.stringify(v)}
            readOnly={actions.readOnly}
            onChange={(e) => actions.set([...path, k], e.target.value)}
          />
          <button
            type="button"
            aria-label={`Remove ${k}`}
            disabled={actions.readOnly}
            onClick={() => actions.remove([...path, k])}
          >
            ×
          </button>
        </div>
      ))}
      {!actions.readOnly && (
        <div className="field">
          <label htmlFor={`${id}-new`}>New key in {label}</label>
          <input id={`${id}-new`} value={key} onChange={(e) => setKey(e.target.value)} />
          <button
            type="button"
            disabled={!key.trim()}
            onClick={() => {
              actions.set([...path, key.trim()], '');
              setKey('');
            }}
          >
            Add
          </button>
        </div>
      )}
    </div>
  );
}

function emptyValue(info: FieldInfo): unknown {
  if (info.enum) return info.enum[0];
  switch (info.type) {
    case 'array':
      return [];
    case 'map':
    case 'object':
      return {};
    case 'boolean':
      return false;
    case 'number':
      return 0;
    default:
      return '';
  }
}
