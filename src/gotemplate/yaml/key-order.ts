import { GoMapKey } from '../go/go-map';
import { GoFloat64 } from '../go/go-numbers';

/**
 * The order in which `gopkg.in/yaml.v3` writes the keys of a map (`sorter.go`, `keyList.Less`), for string keys.
 *
 * Keys are compared rune by rune. At the first difference: two letters compare by code point (so upper case
 * sorts before lower case); a letter against a non-letter puts the non-letter first, unless the runes before
 * were digits, in which case the letter comes first; otherwise runs of digits compare by numeric value (then
 * by length), and other runes by code point. A key that is a prefix of another sorts first.
 * Example: `Z, a, B, _x, 10, 9` → `_x, 9, 10, B, Z, a`.
 */
export function compareKeysNaturally(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return isNaturallyLess(a, b) ? -1 : isNaturallyLess(b, a) ? 1 : 0;
}

/** Sorts string keys in yaml.v3's natural order (a new array). */
export function sortKeysNaturally(keys: readonly string[]): string[] {
  return [...keys].sort(compareKeysNaturally);
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

function isLetter(r: number): boolean {
  return r < 0x80 ? (r >= 65 && r <= 90) || (r >= 97 && r <= 122) : LETTER.test(String.fromCodePoint(r));
}

function isDigit(r: number): boolean {
  return r < 0x80 ? r >= 48 && r <= 57 : DIGIT.test(String.fromCodePoint(r));
}

function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    out.push(ch.codePointAt(0) ?? 0);
  }
  return out;
}

function isNaturallyLess(sa: string, sb: string): boolean {
  const ar = runes(sa);
  const br = runes(sb);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]);
      continue;
    }
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) {
      return ar[i] < br[i];
    }
    if (al || bl) {
      return digits ? al : bl;
    }
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 48 || br[i] === 48) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 48) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) {
      an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai] - 48));
    }
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) {
      bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi] - 48));
    }
    if (an !== bn) {
      return an < bn;
    }
    if (ai !== bi) {
      return ai < bi;
    }
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/** Go's reflect.Kind numbers of the key types yaml.v2 produces (`nil` is an empty `interface {}`). */
const KIND_BOOL = 1;
const KIND_INT = 2;
const KIND_FLOAT64 = 14;
const KIND_INTERFACE = 20;
const KIND_STRING = 24;

function keyKind(key: GoMapKey): number {
  switch (typeof key) {
    case 'string':
      return KIND_STRING;
    case 'boolean':
      return KIND_BOOL;
    case 'number':
      return Number.isInteger(key) ? KIND_INT : KIND_FLOAT64;
    default:
      return key === null ? KIND_INTERFACE : KIND_FLOAT64;
  }
}

/** `keyFloat`: numbers and booleans (true is 1) compare by value. */
function keyFloat(key: GoMapKey): number | undefined {
  if (typeof key === 'number') return key;
  if (typeof key === 'boolean') return key ? 1 : 0;
  return key instanceof GoFloat64 ? key.value : undefined;
}

function isKeyLess(a: GoMapKey, b: GoMapKey): boolean {
  const ak = keyKind(a);
  const bk = keyKind(b);
  const af = keyFloat(a);
  const bf = keyFloat(b);
  if (af !== undefined && bf !== undefined) {
    if (af !== bf) return af < bf;
    if (ak !== bk) return ak < bk;
    // numLess: same kind and value (a bool: false < true, already decided by value).
    return false;
  }
  if (ak !== KIND_STRING || bk !== KIND_STRING) return ak < bk;
  return isNaturallyLess(a as string, b as string);
}

/**
 * yaml.v3's `keyList.Less` for the keys of a `map[interface {}]interface {}` (yaml.v2 data): numbers and booleans by
 * value (`false` as 0 and `true` as 1, so `0.5` < `true` < `2`; at equal value a bool before an int before a float64),
 * then a nil key, then strings in natural order (`compareKeysNaturally`). A NaN key compares equal to every number
 * (Go's sort leaves it in an unspecified place).
 */
export function compareYamlKeys(a: GoMapKey, b: GoMapKey): number {
  if (typeof a === 'string' && typeof b === 'string') {
    return compareKeysNaturally(a, b);
  }
  return isKeyLess(a, b) ? -1 : isKeyLess(b, a) ? 1 : 0;
}
