import type { Theme } from '../../store/preferences';

const DARK_SCHEME = '(prefers-color-scheme: dark)';

/** Puts the chosen theme on the page (app.css follows `data-theme`; `system` follows the system's). */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
}

/** Whether the page is drawn dark now: the theme chosen, or the system's when the choice is `system`. */
export function isDark(): boolean {
  const theme = document.documentElement.dataset['theme'];
  return theme === 'dark' || (theme !== 'light' && matchMedia(DARK_SCHEME).matches);
}

/**
 * Calls `onChange` with {@link isDark} whenever it may have changed (the user's choice or the
 * system's scheme), for what CSS cannot colour (Monaco, exported pictures). Returns the unsubscribe.
 */
export function followDark(onChange: (dark: boolean) => void): () => void {
  const scheme = matchMedia(DARK_SCHEME);
  const changed = () => onChange(isDark());
  scheme.addEventListener('change', changed);
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    scheme.removeEventListener('change', changed);
    observer.disconnect();
  };
}
