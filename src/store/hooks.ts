import { createContext, useContext, useDeferredValue, type Context } from 'react';
import { useStore } from 'zustand';

import type { View } from './derived';
import type { PreferencesState, PreferencesStore } from './preferences';
import type { Studio, StudioState } from './studio';
import type { Workbench, WorkbenchState } from './workbench';

/** The studio the app runs on (provided once at the root). */
export const StudioContext = createContext<Studio | undefined>(undefined);

/** The workbench: the designs of the library and which one this tab shows (provided at the root). */
export const WorkbenchContext = createContext<Workbench | undefined>(undefined);

/** Reads the workbench through a selector (a primitive or an existing reference). */
export function useWorkbench<T>(selector: (state: WorkbenchState) => T): T {
  return useStore(useProvided(WorkbenchContext, 'The workbench'), selector);
}

/** The workbench itself, for its actions. */
export function useWorkbenchApi(): Workbench {
  return useProvided(WorkbenchContext, 'The workbench');
}

/** The value a root provider gives; a component outside it is a programming error. */
function useProvided<T>(context: Context<T | undefined>, name: string): T {
  const value = useContext(context);
  if (!value) throw new Error(`${name} is read outside its provider`);
  return value;
}

function useStudioInstance(): Studio {
  return useProvided(StudioContext, 'The studio');
}

/** Reads the store through a selector; it must return a primitive or an existing reference. */
export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(useStudioInstance().store, selector);
}

/**
 * The derived view of the current text (the same object until the text or target release changes).
 * Subscribed to as a value: a keystroke in a large design, whose view stays the pending one until
 * the worker's derivation lands, renders nothing again.
 */
export function useView(): View {
  return useViewValue(itself);
}

const itself = (view: View) => view;

/**
 * The derived view for panes that may show an edit a moment after the YAML does (the graph, the
 * inspector, the problems list): React draws them again in the background, after the urgent render,
 * so an edit's first frame carries the YAML, its markers and the input being edited.
 */
export function useDeferredView(): View {
  return useDeferredValue(useView());
}

/**
 * One value computed from the derived view: the component re-renders only when that value changes,
 * not on every edit (so `select` must return a primitive or an existing reference).
 */
export function useViewValue<T>(select: (view: View) => T): T {
  const studio = useStudioInstance();
  return useStore(studio.store, (s) =>
    select(studio.derived.of(s.text, s.istioVersion, s.change, s.expanded)),
  );
}

/** Whether there is a step to undo and to redo. */
export function useHistory(): { canUndo: boolean; canRedo: boolean } {
  const { store } = useStudioInstance();
  const canUndo = useStore(store.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (t) => t.futureStates.length > 0);
  return { canUndo, canRedo };
}

/** The studio itself, for actions and one-off reads (e.g. the editor's own synchronisation). */
export function useStudioApi(): Studio {
  return useStudioInstance();
}

/** The user's preferences for the app (theme, panes), provided once at the root. */
export const PreferencesContext = createContext<PreferencesStore | undefined>(undefined);

function usePreferencesInstance(): PreferencesStore {
  return useProvided(PreferencesContext, 'The preferences');
}

/** Reads the preferences through a selector (a primitive or an existing reference). */
export function usePreferences<T>(selector: (state: PreferencesState) => T): T {
  return useStore(usePreferencesInstance(), selector);
}

/** The preferences store, for its actions. */
export function usePreferencesApi(): PreferencesStore {
  return usePreferencesInstance();
}
