// Shared by the guard's tests in core and the CLI: a step of the engine made to throw, as a bug in
// it would, until the test restores its mocks.
import { vi, type MockInstance } from 'vitest';

/** Makes `module[step]` throw `error` each time it is called. */
export function failing<T extends object>(
  module: T,
  step: keyof T & string,
  error: unknown = new Error(`${step} broke`),
): MockInstance {
  const spy = vi.spyOn(module as Record<string, () => unknown>, step);
  return spy.mockImplementation(() => {
    throw error;
  });
}
