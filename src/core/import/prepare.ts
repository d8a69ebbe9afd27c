import { splitDocuments } from '../bundle';
import { decodeInput, sanitizeFileName } from './decode';
import { FileReport, type AddedObject } from './file-report';
import { looksLikeJson, readJson } from './read-json';
import { readsAs } from './print';
import { readYaml } from './read-yaml';
import type { ImportedResource, ImportInput, ImportProblem, ImportResult } from './types';

/** More problems than this in one file are summed up in one line: the file is clearly not right. */
export const MAX_PROBLEMS_PER_FILE = 20;

/**
 * Reads files (or pasted text) for import and decides whether they may go into the design.
 *
 * Refused, with every problem of every input (file, line, column), and the design left as it
 * is, when any input:
 * - is over 10 MiB, binary (NUL bytes), or neither UTF-8 nor UTF-16 with its byte order mark;
 * - has a YAML or JSON syntax error, or YAML aliases that expand too far (an alias bomb);
 * - has a document that is a list or a plain value rather than a mapping, or a List item that
 *   is not an object;
 * - has a mapping key `__proto__`, `constructor` or `prototype` anywhere;
 * - has markup or control characters (`< > " ' \` &`, C0/C1 controls, line separators,
 *   direction overrides) in `metadata.name`, `metadata.namespace`, a label key or value, or an
 *   annotation key. Names that are merely invalid (uppercase, too long) are accepted: the
 *   validator reports them after the import, in place, where the user can fix them.
 *
 * Accepted otherwise. Objects of any kind are kept; those that are not egress-related are
 * listed in `others`. Noted, without blocking: empty inputs, a `kind: List` (or `*List`)
 * expanded into one document per item, JSON converted to YAML, server-set fields (managedFields,
 * uid, resourceVersion, status, ...) removed from List items, JSON objects and YAML objects that
 * came from a cluster, a document without apiVersion and kind (kept, as the validator will flag
 * it), YAML warnings, an object brought in more than once. YAML the user wrote is copied byte
 * for byte, comments included (only a byte order mark goes, and CRLF line ends become LF).
 *
 * Problems and notes with a line name the file in `file` only; those about a whole input have
 * no line and name the file in the message too (`big.yaml is 12.3 MiB; the limit is 10 MiB`).
 * `formatImportProblem` prints either kind as one line.
 *
 * A text starting with `{` or `[` is read as JSON; if it is not valid JSON but is valid YAML
 * (flow style, `{apiVersion: v1, ...}`) and the name does not end in `.json`, it is read as YAML.
 */
export function prepareImport(inputs: readonly ImportInput[]): ImportResult {
  const problems: ImportProblem[] = [];
  const notes: ImportProblem[] = [];
  const parts: string[] = [];
  const resources: ImportedResource[] = [];
  for (const input of inputs) {
    const file = sanitizeFileName(input.name);
    const decoded = decodeInput(input, file);
    if (!('text' in decoded)) {
      problems.push({
        file,
        ...(decoded.line === undefined ? {} : { line: decoded.line }),
        message: decoded.message,
      });
      continue;
    }
    // One line-break convention for the whole design; lines count the same in every editor.
    const text = decoded.text.replace(/\r\n?/g, '\n');
    if (text.trim() === '') {
      notes.push({ file, message: `${file} is empty; nothing is added from it` });
      continue;
    }
    const report = readFile(file, text);
    problems.push(...capped(report.problems, file));
    notes.push(...report.notes);
    if (report.problems.length > 0) continue;
    if (report.objects.length === 0) {
      notes.push({ file, message: `${file} holds no Kubernetes objects; nothing is added from it` });
      continue;
    }
    const part = `# Imported from ${file}\n${report.objects.map((o) => o.document.text).join('---\n')}`;
    if (!readsBack(part, report.objects)) {
      problems.push({
        file,
        message: `${file} could not be imported without changing its content (an internal check failed)`,
      });
      continue;
    }
    parts.push(part);
    for (const { ref, kind, egress, line } of report.objects)
      resources.push({ ref, kind, egress, file, line });
  }
  if (problems.length > 0) return { ok: false, problems };
  notes.push(...duplicates(resources));
  return {
    ok: true,
    text: parts.join('---\n'),
    resources,
    others: resources.filter((r) => !r.egress),
    notes,
  };
}

/** A note for each ref the import brings more than once (the validator flags it in the bundle). */
function duplicates(resources: ImportedResource[]): ImportProblem[] {
  const byRef = new Map<string, ImportedResource[]>();
  for (const resource of resources) {
    if (resource.ref.includes('(unnamed)')) continue;
    const same = byRef.get(resource.ref);
    if (same) same.push(resource);
    else byRef.set(resource.ref, [resource]);
  }
  return [...byRef.values()]
    .filter((same) => same.length > 1)
    .map(([first, ...rest]) => ({
      file: first!.file,
      line: first!.line,
      message:
        `${first!.ref} is also defined at ${rest.map((r) => `${r.file}:${r.line}`).join(', ')}; ` +
        'the bundle will flag the duplicate',
    }));
}

function readFile(file: string, text: string): FileReport {
  let report = new FileReport(file, text);
  try {
    if (!looksLikeJson(text)) {
      readYaml(report);
    } else if (!readJson(report) && !/\.json$/i.test(file)) {
      // `{apiVersion: v1, kind: Namespace, ...}` is YAML flow style: accept it when YAML reads it cleanly.
      const asYaml = new FileReport(file, text);
      readYaml(asYaml);
      if (asYaml.problems.length === 0) report = asYaml;
    }
  } catch (error) {
    // The readers never mean to throw; should one, the import stops rather than guess.
    report.problem(`could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  report.finish();
  return report;
}

function capped(problems: ImportProblem[], file: string): ImportProblem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return problems;
  const more = problems.length - MAX_PROBLEMS_PER_FILE;
  return [
    ...problems.slice(0, MAX_PROBLEMS_PER_FILE),
    { file, message: `${file} has ${more} more problem${more === 1 ? '' : 's'}` },
  ];
}

/**
 * The guarantee behind the import: the text added splits, as the bundle splits it, into one
 * document per object, and each document parses without errors to exactly its object (cleaned).
 * Documents copied from the author's text are known to; the others are parsed again here.
 */
function readsBack(text: string, objects: AddedObject[]): boolean {
  const chunks = splitDocuments(text);
  if (chunks.length !== objects.length) return false;
  return chunks.every((chunk, i) => objects[i]!.document.verified || readsAs(chunk.text, objects[i]!.value));
}
