import { useViewValue, useWorkbench } from '../../store';
import { DesignsButton } from './DesignsButton';
import { IstioVersionSelect } from './IstioVersionSelect';
import { ThemeSelect } from './ThemeSelect';
import { Workspace } from './Workspace';

interface PresentationProps {
  /** A shared design (from a link), or one of the user's designs being edited in another tab. */
  mode: 'shared' | 'follow';
  /** "Edit a copy" of a shared design; "Edit here" for one edited in another tab. */
  onEdit: () => void;
}

/**
 * A design shown read-only: its graph, its YAML and its problems. A shared design becomes one of
 * the user's designs with "Edit a copy"; one edited in another tab can be taken over here.
 */
export function Presentation({ mode, onEdit }: PresentationProps) {
  // (Counted once a large design just landed is read here: see View.reading.)
  const resources = useViewValue((v) => (v.reading ? undefined : v.current.bundle.resources.length));
  const name = useWorkbench((w) => w.card?.name);
  const count =
    resources === undefined ? 'reading…' : `${resources} ${resources === 1 ? 'resource' : 'resources'}`;
  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Egress Studio</h1>
        <p className="presentation-note">
          {mode === 'shared'
            ? `A shared design (${count}), read-only.`
            : `"${name}" (${count}), read-only here: it is being edited in another tab.`}
        </p>
        <div className="toolbar" role="toolbar" aria-label={mode === 'shared' ? 'Shared design' : 'Design'}>
          <button type="button" className="button-primary" onClick={onEdit}>
            {mode === 'shared' ? 'Edit a copy' : 'Edit here'}
          </button>
          {mode === 'follow' && <DesignsButton />}
          <IstioVersionSelect />
          <ThemeSelect />
        </div>
      </header>
      <Workspace inspector={false} />
    </div>
  );
}
