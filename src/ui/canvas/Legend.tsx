import { lazy, Suspense, useRef, useState } from 'react';

// The dialog is read once in a while: it loads when first opened, not with the canvas.
const LegendDialog = lazy(() => import('./LegendDialog').then((m) => ({ default: m.LegendDialog })));

/** A button on the canvas that opens what the edges' styles and icons mean. */
export function LegendButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    // Back where the person was, as a dialog that closes itself would leave them.
    button.current?.focus();
  };
  return (
    <>
      <button ref={button} type="button" className="legend-button" onClick={() => setOpen(true)}>
        Legend
      </button>
      {open && (
        <Suspense fallback={null}>
          <LegendDialog onClose={close} />
        </Suspense>
      )}
    </>
  );
}
