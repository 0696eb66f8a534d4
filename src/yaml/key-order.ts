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
