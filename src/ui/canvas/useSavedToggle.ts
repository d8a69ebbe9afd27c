import { useCallback, useState } from 'react';

/** Reads a saved on/off preference; storage that cannot be read gives the default. */
export function savedToggle(key: string, fallback: boolean): boolean {
  try {
    const saved = window.localStorage.getItem(key);
    return saved === null ? fallback : saved === 'on';
  } catch {
    return fallback;
  }
}

/**
 * An on/off preference of the canvas (the minimap), kept in browser storage apart from the design:
 * it belongs to the person, not to what they design.
 */
export function useSavedToggle(key: string, fallback: boolean): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => savedToggle(key, fallback));
  const set = useCallback(
    (value: boolean) => {
      setOn(value);
      try {
        window.localStorage.setItem(key, value ? 'on' : 'off');
      } catch {
        // storage disabled or full: the choice holds until the page closes
      }
    },
    [key],
  );
  return [on, set];
}

/** Where the minimap preference is kept (the first paint reads it too, to fit as the canvas does). */
export const MINIMAP_KEY = 'egress-studio.minimap';
