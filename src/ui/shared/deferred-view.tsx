import { memo, type ComponentType } from 'react';

import { useDeferredView, type View } from '../../store';

/**
 * A pane drawn from the deferred view (see `useDeferredView`): the wrapper alone re-renders in an
 * edit's urgent render, handing the pane the same view as before, so the pane waits for the
 * background render instead of costing the frame that shows the edit in the YAML.
 */
export function withDeferredView<P extends object>(
  Pane: ComponentType<P & { view: View }>,
): ComponentType<P> {
  const Shown = memo(Pane) as ComponentType<P & { view: View }>;
  function Deferred(props: P) {
    return <Shown {...props} view={useDeferredView()} />;
  }
  Deferred.displayName = `Deferred(${Pane.displayName ?? Pane.name})`;
  return Deferred;
}
