import { useStudio } from '../../store';

/** On an empty design's canvas: the three ways to start. */
export function EmptyDesignHint() {
  // Not `trim()`: that copies the whole text, on every keystroke of a large design.
  const empty = useStudio((s) => !/\S/.test(s.text));
  if (!empty) return null;
  return (
    <div className="empty-hint" role="note" aria-label="How to start">
      <p className="empty-hint-title">An empty design</p>
      <p>
        Start with <strong>Add</strong> (an external service, a client namespace), open a ready-made design
        from <strong>Scenarios</strong>, or bring your own YAML with <strong>Import</strong>.
      </p>
    </div>
  );
}
