import { mergeImport } from '../../core/import';
import type { ChangeOrigin, StudioState } from '../../store';

/**
 * Adds a bundle's resources to the design (a scenario or an import merged in) as one undo step;
 * a resource the design already has (same kind, namespace and name) is replaced by the new one.
 * Returns the refs replaced. (Here rather than in the store so the import code loads with the
 * dialogs, not before the first graph.)
 */
export function mergeInto(state: StudioState, incoming: string, origin: ChangeOrigin): string[] {
  const merged = mergeImport(state.text, incoming);
  state.setText(merged.text, origin);
  return merged.replaced;
}
