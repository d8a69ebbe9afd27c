// Running code with part of the call stack already used: results that change with the stack left
// (a library that catches running out of it, say) are a bug, and only show this way.

function depthLeft(frames: number): number {
  try {
    return depthLeft(frames + 1);
  } catch {
    return frames;
  }
}

let capacity: number | undefined;

/** How many frames of {@link nested} fit on the stack from here (measured once). */
function stackCapacity(): number {
  return (capacity ??= depthLeft(0));
}

function nested<T>(frames: number, run: () => T): T {
  return frames <= 0 ? run() : nested(frames - 1, run);
}

/** `run()` with `share` of the call stack (as measured from the caller) used up first. */
export function onDeeperStack<T>(run: () => T, share = 1 / 3): T {
  return nested(Math.floor(stackCapacity() * share), run);
}
