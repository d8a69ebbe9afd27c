import { LineIndex, type PathSegment } from '../bundle';
import { identify } from './classify';
import { unsafeNames } from './safety';
import type { ImportedResource, ImportProblem } from './types';

/** Where a field sits in the file: the offset of its key or of its value. */
export type Locator = (path: readonly PathSegment[], target: 'key' | 'value') => number;

/** An object found in a file, and how to find its fields in the file's text. */
export interface PlacedObject {
  value: Record<string, unknown>;
  /** Path from the root of the document (or JSON text) to the object. */
  path: PathSegment[];
  /** Locates paths from that same root. */
  locate: Locator;
}

/** How an object will be written: its YAML document, and whether that is known to read back as it. */
export interface ObjectDocument {
  /** The document's text, ending in a newline, without a `---` marker. */
  text: string;
  /**
   * True when the text is known to parse to the object: the author's own text (with only whole
   * comment lines or a bare marker line changed) or a print already read back. Others are read
   * back before the import is accepted.
   */
  verified: boolean;
}

/** An object the import adds: where it came from, the value it must read back as, its document. */
export interface AddedObject extends ImportedResource {
  value: Record<string, unknown>;
  document: ObjectDocument;
}

/**
 * What reading one file produced: problems that block the import, notes, and the objects to
 * add, each in a document of its own (a List is expanded, so documents and objects pair up).
 */
export class FileReport {
  readonly problems: ImportProblem[] = [];
  readonly notes: ImportProblem[] = [];
  readonly objects: AddedObject[] = [];
  private readonly removedFields = new Set<string>();
  private cleanedObjects = 0;
  private lineIndex: LineIndex | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  /** 1-based line and column of an offset in the file. */
  position(offset: number): { line: number; column: number } {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex.positionAt(offset);
  }

  /**
   * Records a problem that blocks the import, at an offset of the file. Without an offset the
   * message is about the whole file and should read on from its name (`is nested too deeply`).
   */
  problem(message: string, offset?: number): void {
    this.problems.push(this.at(message, offset));
  }

  /** Records a remark for the user, at an offset of the file (without one, as for {@link problem}). */
  note(message: string, offset?: number): void {
    this.notes.push(this.at(message, offset));
  }

  /** Counts an object from which server-set fields were removed (summed up by {@link finish}). */
  cleaned(removed: string[]): void {
    if (removed.length === 0) return;
    this.cleanedObjects++;
    for (const field of removed) this.removedFields.add(field);
  }

  /**
   * Checks an object's names and records it as added, with its document and the value that
   * document must read back as. Refuses (with problems recorded) when a name is unsafe. An object
   * without apiVersion or kind is kept, with a note, unless it carries mesh config as the model
   * reads it.
   */
  add(placed: PlacedObject, value: Record<string, unknown>, document: ObjectDocument): void {
    const findings = unsafeNames(placed.value);
    for (const finding of findings) {
      this.problem(finding.message, placed.locate([...placed.path, ...finding.path], finding.target));
    }
    if (findings.length > 0) return;
    const identity = identify(placed.value);
    const offset = placed.locate(placed.path, 'value');
    const { line } = this.position(offset);
    const { ref, kind, egress } = identity;
    this.objects.push({ ref, kind, egress, file: this.file, line, value, document });
    if (identity.untyped && !identity.egress) {
      this.note(
        'this document has no apiVersion and kind, so it is not a Kubernetes object; ' +
          'it is kept, and the Problems list will flag it',
        offset,
      );
    }
  }

  /** Adds the notes that sum up the whole file. */
  finish(): void {
    if (this.cleanedObjects === 0) return;
    const objects = this.cleanedObjects === 1 ? 'one object' : `${this.cleanedObjects} objects`;
    this.note(
      `had fields the cluster sets (${[...this.removedFields].join(', ')}) removed from ${objects}: ` +
        'they describe a live object, not a design',
    );
  }

  // Without a place, a message is a predicate about the whole file, so the file becomes its subject.
  private at(message: string, offset: number | undefined): ImportProblem {
    if (offset === undefined) return { file: this.file, message: `${this.file} ${message}` };
    return { file: this.file, ...this.position(offset), message };
  }
}
