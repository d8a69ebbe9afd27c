import { useCallback, useState } from 'react';

import { savedToggle } from './saved-toggle';

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
