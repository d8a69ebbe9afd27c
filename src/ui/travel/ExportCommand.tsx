/** A shell command the user runs after an export, shown as code with a button that copies it. */
export function ExportCommand({
  label,
  command,
  onCopy,
}: {
  label: string;
  command: string;
  onCopy: (what: string, value: string) => Promise<void>;
}) {
  return (
    <div className="export-command">
      <span>{label}:</span>
      <code>{command}</code>
      <button
        type="button"
        aria-label={`Copy the command: ${label}`}
        onClick={() => void onCopy('The command is', command)}
      >
        Copy
      </button>
    </div>
  );
}
