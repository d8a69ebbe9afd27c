// Completion and hover for the YAML pane, from the same field catalogue as the forms (one
// description per field), for the Istio release the design targets. Registered once, when the
// editor module loads; each model says which release it is edited for (`targetModel`).
import {
  childFields,
  cursorContext,
  fieldInfo,
  fieldInRelease,
  LATEST_ISTIO_VERSION,
  NETWORKING_KINDS,
  NETWORKING_VERSIONS,
  type FieldInfo,
  type IstioVersion,
  type PathSegment,
} from '../../core';
import { monaco } from './setup';

const TOP_LEVEL = ['apiVersion', 'kind', 'metadata', 'spec'];
const METADATA = ['name', 'namespace', 'labels', 'annotations'];

// The release each model is edited for, read when a suggestion or hover is asked for.
const targets = new WeakMap<monaco.editor.ITextModel, () => IstioVersion>();

/** Makes completion and hover in `model` follow the release `target()` names at the time. */
export function targetModel(model: monaco.editor.ITextModel, target: () => IstioVersion): void {
  targets.set(model, target);
}

const SEPARATOR = /^(---|\.\.\.)(\s|$)/;

/**
 * The YAML context at `position`, read from the document around it alone: the whole text is
 * megabytes in a large design, asked for on every keystroke that opens suggestions.
 */
function contextAt(model: monaco.editor.ITextModel, position: monaco.IPosition) {
  let first = position.lineNumber;
  while (first > 1 && !SEPARATOR.test(model.getLineContent(first - 1))) first--;
  let last = position.lineNumber;
  const lines = model.getLineCount();
  while (last < lines && !SEPARATOR.test(model.getLineContent(last + 1))) last++;
  const text = model.getValueInRange(new monaco.Range(first, 1, last, model.getLineMaxColumn(last)));
  const offset = model.getOffsetAt(position) - model.getOffsetAt({ lineNumber: first, column: 1 });
  return cursorContext(text, offset);
}

function targetOf(model: monaco.editor.ITextModel): IstioVersion {
  return targets.get(model)?.() ?? LATEST_ISTIO_VERSION;
}

/** The path inside `spec` for a cursor path, or undefined outside `spec`. */
function specPath(path: PathSegment[]): PathSegment[] | undefined {
  return path[0] === 'spec' ? path.slice(1) : undefined;
}

/** The hover and completion text of a field: type, help, default and the releases that have it. */
function documentation(info: FieldInfo, target: IstioVersion): string {
  const doc = info.doc;
  const lines = [
    `**${info.name}** · ${info.enum ? info.enum.join(' | ') : info.type}${info.required ? ' · required' : ''}`,
  ];
  if (doc?.help) lines.push(doc.help);
  if (doc?.default !== undefined) lines.push(`Default: \`${String(doc.default)}\``);
  const releases = [info.since && `Since Istio ${info.since}`, info.until && `until Istio ${info.until}`];
  if (info.since || info.until) lines.push(releases.filter(Boolean).join(', '));
  if (!fieldInRelease(info, target)) lines.push(`Not in Istio ${target}, which this design targets.`);
  if (doc?.deprecated) lines.push(`Deprecated: ${doc.deprecated}`);
  return lines.join('\n\n');
}

monaco.languages.registerCompletionItemProvider('yaml', {
  triggerCharacters: [' ', ':'],
  provideCompletionItems(model, position) {
    const target = targetOf(model);
    const context = contextAt(model, position);
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
      const info =
        context.kind && inSpec ? fieldInfo(context.kind, [...inSpec, context.key], target) : undefined;
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
            ? childFields(context.kind, inSpec, target)
                .filter((f) => fieldInRelease(f, target))
                .map((f) => ({ name: f.name, doc: documentation(f, target) }))
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
    const context = contextAt(model, { lineNumber: position.lineNumber, column: word.endColumn });
    const inSpec = specPath(context.path);
    if (context.inValue || !context.kind || !inSpec || context.key !== word.word) return null;
    const target = targetOf(model);
    const info = fieldInfo(context.kind, [...inSpec, context.key], target);
    if (!info) return null;
    return {
      range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
      contents: [{ value: documentation(info, target) }],
    };
  },
});
