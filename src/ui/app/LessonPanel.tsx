import { useId } from 'react';

import { useStudio, useStudioApi } from '../../store';

/** The opened scenario's title and what it teaches, beside the graph until the user puts it away. */
export function LessonPanel() {
  const { store } = useStudioApi();
  const lesson = useStudio((s) => s.lesson);
  const headingId = useId();
  if (!lesson) return null;
  return (
    <aside className="lesson" aria-labelledby={headingId}>
      <div className="lesson-head">
        <h2 id={headingId}>
          <span className="lesson-kind">Scenario</span> {lesson.title}
        </h2>
        <button type="button" onClick={() => store.getState().dismissLesson()}>
          Dismiss
        </button>
      </div>
      <p>{lesson.summary}</p>
    </aside>
  );
}
