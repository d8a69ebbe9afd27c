import { lazy, Suspense } from 'react';

import { useWorkbench, useWorkbenchApi } from '../../store';

// The list loads when first opened: not needed for the first graph.
const DesignsDialog = lazy(() =>
  import('../travel/DesignsDialog').then((m) => ({ default: m.DesignsDialog })),
);

/**
 * The toolbar's "Designs": the list of the user's designs. Absent where designs are kept in Web
 * Storage (no IndexedDB): there is one design there.
 */
export function DesignsButton() {
  const library = useWorkbench((w) => w.designs !== undefined);
  const open = useWorkbench((w) => w.listShown);
  const { showList } = useWorkbenchApi().getState();
  if (!library) return null;
  return (
    <>
      <button type="button" onClick={() => showList(true)}>
        Designs
      </button>
      <Suspense fallback={null}>{open && <DesignsDialog onClose={() => showList(false)} />}</Suspense>
    </>
  );
}
