/**
 * On/off preferences of the canvas kept in browser storage, read without React: the first paint
 * (which runs before React has loaded) reads the minimap's to fit the graph as the canvas will.
 */

/** Where the minimap preference is kept. */
export const MINIMAP_KEY = 'egress-studio.minimap';

/** Reads a saved on/off preference; storage that cannot be read gives the default. */
export function savedToggle(key: string, fallback: boolean): boolean {
  try {
    const saved = window.localStorage.getItem(key);
    return saved === null ? fallback : saved === 'on';
  } catch {
    return fallback;
  }
}
