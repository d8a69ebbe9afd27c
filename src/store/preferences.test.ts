import { Window } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';

import {
  createPreferences,
  DEFAULT_PREFERENCES,
  loadPreferences,
  PREFERENCES_KEY,
  SPLITTERS,
} from './preferences';

function freshStorage(): Storage {
  return new Window().localStorage;
}

describe('the user preferences', () => {
  it('start from the defaults when nothing (or nothing readable) is saved', () => {
    expect(loadPreferences(undefined)).toEqual(DEFAULT_PREFERENCES);
    const storage = freshStorage();
    storage.setItem(PREFERENCES_KEY, '{not json');
    expect(loadPreferences(storage)).toEqual(DEFAULT_PREFERENCES);
  });

  it('keep what is understood and replace the rest with defaults, within the limits', () => {
    const storage = freshStorage();
    storage.setItem(
      PREFERENCES_KEY,
      JSON.stringify({
        theme: 'sepia',
        sizes: { main: 99, graph: 'tall', inspector: 33 },
        collapsed: ['problems', 'x'],
      }),
    );
    expect(loadPreferences(storage)).toEqual({
      theme: 'system',
      sizes: { main: SPLITTERS.main.max, graph: SPLITTERS.graph.initial, inspector: 33 },
      collapsed: ['problems'],
    });
  });

  it('save each change, and the next visit reads it back', () => {
    vi.useFakeTimers();
    try {
      const storage = freshStorage();
      const preferences = createPreferences(storage);
      preferences.getState().setTheme('dark');
      preferences.getState().resize('main', 50.04);
      preferences.getState().resize('graph', 5);
      preferences.getState().setCollapsed('editor', true);
      preferences.getState().setCollapsed('editor', true);
      vi.runAllTimers();
      expect(loadPreferences(storage)).toEqual({
        theme: 'dark',
        sizes: { main: 50, graph: SPLITTERS.graph.min, inspector: SPLITTERS.inspector.initial },
        collapsed: ['editor'],
      });
      preferences.getState().setCollapsed('editor', false);
      vi.runAllTimers();
      expect(loadPreferences(storage).collapsed).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
