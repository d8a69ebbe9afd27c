// Export paths become file names on the user's disk and entries in a zip, so they are built only
// from `[a-z0-9._-]` segments: no `..`, no absolute paths, no separators or characters that a
// file system or a shell could read differently. Valid Kubernetes names already fit; anything else
// (an invalid name the analyzer flags anyway) is sanitised rather than trusted.

// Long enough for any valid name (253) plus the kind; short of the usual 255-byte file name limit.
const MAX_SEGMENT = 200;

/** A path segment from free text: lower case, `[a-z0-9._-]` only, no leading dot, never empty. */
export function safeSegment(text: string, fallback = 'unnamed'): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+/, '')
    .slice(0, MAX_SEGMENT)
    .replace(/[-.]+$/, '');
  return cleaned === '' ? fallback : cleaned;
}

/**
 * A folder name from free text: a {@link safeSegment} that is also no Windows device name (`con`,
 * `nul`, ... are valid namespaces, but Windows refuses them as folders). File names need no such
 * care: they always start with a kind.
 */
export function safeFolder(text: string): string {
  const segment = safeSegment(text);
  return WINDOWS_DEVICE_NAMES.test(segment) ? `${segment}_` : segment;
}

const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/;

/** `ServiceEntry` → `service-entry`, `HTTPRoute` → `http-route`: a kind as a file-name prefix. */
export function kebabKind(kind: string): string {
  const words = kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2');
  return safeSegment(words, 'unknown');
}

/**
 * Hands out unique paths: the first request for a path gets it as asked, later ones get a `-2`,
 * `-3`, ... suffix before the extension. Comparison ignores case, so the files also stay apart on
 * case-insensitive file systems (macOS, Windows) and in zip tools that fold case.
 */
export class PathRegistry {
  private readonly taken = new Set<string>();

  /** Reserves `path` (or a suffixed variant of it) and returns what was reserved. */
  claim(path: string): string {
    const dot = path.lastIndexOf('.');
    const slash = path.lastIndexOf('/');
    const [stem, extension] = dot > slash + 1 ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
    let candidate = path;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${extension}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
