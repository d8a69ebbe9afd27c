import { useEffect, useState, type RefObject } from 'react';

/** React Flow's key props, switched off (null) or left to its defaults (undefined). */
interface GraphKeys {
  panActivationKeyCode: null | undefined;
  selectionKeyCode: null | undefined;
  multiSelectionKeyCode: null | undefined;
  zoomActivationKeyCode: null | undefined;
}

const OFF: GraphKeys = {
  panActivationKeyCode: null,
  selectionKeyCode: null,
  multiSelectionKeyCode: null,
  zoomActivationKeyCode: null,
};
const DEFAULTS: GraphKeys = {
  panActivationKeyCode: undefined,
  selectionKeyCode: undefined,
  multiSelectionKeyCode: undefined,
  zoomActivationKeyCode: undefined,
};

/**
 * The graph's keys (Space pans, Shift selects, Ctrl zooms), only while the keyboard focus is in
 * the graph or nowhere (a mouse user over the canvas). React Flow listens for them on the whole
 * window and swallows them from any element it does not take for a text input: Monaco's input (an
 * EditContext, not a textarea) lost every space typed, and a `<summary>` could not open with Space.
 */
export function useGraphKeys(graph: RefObject<HTMLElement | null>): GraphKeys {
  const [focusInGraph, setFocusInGraph] = useState(true);
  useEffect(() => {
    const follow = (focused: EventTarget | null) =>
      setFocusInGraph(
        !(focused instanceof Node) || focused === document.body || !!graph.current?.contains(focused),
      );
    const onFocusIn = (event: FocusEvent) => follow(event.target);
    // Focus going nowhere (a click on a blank part of the page, the window left) has no next target.
    const onFocusOut = (event: FocusEvent) => {
      if (!event.relatedTarget) follow(null);
    };
    follow(document.activeElement);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, [graph]);
  return focusInGraph ? DEFAULTS : OFF;
}
