import type { Resource } from '../../core';
import { locateOffset, type LoadedFile } from '../load';

/** How many of the resources left alone the note names; the rest are counted. */
const MAX_LISTED = 10;

/**
 * The note `validate` ends its text output with (on stderr): the resources of kinds the product
 * does not model, which it kept as written and checked only for YAML and the basic object shape.
 * Empty when there are none.
 */
export function formatUnmodelledNote(resources: readonly Resource[], files: LoadedFile[]): string {
  if (resources.length === 0) return '';
  const count = resources.length === 1 ? '1 resource' : `${resources.length} resources`;
  const lines = resources.slice(0, MAX_LISTED).map((r) => {
    const at = locateOffset(files, r.document.start + (r.node.range?.[0] ?? 0));
    return `  ${r.ref} (${r.apiVersion || 'no apiVersion'}) at ${at.file}:${at.line}`;
  });
  if (resources.length > MAX_LISTED) lines.push(`  … and ${resources.length - MAX_LISTED} more`);
  return `note: not modelled, kept as is (only YAML and apiVersion, kind and name checked): ${count}\n${lines.join('\n')}\n`;
}
