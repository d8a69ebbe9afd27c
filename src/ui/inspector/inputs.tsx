import { useEffect, useId, useRef, useState, type RefObject } from 'react';

import { fieldValueProblem, formatPath, type FieldInfo, type PathSegment } from '../../core';
import type { FieldActions } from './FieldEditor';
import { focusAddedField } from './focus-field';

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
  // What the user chose shows at once, before the form is drawn again with it (in the background).
  const [chosen, choose] = useChosen(value);
  if (info.enum) {
    const current = typeof chosen === 'string' ? chosen : '';
    return (
      <select
        id={id}
        value={current}
        aria-describedby={described || undefined}
        disabled={readOnly}
        onChange={(e) => {
          choose(e.target.value);
          onChange(e.target.value);
        }}
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
        checked={chosen === true}
        aria-describedby={described || undefined}
        disabled={readOnly}
        onChange={(e) => {
          choose(e.target.checked);
          onChange(e.target.checked);
        }}
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
 * A value the user just chose, shown until the field's value changes (to it, once the form is drawn
 * again; or to another, from undo or the YAML pane). Returns the value to show and the chooser.
 */
function useChosen(value: unknown): [unknown, (chosen: unknown) => void] {
  const [chosen, setChosen] = useState<{ value: unknown; over: unknown } | undefined>();
  // Once the value moves on, the choice has done its work: an undo back to the old value shows it.
  if (chosen && !Object.is(chosen.over, value)) setChosen(undefined);
  return [chosen ? chosen.value : value, (next) => setChosen({ value: next, over: value })];
}

/**
 * A text or number field that keeps what the user types even while it is not a valid value: such
 * a draft is checked as it is typed, its problem shown beside it, and written only once it is valid.
 * A change from elsewhere (undo, the YAML pane) replaces the draft.
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
  // `over` is the value the draft stands over, `written` the one it wrote: the form is drawn again
  // with that a moment later. Once the field shows any other value (undo, the YAML pane), the draft
  // is stale.
  const [typed, setTyped] = useState<
    { text: string; over: string; written?: string; problem?: string } | undefined
  >();
  // Caught up: from now on the draft stands over what it wrote (an undo back to the old value drops it).
  if (typed?.written === shown && typed.over !== shown) setTyped({ ...typed, over: shown });
  const draft = typed?.over === shown ? typed : undefined;
  const problem = draft?.problem;
  const problemId = `${id}-invalid`;
  return (
    <>
      <input
        id={id}
        type={numeric ? 'number' : 'text'}
        value={draft?.text ?? shown}
        aria-describedby={[problem ? problemId : '', described].filter(Boolean).join(' ') || undefined}
        aria-invalid={problem ? true : undefined}
        readOnly={readOnly}
        onChange={(e) => {
          const text = e.target.value;
          const next = numeric ? (text.trim() === '' ? undefined : Number(text)) : text;
          // An empty string is no value: it is never written (remove the field with its × instead).
          const found = next === undefined ? 'enter a number' : next === '' ? 'enter a value' : check(next);
          if (found) return setTyped({ text, over: shown, problem: found });
          setTyped({ text, over: shown, written: String(next) });
          onChange(next);
        }}
        // An invalid draft stays (with its problem) until it is fixed; a valid one gives way to the YAML.
        onBlur={() => {
          if (!problem) setTyped(undefined);
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

/**
 * Writes a list's items: the one being added is inserted by its first valid value and set in place
 * after that. The list is drawn again with it in the background, so until then the rows still show
 * it as the one being added: its next keys must not insert it again.
 */
export function useItemWriter(
  actions: FieldActions,
  path: PathSegment[],
  count: number,
): (index: number, value: unknown) => void {
  const [inserted, setInserted] = useState<number | undefined>(undefined);
  if (inserted !== undefined && count > inserted) setInserted(undefined);
  return (index, value) => {
    if (index < count || index === inserted) return actions.set([...path, index], value);
    setInserted(index);
    actions.insert(path, index, value);
  };
}

/**
 * A list of scalars (hosts, exportTo, …): edit, add, remove, reorder. An added item is an empty
 * input, focused and written once a valid value is typed; an empty list shows one.
 */
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
  const list = useRef<HTMLFieldSetElement>(null);
  const [added, setAdded] = useState<number | undefined>(undefined);
  const pending = items.length === 0 || added === items.length;
  useFocusAdded(list, added === undefined ? undefined : formatPath([...path, added]));
  // The item being added is the next row: once written it keeps its input (and the focus).
  const rows = pending ? [...items, undefined] : items;
  const writeItem = useItemWriter(actions, path, items.length);
  return (
    <fieldset className="field-list-scalar" data-path={formatPath(path)} ref={list}>
      <legend>{label}</legend>
      {rows.map((item, i) => (
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
            onChange={(next) => writeItem(i, next)}
          />
          <ListButtons
            label={label}
            path={path}
            index={i}
            items={items}
            actions={actions}
            onDiscard={() => setAdded(undefined)}
          />
        </div>
      ))}
      {!pending && (
        <button type="button" disabled={actions.readOnly} onClick={() => setAdded(items.length)}>
          Add to {label}
        </button>
      )}
      {footer}
    </fieldset>
  );
}

/**
 * Once a field or item is added (its formatted path), moves the focus to its first input: the
 * keyboard user types on where they added it.
 */
export function useFocusAdded(container: RefObject<HTMLElement | null>, added: string | undefined): void {
  useEffect(() => {
    if (added !== undefined && container.current) focusAddedField(container.current, added);
  }, [container, added]);
}

/**
 * Move and remove buttons of a list item; an item being added (past the list's end) has only a
 * remove button that drops it from the form, and none when it is all the list shows.
 */
export function ListButtons({
  label,
  path,
  index,
  items,
  actions,
  onDiscard,
}: {
  label: string;
  path: PathSegment[];
  index: number;
  items: unknown[];
  actions: FieldActions;
  onDiscard: () => void;
}) {
  if (index >= items.length) {
    return items.length === 0 ? null : (
      <button type="button" aria-label={`Remove ${label} ${index + 1}`} onClick={onDiscard}>
        ×
      </button>
    );
  }
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
  const list = useRef<HTMLDivElement>(null);
  const [added, setAdded] = useState<string | undefined>(undefined);
  useFocusAdded(list, added === undefined ? undefined : formatPath([...path, added]));
  return (
    <div className="field-list" ref={list}>
      {Object.entries(record).map(([k, v]) => (
        <div className="field" key={k} data-path={formatPath([...path, k])}>
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
              // A label's or annotation's value may be empty: the new key is written, its value focused.
              actions.set([...path, key.trim()], '');
              setAdded(key.trim());
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
