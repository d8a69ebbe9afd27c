import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

interface AddMenuProps<Id extends string> {
  /** The palette's actions, by id and accessible name. */
  items: readonly { id: Id; label: string }[];
  /** The action whose form is open, if any. */
  open: Id | undefined;
  onChoose: (id: Id) => void;
  disabled: boolean;
}

/**
 * The palette as one toolbar button, `Add`, opening a menu of its actions (WAI-ARIA menu button:
 * arrow keys move, Enter chooses, Escape closes and returns to the button).
 */
export function AddMenu<Id extends string>({ items, open, onChoose, disabled }: AddMenuProps<Id>) {
  const [expanded, setExpanded] = useState(false);
  const [first, setFirst] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const entries = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!expanded) return;
    entries()[first]?.focus();
    // A click anywhere else closes it.
    const away = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setExpanded(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [expanded, first]);

  const openAt = (index: number) => {
    setFirst(index);
    setExpanded(true);
  };
  const close = () => {
    setExpanded(false);
    button.current?.focus();
  };
  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : items.length - 1);
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const all = entries();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const to = (index: number) => all[(index + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') to(at + 1);
    else if (event.key === 'ArrowUp') to(at - 1);
    else if (event.key === 'Home') to(0);
    else if (event.key === 'End') to(all.length - 1);
    else if (event.key === 'Escape') close();
    else if (event.key === 'Tab') setExpanded(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  return (
    <span className="menu-button">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={expanded}
        aria-controls={expanded ? menuId : undefined}
        disabled={disabled}
        onClick={() => (expanded ? setExpanded(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        Add <span aria-hidden="true">▾</span>
      </button>
      {expanded && (
        <div ref={menu} id={menuId} role="menu" aria-label="Add" className="menu" onKeyDown={onMenuKey}>
          {items.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-current={open === id ? 'true' : undefined}
              onClick={() => {
                setExpanded(false);
                onChoose(id);
              }}
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
