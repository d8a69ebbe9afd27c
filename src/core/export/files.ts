/** One file of an export: a relative path (always `/`-separated, safe) and its text. */
export interface ExportFile {
  path: string;
  text: string;
}

/** The kustomize entry point at the root of a split export. */
export const KUSTOMIZATION_PATH = 'kustomization.yaml';

/**
 * Joins exported files into one multi-document YAML text, in the order given, with a `---` line
 * between files (a file that already starts with its own `---` gets none). The root
 * `kustomization.yaml` is left out: it is kustomize's index of the files, not part of the design,
 * so `parseBundle(joinFiles(splitBundle(b)))` holds the same resources as `b`.
 */
export function joinFiles(files: readonly ExportFile[]): string {
  let joined = '';
  for (const file of files) {
    if (file.path === KUSTOMIZATION_PATH || file.text.trim() === '') continue;
    if (joined !== '' && !startsWithMarker(file.text)) joined += '---\n';
    joined += withFinalNewline(file.text);
  }
  return joined;
}

/** The text ending in exactly the newline it had, or one added when it had none. */
export function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** True when the text opens with a `---` document marker line. */
export function startsWithMarker(text: string): boolean {
  return /^---(?:[ \t\r\n]|$)/.test(text);
}
