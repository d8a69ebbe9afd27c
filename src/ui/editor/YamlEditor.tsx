import { useEffect, useRef, useState } from 'react';

import { changeBetween, type Diagnostic, type TextChange } from '../../core';
import { useStudio, useStudioApi, useView } from '../../store';
import { focusPane, registerPaneFocus } from '../shared/pane-focus';
import { sameFields } from '../shared/same-fields';
import { followDark, isDark } from '../shared/theme';
import { targetModel } from './language';
import { leaveByKeyboard, type TabMode } from './leaveByKeyboard';
import { markedDiagnostics } from './markers';
import { editorTheme, monaco } from './setup';

const MARKER_OWNER = 'egress-studio';
const NO_DIAGNOSTICS: Diagnostic[] = [];
// Monaco's key for its Tab-moves-focus toggle.
const TOGGLE = /Mac|iPhone|iPad/.test(navigator.platform) ? 'Ctrl+Shift+M' : 'Ctrl+M';
// What Tab does, and how to leave the pane, under the editor while it has focus.
const TAB_HINT: Record<TabMode, string> = {
  indent: `Tab indents · Esc then Tab: to Problems · F6: next pane · ${TOGGLE}: Tab moves focus`,
  'leave-once': 'Tab: to Problems · Shift+Tab: back',
  'moves-focus': `Tab moves focus · ${TOGGLE}: Tab indents again`,
};

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/**
 * The whole bundle as YAML. Monaco owns its model: typing flows into the store as editor changes,
 * and changes from anywhere else reach the model as one minimal edit (never setValue), so the
 * cursor, scroll and selection survive. Undo and redo are the store's, bound to Monaco's keys.
 */
export default function YamlEditor() {
  const studio = useStudioApi();
  const view = useView();
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const highlight = useRef<monaco.editor.IEditorDecorationsCollection | undefined>(undefined);
  const highlighted = useRef<string | undefined>(undefined);
  const markers = useRef<monaco.editor.IMarkerData[]>([]);
  const scrolledTo = useRef<string | undefined>(undefined);
  const [tabMode, setTabMode] = useState<TabMode>('indent');

  useEffect(() => {
    const { store } = studio;
    const model = monaco.editor.createModel(
      store.getState().text,
      'yaml',
      monaco.Uri.parse('file:///bundle.yaml'),
    );
    // Bracket pairs are coloured per model, not per editor (the editor's option below does not reach
    // it): off, or every frame asks a tree of the text's brackets for the lines drawn, and a large
    // paste builds that tree in one long task.
    model.updateOptions({
      bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
    });
    // Completion and hover follow the release the design targets, as it is when they are asked for.
    targetModel(model, () => store.getState().istioVersion);
    const editor = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      // YAML's plain scalars (keys and values) tokenize as strings: complete there too.
      quickSuggestions: { other: true, strings: true, comments: false },
      // Enter always starts a new line, as in any text field (suggestions open while typing would
      // otherwise take it); Tab takes a suggestion.
      acceptSuggestionOnEnter: 'off',
      // In YAML the indentation is the structure: a line gets the indentation typed, no more (an
      // editor adding its own after 'key:' doubles what the person types).
      autoIndent: 'none',
      // Hovers and suggestions may reach past the pane's edges instead of being cut off there.
      fixedOverflowWidgets: true,
      // YAML's structure is its indentation (guides drawn), not brackets: colouring the rare flow
      // brackets costs every edit's frame a re-parse of the bracket pairs.
      bracketPairColorization: { enabled: false },
      // Folding sets a decoration per region again after each pause in typing, and each frame reads
      // them all: Monaco's 5,000 cost a 2,000-service design 110 ms per pause (a keystroke then
      // waits). Past the limit the outermost regions are kept; a design of hundreds of documents
      // folds in full.
      foldingMaximumRegions: 1000,
      theme: editorTheme(isDark()),
      // Read out on focus: the way out of a pane where Tab indents.
      ariaLabel: `Bundle YAML. To leave the editor, press Escape then Tab, or F6 for the next pane, or ${TOGGLE} to make Tab move focus.`,
      readOnly: store.getState().readOnly,
    });
    editorRef.current = editor;
    const ways = leaveByKeyboard(editor, setTabMode, () => focusPane('Problems'));
    const unregister = registerPaneFocus('YAML editor', () => editor.focus());
    // Follow the app's theme (the user's choice, or the system's) as it changes.
    const unfollow = followDark((dark) => monaco.editor.setTheme(editorTheme(dark)));
    let applying = false;
    // The text the model holds, kept without asking Monaco (getValue joins every line: slow in
    // large bundles).
    let known = model.getValue();
    // The text as typed, built when the store asks for it: from the text it last had and the one
    // range every keystroke since has touched (so a burst of typing builds one string, not one each).
    const read = (typed: TextChange) => {
      const inserted = model.getValueInRange(
        monaco.Range.fromPositions(
          model.getPositionAt(typed.start),
          model.getPositionAt(typed.start + typed.length),
        ),
      );
      known = known.slice(0, typed.start) + inserted + known.slice(typed.end);
      return known;
    };
    const typed = model.onDidChangeContent((event) => {
      if (applying || event.changes.length === 0) return;
      store.getState().typeText(rangeOfChanges(event.changes), read);
    });
    const synced = store.subscribe((state, previous) => {
      // Another design opened (a scenario, an import, a new design): it is read from its top.
      if (state.opened !== previous.opened) {
        editor.setPosition({ lineNumber: 1, column: 1 });
        editor.setScrollTop(0);
      }
      if (state.text === known) return;
      // The changer may say where the change is: then only that range is compared.
      const within = state.change?.base === known ? state.change.range : undefined;
      const change = changeBetween(known, state.text, within);
      known = state.text;
      applying = true;
      const edit = {
        range: monaco.Range.fromPositions(model.getPositionAt(change.start), model.getPositionAt(change.end)),
        text: change.text,
      };
      // A read-only editor refuses edits through itself: a followed design's saves go to its model.
      if (state.readOnly) model.applyEdits([edit]);
      else {
        editor.pushUndoStop();
        editor.executeEdits('egress-studio', [edit]);
        editor.pushUndoStop();
      }
      applying = false;
    });
    // Putting the cursor in a document selects the node it configures.
    const cursor = editor.onDidChangeCursorPosition((event) => {
      if (event.source !== 'mouse' && event.source !== 'keyboard') return;
      const state = store.getState();
      const { current, reading } = studio.derived.of(
        state.text,
        state.istioVersion,
        state.change,
        state.expanded,
      );
      // Not while a large design just landed is read between frames: a key would wait for its parse.
      if (reading) return;
      const offset = model.getOffsetAt(event.position);
      const document = current.bundle.documents.find((d) => d.start <= offset && offset < d.end);
      // Graph nodes list the modelled resources they stand for by id (their `Kind/namespace/name`).
      const ids = new Set(current.bundle.resources.filter((r) => r.document === document).map((r) => r.id));
      const node = current.graph.nodes.find((n) => n.resources.some((ref) => ids.has(ref)));
      if (node && node.id !== state.selection) state.select(node.id);
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => store.getState().undo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () =>
      store.getState().redo(),
    );
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => store.getState().redo());
    return () => {
      unfollow();
      cursor.dispose();
      ways.dispose();
      unregister();
      typed.dispose();
      synced();
      editor.dispose();
      model.dispose();
      editorRef.current = undefined;
    };
  }, [studio]);

  // Requests to show a range (a problem clicked, a node selected): move the cursor there.
  const revealed = useStudio((s) => s.revealed);
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !revealed) return;
    const start = model.getPositionAt(revealed.range.start);
    const end = model.getPositionAt(revealed.range.end);
    // The cursor goes there too, so the user can fix what they clicked on: keyboard focus too,
    // unless a form field is taking it.
    if (!revealed.field) editor.focus();
    editor.setSelection(monaco.Range.fromPositions(start, end));
    editor.revealRangeInCenter(monaco.Range.fromPositions(start, end));
  }, [revealed]);

  // Selecting a node shows its documents (unless the cursor put the selection there).
  const selection = useStudio((s) => s.selection);
  const { bundle, graph } = view.current;
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    // A large design just landed is read (parsed on this thread) between frames: shown once it is.
    if (!editor || !model || view.reading) return;
    const refs = new Set(graph.nodes.find((n) => n.id === selection)?.resources ?? []);
    const documents = [...new Set(bundle.resources.filter((r) => refs.has(r.id)).map((r) => r.document))];
    // Changed decorations redraw every visible line: an edit that leaves them be sets none.
    const ranges = documents.map((d) => `${d.start}-${d.end}`).join(',');
    if (ranges !== highlighted.current) {
      highlighted.current = ranges;
      highlight.current ??= editor.createDecorationsCollection();
      highlight.current.set(
        documents.map((d) => ({
          range: monaco.Range.fromPositions(model.getPositionAt(d.start), model.getPositionAt(d.end)),
          options: { isWholeLine: true, linesDecorationsClassName: 'yaml-selected-document' },
        })),
      );
    }
    // Scroll only when the selection itself changes, and not when the cursor is already in one of
    // the node's documents (the cursor selected it, or a clicked problem put it there).
    // Not while the view is of an earlier text (a large design still being derived, say one restored
    // with its selection): its offsets are not this text's. Shown once its own view lands.
    if (selection === scrolledTo.current || documents.length === 0 || view.pending) return;
    scrolledTo.current = selection;
    const cursor = model.getOffsetAt(editor.getPosition() ?? { lineNumber: 1, column: 1 });
    if (documents.some((d) => d.start <= cursor && cursor < d.end)) return;
    editor.setScrollTop(editor.getTopForLineNumber(model.getPositionAt(documents[0]!.start).lineNumber));
  }, [selection, bundle, graph, view.pending, view.reading]);

  // Markers: the engine's diagnostics, the one source of problems (none for a design just pasted or
  // opened until its own are found: the last one's ranges are not in this text).
  const diagnostics = view.replacing ? NO_DIAGNOSTICS : view.current.diagnostics;
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const next = markedDiagnostics(diagnostics).map((d) => toMarker(model, d));
    // An edit that leaves the problems as they were (most do) redraws no line for them.
    if (sameMarkers(next, markers.current)) return;
    markers.current = next;
    monaco.editor.setModelMarkers(model, MARKER_OWNER, next);
  }, [diagnostics]);

  return (
    <div className="yaml-editor">
      <div ref={host} className="yaml-editor-host" />
      <p className="yaml-editor-keys">{TAB_HINT[tabMode]}</p>
    </div>
  );
}

/**
 * One range covering an edit's changes: Monaco reports each change of one edit (several cursors,
 * a format) against the text before the edit.
 */
function rangeOfChanges(changes: readonly monaco.editor.IModelContentChange[]): TextChange {
  let start = Infinity;
  let end = 0;
  let grew = 0;
  for (const change of changes) {
    start = Math.min(start, change.rangeOffset);
    end = Math.max(end, change.rangeOffset + change.rangeLength);
    grew += change.text.length - change.rangeLength;
  }
  return { start, end, length: end - start + grew };
}

function toMarker(model: monaco.editor.ITextModel, d: Diagnostic): monaco.editor.IMarkerData {
  const start = model.getPositionAt(d.range.start);
  const end = model.getPositionAt(Math.max(d.range.end, d.range.start + 1));
  return {
    severity: SEVERITY[d.severity],
    message: d.message,
    code: d.code,
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
}

/** What a marker shows: markers equal in these draw the same. */
const MARKER_FIELDS = [
  'startLineNumber',
  'startColumn',
  'endLineNumber',
  'endColumn',
  'severity',
  'code',
  'message',
] as const;

function sameMarkers(a: monaco.editor.IMarkerData[], b: monaco.editor.IMarkerData[]): boolean {
  return a.length === b.length && a.every((m, i) => sameFields(m, b[i]!, MARKER_FIELDS));
}
