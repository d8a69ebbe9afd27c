import { useId } from 'react';

import { THEMES, usePreferences, usePreferencesApi, type Theme } from '../../store';

const NAMES: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** The colour theme: the system's, light or dark; saved with the user's preferences. */
export function ThemeSelect() {
  const preferences = usePreferencesApi();
  const theme = usePreferences((p) => p.theme);
  const id = useId();
  return (
    <span className="toolbar-field">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={theme}
        onChange={(e) => preferences.getState().setTheme(e.target.value as Theme)}
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {NAMES[t]}
          </option>
        ))}
      </select>
    </span>
  );
}
