import { useEffect, useRef } from 'react';

import type { Diagnostic } from '../../core';
import { useStudio, useStudioApi, useView } from '../../store';
import { monaco } from './setup';
import { minimalChange } from './sync';

const MARKER_OWNER = 'egress-studio';
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

  useEffect(() => {
    const { store } = studio;
    const model = monaco.editor.createModel(
      store.getState().text,
      'yaml',
      monaco.Uri.parse('file:///bundle.yaml'),
    );
    const editor = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      theme: matchMedia('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs',
      ariaLabel: 'Bundle YAML',
    });
    editorRef.current = editor;
    let applying = false;
    const typed = model.onDidChangeContent((event) => {
      if (applying) return;
      const single = event.changes.length === 1 ? event.changes[0]! : undefined;
      const change = single
        ? {
            start: single.rangeOffset,
            end: single.rangeOffset + single.rangeLength,
            length: single.text.length,
          }
        : undefined;
      store.getState().setText(model.getValue(), 'editor', change);
    });
    const synced = store.subscribe((state) => {
      const current = model.getValue();
      if (state.text === current) return;
      const change = minimalChange(current, state.text);
      applying = true;
      editor.pushUndoStop();
      editor.executeEdits('egress-studio', [
        {
          range: monaco.Range.fromPositions(
            model.getPositionAt(change.start),
            model.getPositionAt(change.end),
          ),
          text: change.text,
        },
      ]);
      editor.pushUndoStop();
      applying = false;
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => store.getState().undo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () =>
      store.getState().redo(),
    );
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => store.getState().redo());
    return () => {
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
    editor.setSelection(monaco.Range.fromPositions(start, end));
    editor.revealRangeInCenterIfOutsideViewport(monaco.Range.fromPositions(start, end));
  }, [revealed]);

  // Markers: the engine's diagnostics, the one source of problems.
  const diagnostics = view.current.diagnostics;
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      diagnostics.map((d) => toMarker(model, d)),
    );
  }, [diagnostics]);

  return <div ref={host} className="yaml-editor-host" />;
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
