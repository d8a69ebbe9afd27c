import { memo, useEffect, useMemo, useRef } from 'react';

import { formatPath, networkingKindOf, type Diagnostic, type PathSegment, type Resource } from '../../core';
import { useStudio, useStudioApi } from '../../store';
import { ObjectFields, type FieldActions } from './FieldEditor';
import { focusField } from './focus-field';
import { MapEditor } from './inputs';

/**
 * The form of one resource, generated from the field catalogue: the fields it has, and any other
 * the kind allows. Every edit is a field edit of this resource's document only, so comments, key
 * order and fields the form does not show survive.
 */
export const ResourceForm = memo(ResourceFormView, sameForm);

interface ResourceFormProps {
  resource: Resource;
  diagnostics: Diagnostic[];
  readOnly: boolean;
}

/**
 * Whether a form would draw the same: the same object (an edit elsewhere in the text moves a
 * resource without parsing it again, so its value stays the same object) with the same problems.
 * The form reads neither where its document sits nor other resources' problems.
 */
function sameForm(a: ResourceFormProps, b: ResourceFormProps): boolean {
  return (
    a.readOnly === b.readOnly &&
    a.resource.id === b.resource.id &&
    a.resource.ref === b.resource.ref &&
    a.resource.kind === b.resource.kind &&
    a.resource.value === b.resource.value &&
    problemsKey(a.diagnostics, a.resource.ref) === problemsKey(b.diagnostics, b.resource.ref)
  );
}

function problemsKey(diagnostics: Diagnostic[], ref: string): string {
  return problemsText(diagnostics.filter((d) => d.resource === ref));
}

/** What problems say, as one string: equal strings, equal problems. */
function problemsText(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.severity} ${d.code} ${d.path} ${d.message}`).join('\n');
}

function ResourceFormView({ resource, diagnostics, readOnly }: ResourceFormProps) {
  const { store } = useStudioApi();
  const istioVersion = useStudio((s) => s.istioVersion);
  // The same while edits do the same thing (same resource, release, read-only state): fields
  // compare it rather than the actions, which are rebuilt with each edit's problems.
  const owner = useMemo(
    () => ({ resource: resource.id, readOnly, istioVersion }),
    [resource.id, readOnly, istioVersion],
  );
  const actions = useMemo<FieldActions>(() => {
    const own = diagnostics.filter((d) => d.resource === resource.ref);
    return {
      owner,
      readOnly,
      istioVersion,
      set: (path, value) =>
        store
          .getState()
          .editField(resource.id, { kind: 'set', path, value }, `${resource.id}:${formatPath(path)}`),
      // An item typed into a new row: inserting it and typing on in it are one undo step.
      insert: (path, index, value) =>
        store
          .getState()
          .editField(
            resource.id,
            { kind: 'insert', path, index, value },
            `${resource.id}:${formatPath([...path, index])}`,
          ),
      remove: (path) => store.getState().editField(resource.id, { kind: 'delete', path, prune: true }),
      problemsAt: (path: PathSegment[]) => {
        const at = formatPath(path);
        return own.filter((d) => d.path === at);
      },
      problemKey: (path: PathSegment[]) => {
        const at = formatPath(path);
        return problemsText(
          own.filter((d) => d.path === at || d.path?.startsWith(`${at}.`) || d.path?.startsWith(`${at}[`)),
        );
      },
    };
  }, [store, owner, resource.id, resource.ref, diagnostics, readOnly, istioVersion]);

  // A clicked problem of this resource: focus its field.
  const form = useRef<HTMLFormElement>(null);
  const request = useStudio((s) => s.focusRequest);
  useEffect(() => {
    if (!request || request.resource !== resource.ref || !form.current) return;
    focusField(form.current, request.path);
    store.getState().focusTaken();
  }, [request, resource.ref, store]);

  return (
    <form
      ref={form}
      tabIndex={-1}
      className="resource-form"
      aria-label={`Edit ${resource.ref}`}
      onSubmit={(e) => e.preventDefault()}
    >
      <MetadataFields resource={resource} actions={actions} />
      {/* The catalogue knows the specs of Istio's networking kinds; other kinds show their metadata. */}
      {networkingKindOf(resource) && (
        <ObjectFields
          kind={resource.kind}
          specPath={[]}
          path={['spec']}
          value={resource.value['spec']}
          actions={actions}
        />
      )}
    </form>
  );
}

/** Labels and annotations (owners, selectors' targets): any kind has them. */
function MetadataFields({ resource, actions }: { resource: Resource; actions: FieldActions }) {
  const metadata = resource.value['metadata'];
  const field = (key: string) =>
    typeof metadata === 'object' && metadata !== null
      ? (metadata as Record<string, unknown>)[key]
      : undefined;
  return (
    <details className="field-group" data-path="metadata">
      <summary>Labels and annotations</summary>
      {(['labels', 'annotations'] as const).map((key) => (
        <fieldset key={key} className="list-item" data-path={`metadata.${key}`}>
          <legend>{key === 'labels' ? 'Labels' : 'Annotations'}</legend>
          <MapEditor
            label={key === 'labels' ? 'Labels' : 'Annotations'}
            path={['metadata', key]}
            value={field(key)}
            actions={actions}
          />
        </fieldset>
      ))}
    </details>
  );
}
