// Monaco with only the parts the YAML pane uses (STACK.md §2, "min"): about 0.9 MB gzip less
// than the full build. Problems come from the engine alone, set as markers by YamlEditor.
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/suggest/register';
// The suggest feature above brings inline completions only; the suggest widget is its own contribution.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/languages/definitions/yaml/register';
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

// Monaco's dark theme draws comments below WCAG AA contrast (4.5:1) on its background: a lighter green.
monaco.editor.defineTheme('egress-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '8fbf75' }],
  colors: {},
});

/** The editor theme for the system's colour scheme. */
export function editorTheme(dark: boolean): string {
  return dark ? 'egress-dark' : 'vs';
}

export { monaco };
