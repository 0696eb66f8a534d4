import { compareStrings } from '../go/utf8';

/**
 * The entries of a map in the order Go's `fmt` and `text/template` `range` visit them (`internal/fmtsort`):
 * keys sorted as Go strings (byte order).
 */
export function sortedEntries(map: Readonly<Record<string, unknown>>): [string, unknown][] {
  return sortedKeys(map).map((k) => [k, map[k]]);
}

export function sortedKeys(map: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(map).sort(compareStrings);
}
