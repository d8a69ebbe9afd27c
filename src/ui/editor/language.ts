// Completion and hover for the YAML pane, from the same field catalogue as the forms (one
// description per field). Registered once, when the editor module loads.
import {
  childFields,
  cursorContext,
  fieldInfo,
  NETWORKING_KINDS,
  NETWORKING_VERSIONS,
  type FieldInfo,
  type PathSegment,
} from '../../core';
import { monaco } from './setup';

const TOP_LEVEL = ['apiVersion', 'kind', 'metadata', 'spec'];
const METADATA = ['name', 'namespace', 'labels', 'annotations'];

/** The path inside `spec` for a cursor path, or undefined outside `spec`. */
function specPath(path: PathSegment[]): PathSegment[] | undefined {
  return path[0] === 'spec' ? path.slice(1) : undefined;
}

function documentation(info: FieldInfo): string {
  const doc = info.doc;
  const lines = [
    `**${info.name}** · ${info.enum ? info.enum.join(' | ') : info.type}${info.required ? ' · required' : ''}`,
  ];
  if (doc?.help) lines.push(doc.help);
  if (doc?.default !== undefined) lines.push(`Default: \`${String(doc.default)}\``);
  if (info.since) lines.push(`Since Istio ${info.since}`);
  if (info.until) lines.push(`Until Istio ${info.until}`);
  if (doc?.deprecated) lines.push(`Deprecated: ${doc.deprecated}`);
  return lines.join('\n\n');
}

monaco.languages.registerCompletionItemProvider('yaml', {
  triggerCharacters: [' ', ':'],
  provideCompletionItems(model, position) {
    const context = cursorContext(model.getValue(), model.getOffsetAt(position));
    const word = model.getWordUntilPosition(position);
    const range = new monaco.Range(
      position.lineNumber,
      word.startColumn,
      position.lineNumber,
      word.endColumn,
    );
    const values = (labels: readonly string[]) =>
      labels.map((label) => ({
        label,
        kind: monaco.languages.CompletionItemKind.EnumMember,
        insertText: label,
        range,
      }));
    const inSpec = specPath(context.path);
    if (context.inValue) {
      if (context.path.length === 0 && context.key === 'kind')
        return { suggestions: values(NETWORKING_KINDS) };
      if (context.path.length === 0 && context.key === 'apiVersion') {
        return { suggestions: values(NETWORKING_VERSIONS.map((v) => `networking.istio.io/${v}`)) };
      }
      const info = context.kind && inSpec ? fieldInfo(context.kind, [...inSpec, context.key]) : undefined;
      if (info?.enum) return { suggestions: values(info.enum) };
      if (info?.type === 'boolean') return { suggestions: values(['true', 'false']) };
      return { suggestions: [] };
    }
    const keys: { name: string; doc?: string }[] =
      context.path.length === 0
        ? TOP_LEVEL.map((name) => ({ name }))
        : context.path.length === 1 && context.path[0] === 'metadata'
          ? METADATA.map((name) => ({ name }))
          : context.kind && inSpec
            ? childFields(context.kind, inSpec).map((f) => ({ name: f.name, doc: documentation(f) }))
            : [];
    return {
      suggestions: keys.map(({ name, doc }) => ({
        label: name,
        kind: monaco.languages.CompletionItemKind.Property,
        insertText: `${name}: `,
        ...(doc ? { documentation: { value: doc } } : {}),
        range,
      })),
    };
  },
});

monaco.languages.registerHoverProvider('yaml', {
  provideHover(model, position) {
    const word = model.getWordAtPosition(position);
    if (!word) return null;
    const offset = model.getOffsetAt({ lineNumber: position.lineNumber, column: word.endColumn });
    const context = cursorContext(model.getValue(), offset);
    const inSpec = specPath(context.path);
    if (context.inValue || !context.kind || !inSpec || context.key !== word.word) return null;
    const info = fieldInfo(context.kind, [...inSpec, context.key]);
    if (!info) return null;
    return {
      range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
      contents: [{ value: documentation(info) }],
    };
  },
});
