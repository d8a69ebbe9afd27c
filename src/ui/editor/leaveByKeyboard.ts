import { monaco } from './setup';

/** What Tab does in the YAML pane now: indent, leave the pane once (after Escape), or move focus. */
export type TabMode = 'indent' | 'leave-once' | 'moves-focus';

/**
 * The ways out of the YAML pane by keyboard, where Tab indents: Escape then Tab (or Shift+Tab)
 * moves the focus on, once, as in other code editors on the web; Ctrl+M (Monaco's own toggle,
 * registered in setup.ts) makes Tab move the focus until pressed again. Tab forward goes where
 * `leaveForward` puts the focus (the Problems list, the pane after the editor in reading order,
 * which the page's columns place before it); Shift+Tab is the browser's. Reports each change of
 * what Tab does, for the hint shown under the editor.
 */
export function leaveByKeyboard(
  editor: monaco.editor.IStandaloneCodeEditor,
  onMode: (mode: TabMode) => void,
  leaveForward: () => boolean,
): monaco.IDisposable {
  let armed = false;
  // Ctrl+M's state. Monaco's own toggle (a workbench action) never reaches a standalone editor's
  // keybindings, so the key is bound here.
  let toggled = false;
  const report = () =>
    onMode(
      armed
        ? 'leave-once'
        : editor.getOption(monaco.editor.EditorOption.tabFocusMode)
          ? 'moves-focus'
          : 'indent',
    );
  // Monaco's option: while on, its Tab and Shift+Tab commands step aside and the browser moves focus.
  const apply = () => editor.updateOptions({ tabFocusMode: armed || toggled });
  const arm = (on: boolean) => {
    if (armed === on) return;
    armed = on;
    apply();
  };
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  editor.addCommand(
    mac
      ? monaco.KeyMod.WinCtrl | monaco.KeyMod.Shift | monaco.KeyCode.KeyM
      : monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM,
    () => {
      toggled = !toggled;
      apply();
    },
  );
  const keys = editor.onKeyDown((event) => {
    if (event.keyCode === monaco.KeyCode.Escape) arm(true);
    else if (event.keyCode !== monaco.KeyCode.Tab) arm(false);
  });
  // Caught before Monaco (which steps aside for Tab while it moves focus, so never reports it).
  const container = editor.getContainerDomNode();
  const onTab = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
    const leaving = armed || editor.getOption(monaco.editor.EditorOption.tabFocusMode);
    if (!leaving || !leaveForward()) return;
    event.preventDefault();
    event.stopPropagation();
  };
  container.addEventListener('keydown', onTab, true);
  const left = editor.onDidBlurEditorText(() => arm(false));
  const changed = editor.onDidChangeConfiguration((event) => {
    if (event.hasChanged(monaco.editor.EditorOption.tabFocusMode)) report();
  });
  report();
  return {
    dispose() {
      container.removeEventListener('keydown', onTab, true);
      keys.dispose();
      left.dispose();
      changed.dispose();
    },
  };
}
