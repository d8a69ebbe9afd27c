/**
 * Focuses the form control of a field path (`spec.ports[0].name`) inside a resource form, or of
 * its nearest enclosing field when the path has none (a problem about a missing field points at
 * where it would go), opening the collapsed groups on the way and scrolling it into view.
 */
export function focusField(form: HTMLElement, path: string): void {
  let target: HTMLElement | null = null;
  for (let at = path; at && !target; at = parentPath(at)) {
    target = fieldElement(form, at);
  }
  openGroupsAround(target);
  focusControl(
    target?.querySelector<HTMLElement>('input, select, textarea, summary, button') ?? target ?? form,
  );
}

/**
 * Focuses the first input of a field or list item just added (by its formatted path), opening its
 * group: the user types on where they added it. A group with no input yet focuses its first control.
 */
export function focusAddedField(container: HTMLElement, path: string): void {
  const target = fieldElement(container, path);
  const control =
    target?.querySelector<HTMLElement>('input, select, textarea') ??
    target?.querySelector<HTMLElement>('summary, button');
  if (!control) return;
  openGroupsAround(control);
  focusControl(control);
}

function fieldElement(container: HTMLElement, path: string): HTMLElement | null {
  return container.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
}

function openGroupsAround(target: HTMLElement | null | undefined): void {
  for (let group = target?.closest('details'); group; group = group.parentElement?.closest('details')) {
    group.open = true;
  }
}

function focusControl(control: HTMLElement): void {
  control.scrollIntoView?.({ block: 'nearest' });
  control.focus();
}

/** `spec.ports[0].name` → `spec.ports[0]` → `spec.ports` → `spec` → ``. */
function parentPath(path: string): string {
  const index = /\[\d+\]$/.exec(path);
  if (index) return path.slice(0, index.index);
  const dot = path.lastIndexOf('.');
  return dot === -1 ? '' : path.slice(0, dot);
}
