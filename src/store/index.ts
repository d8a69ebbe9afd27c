export { createStudio } from './studio';
export type {
  ChangeOrigin,
  FieldRef,
  Lesson,
  Point,
  Studio,
  StudioOptions,
  StudioState,
  TextEdit,
} from './studio';
export type { Blocked, Derived, View } from './derived';
export {
  PreferencesContext,
  StudioContext,
  useHistory,
  usePreferences,
  usePreferencesApi,
  useStudio,
  useStudioApi,
  useDeferredView,
  useView,
  useViewValue,
  useWorkbench,
  useWorkbenchApi,
  WorkbenchContext,
} from './hooks';
export { createWorkbench } from './workbench';
export type { Workbench, WorkbenchMode, WorkbenchState } from './workbench';
export type { DesignCard, UnreadableCard } from './library';
export { createPreferences, SPLITTERS, THEMES } from './preferences';
export type {
  PaneId,
  PaneSizes,
  Preferences,
  PreferencesState,
  PreferencesStore,
  Splitter,
  Theme,
} from './preferences';
export { STORAGE_KEY } from './persistence';
export type { DrawnGraph } from './persistence';
export { problemCounts } from './problem-counts';
export type { ProblemCounts } from './problem-counts';
