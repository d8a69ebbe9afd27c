/**
 * One file (or pasted text) to import: raw bytes from a file, or text the user pasted. A reader
 * may stop just past the size limit to spare memory; it then passes the file's full `size`, so
 * the refusal can say how big the file really is.
 */
export type ImportInput = { name: string; bytes: Uint8Array; size?: number } | { name: string; text: string };

/**
 * A problem or remark about one input. `file` is the input's name made safe to show (one line,
 * no control characters); `line` and `column` are 1-based and point into that input.
 */
export interface ImportProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** A Kubernetes object the import adds, and where it came from. */
export interface ImportedResource {
  /** `Kind/namespace/name` (or `Kind/name` when cluster-scoped), as the bundle will name it. */
  ref: string;
  kind: string;
  /** True for what an egress design is made of: Istio networking kinds, namespaces, mesh config. */
  egress: boolean;
  file: string;
  /** 1-based line in `file` where the object starts. */
  line: number;
}

/** The import was refused: the design must not change. Every problem names its file. */
export interface RejectedImport {
  ok: false;
  problems: ImportProblem[];
}

/** The import can go ahead: `text` is the YAML to add (or to replace the design with). */
export interface AcceptedImport {
  ok: true;
  /** YAML documents joined by `---`, each file's first one under a `# Imported from <file>` line. */
  text: string;
  /** Every object in `text`, in order. */
  resources: ImportedResource[];
  /** The objects of `resources` that are not egress-related: kept in `text`, listed for the user. */
  others: ImportedResource[];
  /** Remarks that do not block the import: a List expanded, JSON converted, server fields removed. */
  notes: ImportProblem[];
}

/** What {@link prepareImport} decided. */
export type ImportResult = RejectedImport | AcceptedImport;
