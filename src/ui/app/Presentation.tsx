import { useViewValue } from '../../store';
import { IstioVersionSelect } from './IstioVersionSelect';
import { ThemeSelect } from './ThemeSelect';
import { Workspace } from './Workspace';

/**
 * A shared design, presented read-only: its graph, its YAML and its problems. "Edit a copy" makes
 * it the user's own design (their previous one stays one Undo away).
 */
export function Presentation({ onEditCopy }: { onEditCopy: () => void }) {
  const resources = useViewValue((v) => v.current.bundle.resources.length);
  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Egress Studio</h1>
        <p className="presentation-note">
          A shared design ({resources} {resources === 1 ? 'resource' : 'resources'}), read-only.
        </p>
        <div className="toolbar" role="toolbar" aria-label="Shared design">
          <button type="button" className="button-primary" onClick={onEditCopy}>
            Edit a copy
          </button>
          <IstioVersionSelect />
          <ThemeSelect />
        </div>
      </header>
      <Workspace inspector={false} />
    </div>
  );
}
