/** Orders strings by UTF-16 code units, as `Array.prototype.sort` does without a comparator; for `sort` and friends. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
