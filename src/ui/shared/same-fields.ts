/** Whether `a` and `b` hold the same values (`===`) under each of `keys`: what a memo compares. */
export function sameFields<T>(a: T, b: T, keys: readonly (keyof T)[]): boolean {
  return keys.every((key) => a[key] === b[key]);
}
