import { useViewValue } from '../../store';

/** On an empty design's canvas: the three ways to start. */
export function EmptyDesignHint() {
  // Read from the text derived (already whole in memory), not the text typed: a large design's
  // keystroke would make a copy of the whole text just to find it is not blank.
  const empty = useViewValue((v) => !v.pending && !/\S/.test(v.current.bundle.text));
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
