/** The page's Web Storage, or undefined where the browser disables it (the app then runs without autosave). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
