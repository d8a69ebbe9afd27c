import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';

import type { Diagnostic, LineIndex } from '../../core';

/** Rows drawn beyond either edge of the list's view, so a short scroll shows no blank rows. */
const OVERSCAN = 12;
/** A problem's row before it is measured: one line of text (rows wrap when the pane is narrow). */
const ROW_ESTIMATE_PX = 24;

/**
 * The problems, worst first, as rows of buttons. Only the rows in view are drawn (a large design
 * has thousands of problems, and every row drawn costs each frame of typing elsewhere); arrow keys,
 * Page Up/Down, Home and End move between rows, so every problem is reachable by keyboard.
 */
export function ProblemList({
  problems,
  keys,
  lines,
  onOpen,
}: {
  problems: readonly Diagnostic[];
  keys: readonly string[];
  lines: LineIndex;
  onOpen: (problem: Diagnostic) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer hands out new functions as it measures: nothing here memoises them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: problems.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN,
    getItemKey: (index) => keys[index] ?? index,
  });

  const moveFocus = (event: KeyboardEvent<HTMLUListElement>) => {
    const from = Number((event.target as HTMLElement).closest('li')?.dataset.index);
    if (!Number.isInteger(from)) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / ROW_ESTIMATE_PX) - 1);
    const last = problems.length - 1;
    const to = {
      ArrowDown: Math.min(last, from + 1),
      ArrowUp: Math.max(0, from - 1),
      PageDown: Math.min(last, from + page),
      PageUp: Math.max(0, from - page),
      Home: 0,
      End: last,
    }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    rows.scrollToIndex(to, { align: 'auto' });
    // The row may only be drawn in the next frame.
    const focus = (tries: number) => {
      const button = scroller.current?.querySelector<HTMLElement>(`li[data-index="${to}"] button`);
      if (button) button.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(3);
  };

  return (
    <div ref={scroller} className="problem-scroller">
      <ul
        className="problem-list"
        style={{ height: rows.getTotalSize() }}
        onKeyDown={moveFocus}
        aria-label={`${problems.length.toLocaleString('en')} problems`}
      >
        {rows.getVirtualItems().map((row) => {
          const d = problems[row.index]!;
          const at = lines.positionAt(d.range.start);
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={rows.measureElement}
              aria-setsize={problems.length}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <button type="button" className={`problem problem-${d.severity}`} onClick={() => onOpen(d)}>
                <span className="problem-severity">{d.severity}</span>
                <span className="problem-code">{d.code}</span>
                <span className="problem-message">{d.message}</span>
                <span className="problem-where">
                  {d.resource ?? 'YAML'} · line {at.line}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
