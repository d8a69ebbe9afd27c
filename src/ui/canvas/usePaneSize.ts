import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The size of an element, measured before the first paint and again whenever it changes (a window
 * resize, a splitter, a pane collapsed): the canvas picks the way it draws the graph by it.
 */
export function usePaneSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const { clientWidth: width, clientHeight: height } = element;
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
