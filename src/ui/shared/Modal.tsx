import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalProps {
  /** The dialog's heading, which is also its accessible name. */
  title: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog (the platform's own `<dialog>`: focus moves in and stays in, Escape closes it,
 * the page behind is inert), titled by its heading, with a Close button.
 */
export function Modal({ title, onClose, className, children }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useId();
  // No close() on cleanup: unmounting removes the dialog from the page anyway, and closing it would
  // fire its close event, which React's development double-run of effects took for the user's.
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={heading}
      onClose={onClose}
      className={`modal${className ? ` ${className}` : ''}`}
    >
      <header className="modal-head">
        <h2 id={heading}>{title}</h2>
        <button type="button" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
