import { useCallback, useState } from 'react';

/**
 * The values a "show" checkbox list has unticked (severities, traffic kinds): the set, and a setter
 * that shows or hides one value.
 */
export function useHiddenSet<T>(): [ReadonlySet<T>, (value: T, shown: boolean) => void] {
  const [hidden, setHidden] = useState<ReadonlySet<T>>(new Set());
  const show = useCallback((value: T, shown: boolean) => {
    setHidden((old) => {
      const next = new Set(old);
      if (shown) next.delete(value);
      else next.add(value);
      return next;
    });
  }, []);
  return [hidden, show];
}
