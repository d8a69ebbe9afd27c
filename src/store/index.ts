export { createStudio } from './studio';
export type { ChangeOrigin, FieldRef, Point, Studio, StudioOptions, StudioState, TextEdit } from './studio';
export type { Blocked, Derived, View } from './derived';
export { StudioContext, useHistory, useStudio, useStudioApi, useView, useViewValue } from './hooks';
export { STORAGE_KEY } from './persistence';
export type { DrawnGraph } from './persistence';
export { problemCounts } from './problem-counts';
export type { ProblemCounts } from './problem-counts';
