/** The designer's panes in reading order (DESIGN.md §3 region names). */
const PANES = ['Egress graph', 'Inspector', 'YAML editor', 'Problems'] as const;
type PaneName = (typeof PANES)[number];

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [href], [tabindex]:not([tabindex="-1"]), .native-edit-context';

// Panes whose focus is not an element's (the editor focuses its own input): set by the pane.
const focusers = new Map<PaneName, () => void>();

/** Lets a pane take the focus its own way (Monaco's `editor.focus()`); returns the unregister. */
export function registerPaneFocus(name: PaneName, focus: () => void): () => void {
  focusers.set(name, focus);
  return () => {
    if (focusers.get(name) === focus) focusers.delete(name);
  };
}

function region(name: PaneName): HTMLElement | null {
  return document.querySelector<HTMLElement>(`main section[aria-label="${name}"]`);
}

/**
 * Puts the keyboard focus in a pane: on the first control of its content, or on its collapse
 * button when it is collapsed or has none. Returns whether it could.
 */
export function focusPane(name: PaneName): boolean {
  const pane = region(name);
  if (!pane) return false;
  const body = pane.querySelector<HTMLElement>('.pane-body:not([hidden])');
  const own = focusers.get(name);
  if (own && body) {
    own();
    return true;
  }
  // The first control that takes the focus: one inside a closed <details>, say, does not.
  const candidates = [
    ...(body?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []),
    ...pane.querySelectorAll<HTMLElement>(FOCUSABLE),
  ];
  return candidates.some((target) => {
    target.focus();
    return document.activeElement === target;
  });
}

/**
 * F6 and Shift+F6 move the focus to the next or previous pane, as in desktop applications and
 * browsers: the way between panes that does not depend on where each pane sits in the page.
 */
export function cyclePanes(backwards: boolean): void {
  const active = document.activeElement;
  const current = PANES.findIndex((name) => region(name)?.contains(active));
  const step = backwards ? -1 : 1;
  for (let i = 1; i <= PANES.length; i++) {
    const next = PANES[(current + step * i + PANES.length * 2) % PANES.length]!;
    if (focusPane(next)) return;
  }
}
