import { isMap, type YAMLMap } from 'yaml';

import { deepEqual, parseOneDocument } from '../bundle';
import { contentEnd, detectLayout, renderYaml } from '../bundle/render';

/**
 * The text of one item of a `kind: List` document as a document of its own: the item's source
 * lines (with the comment lines just above its `-`) moved left by the item's indentation, so its
 * comments, key order and quoting survive. Falls back to printing the item's value when the slice
 * does not read back as the same object (an alias to an anchor in another item, say).
 */
export function listItemText(documentText: string, node: YAMLMap, value: Record<string, unknown>): string {
  const sliced = node.range ? sliceItem(documentText, node) : undefined;
  if (sliced !== undefined && readsAs(sliced, value)) return sliced;
  return `${renderYaml(value, detectLayout(documentText))}\n`;
}

function sliceItem(text: string, node: YAMLMap): string {
  const start = node.range![0];
  let end = contentEnd(node, node.range![1]);
  // A block item's last line may end in a comment, which belongs to the item.
  if (!node.flow) {
    const lineEnd = text.indexOf('\n', end);
    const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
    if (/^\s*(#.*)?$/.test(rest)) end = lineEnd === -1 ? text.length : lineEnd;
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = start - lineStart;
  const body = text
    .slice(start, end)
    .split('\n')
    .map((line, index) => (index === 0 ? line : dedent(line, indent)));
  // A block scalar at the end carries its line break (and blank lines) along: one newline ends the file.
  return `${[...commentsAbove(text, lineStart), ...body].join('\n').trimEnd()}\n`;
}

/** Removes up to `count` leading spaces: deeper lines keep their relative indentation. */
function dedent(line: string, count: number): string {
  let cut = 0;
  while (cut < count && line[cut] === ' ') cut++;
  return line.slice(cut);
}

/** Comment lines directly above the line at `lineStart`, in order, without their indentation. */
function commentsAbove(text: string, lineStart: number): string[] {
  const comments: string[] = [];
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (!line.startsWith('#')) break;
    comments.unshift(line);
    end = start - 1;
  }
  return comments;
}

function readsAs(text: string, value: Record<string, unknown>): boolean {
  const parsed = parseOneDocument(text);
  const [only] = parsed.resources;
  return (
    parsed.problems.every((p) => p.severity !== 'error') &&
    parsed.resources.length === 1 &&
    isMap(parsed.root) &&
    only !== undefined &&
    deepEqual(only.value, value)
  );
}
