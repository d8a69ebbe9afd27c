/** The file name of the single-file export. */
export const BUNDLE_FILE_NAME = 'egress-bundle.yaml';

/** What an export produced: one multi-document file, or a kustomize directory (the unzipped zip). */
export type ApplyTarget = { kind: 'file'; fileName: string } | { kind: 'kustomize'; dir: string };

/**
 * The `kubectl` command that applies an export: `kubectl apply -f egress-bundle.yaml` for the
 * single file, `kubectl apply -k <dir>` for the split layout. The path is quoted for a POSIX
 * shell when it holds anything beyond plain path characters (spaces, quotes, `$`, ...).
 */
export function applyCommand(target: ApplyTarget): string {
  return target.kind === 'file'
    ? `kubectl apply -f ${shellQuote(target.fileName)}`
    : `kubectl apply -k ${shellQuote(target.dir)}`;
}

/**
 * A word for a POSIX shell: as is when it holds only characters no shell treats specially,
 * otherwise in single quotes (inside which nothing is special), each `'` written as `'\''`.
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./@%+=:,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
