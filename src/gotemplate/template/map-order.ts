import { GoMap, GoMapKey } from '../go/go-map';
import { GoFloat64 } from '../go/go-numbers';
import { compareStrings } from '../go/utf8';

/**
 * The entries of a map in the order Go's `fmt` and `text/template` `range` visit them (`internal/fmtsort`): string
 * keys sorted as Go strings (byte order). The keys of a `GoMap` (`map[interface {}]interface {}`) are sorted by
 * `compareFmtKeys`.
 */
export function sortedEntries(map: object): [GoMapKey, unknown][] {
  if (map instanceof GoMap) {
    return map.entries().sort(([a], [b]) => compareFmtKeys(a, b));
  }
  const record = map as Readonly<Record<string, unknown>>;
  return sortedKeys(record).map((k) => [k, record[k]]);
}

export function sortedKeys(map: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(map).sort(compareStrings);
}

/**
 * fmtsort's order of `interface {}` keys: nil first; then keys of different types by their type, values of one type
 * by value (false before true, numbers ascending with NaN first, strings in byte order).
 *
 * Go orders the types by the address of their type descriptor in the binary, which cannot be known from here; this
 * takes bool, float64, int, string — the order of the linker's `type:bool`, `type:float64`, `type:int`,
 * `type:string` symbols, unverified. It only matters for a map whose keys have different types (`1: a` beside
 * `b: c`).
 */
export function compareFmtKeys(a: GoMapKey, b: GoMapKey): number {
  const ta = typeRank(a);
  const tb = typeRank(b);
  if (ta !== tb) {
    return ta - tb;
  }
  switch (typeof a) {
    case 'string':
      return compareStrings(a, b as string);
    case 'boolean':
      return a === b ? 0 : a ? 1 : -1;
    default:
      break;
  }
  if (a === null) {
    return 0;
  }
  const x = a instanceof GoFloat64 ? a.value : a;
  const y = b instanceof GoFloat64 ? b.value : (b as number);
  if (Number.isNaN(x) || Number.isNaN(y)) {
    return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

function typeRank(key: GoMapKey): number {
  switch (typeof key) {
    case 'boolean':
      return 1;
    case 'number':
      return Number.isInteger(key) ? 3 : 2;
    case 'string':
      return 4;
    default:
      return key === null ? 0 : 2;
  }
}
