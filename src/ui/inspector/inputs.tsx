import { useId, useState } from 'react';

import { fieldValueProblem, formatPath, type FieldInfo, type PathSegment } from '../../core';
import type { FieldActions } from './FieldEditor';

/** A scalar input: select for enums, checkbox for booleans, number or text otherwise. */
export function ScalarInput({
  id,
  info,
  value,
  described,
  readOnly,
  onChange,
}: {
  id: string;
  info: Pick<FieldInfo, 'type' | 'enum' | 'itemType' | 'doc'>;
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
      check={(typed) => fieldValueProblem(info, typed)}
      value={value}
      described={described}
      readOnly={readOnly}
      onChange={onChange}
    />
  );
}

/**
 * A text or number field that keeps what the user types even while it is not a valid value: such
 * a draft is checked as it is typed, its problem shown beside it, and written only once it is valid.
 */
function TextValue({
  id,
  numeric,
  check,
  value,
  described,
  readOnly,
  onChange,
}: {
  id: string;
  numeric: boolean;
  check: (value: unknown) => string | undefined;
  value: unknown;
  described: string;
  readOnly: boolean;
  onChange: (value: unknown) => void;
}) {
  const shown = value === undefined || value === null ? '' : String(value);
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const problemId = `${id}-invalid`;
  return (
    <>
      <input
        id={id}
        type={numeric ? 'number' : 'text'}
        value={draft ?? shown}
        aria-describedby={[problem ? problemId : '', described].filter(Boolean).join(' ') || undefined}
        aria-invalid={problem ? true : undefined}
        readOnly={readOnly}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          const typed = numeric ? (text.trim() === '' ? undefined : Number(text)) : text;
          const found = typed === undefined ? 'enter a number' : check(typed);
          setProblem(found);
          if (!found) onChange(typed);
        }}
        // An invalid draft stays (with its problem) until it is fixed; a valid one gives way to the YAML.
        onBlur={() => {
          if (!problem) setDraft(undefined);
        }}
      />
      {problem && (
        <small id={problemId} className="field-invalid">
          Not written yet: {problem}
        </small>
      )}
    </>
  );
}

/** A list of scalars (hosts, exportTo, …): edit, add, remove, reorder. */
export function ScalarList({
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
    <fieldset className="field-list-scalar" data-path={formatPath(path)}>
      <legend>{label}</legend>
      {items.map((item, i) => (
        <div className="list-row" key={i} data-path={formatPath([...path, i])}>
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

export function ListButtons({
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
export function MapEditor({
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
            aria-label={`Remove ${k} from ${label}`}
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

/** The value a newly added field starts with. */
export function emptyValue(info: FieldInfo): unknown {
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
