/**
 * Go's `strings` and `unicode` behaviour that sprig's string functions inherit: Unicode white space, simple
 * (one-rune) case mapping, byte-oriented trimming.
 */

const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

/** `unicode.IsSpace`. */
export function isSpace(codePoint: number): boolean {
  return GO_SPACE.test(String.fromCodePoint(codePoint));
}

/** `strings.TrimSpace`. */
export function trimSpace(s: string): string {
  const chars = Array.from(s);
  let start = 0;
  let end = chars.length;
  while (start < end && isSpace(chars[start].codePointAt(0) ?? 0)) {
    start++;
  }
  while (end > start && isSpace(chars[end - 1].codePointAt(0) ?? 0)) {
    end--;
  }
  return chars.slice(start, end).join('');
}

/** `unicode.ToUpper` of one rune (simple case mapping: a rune never becomes two). */
export function toUpperRune(ch: string): string {
  const upper = ch.toUpperCase();
  return Array.from(upper).length === 1 ? upper : ch;
}

/** `unicode.ToLower` of one rune. */
export function toLowerRune(ch: string): string {
  if (ch === '\u0130') {
    return 'i';
  }
  const lower = ch.toLowerCase();
  return Array.from(lower).length === 1 ? lower : ch;
}

/** `unicode.ToTitle` of one rune (title case equals upper case except for a few digraphs). */
export function toTitleRune(ch: string): string {
  const titles: Record<string, string> = {
    ǆ: 'ǅ',
    ǅ: 'ǅ',
    Ǆ: 'ǅ',
    ǉ: 'ǈ',
    ǈ: 'ǈ',
    Ǉ: 'ǈ',
    ǌ: 'ǋ',
    ǋ: 'ǋ',
    Ǌ: 'ǋ',
    ǳ: 'ǲ',
    ǲ: 'ǲ',
    Ǳ: 'ǲ',
  };
  return titles[ch] ?? toUpperRune(ch);
}

/** `strings.ToUpper`. */
export function toUpper(s: string): string {
  return Array.from(s, toUpperRune).join('');
}

/** `strings.ToLower`. */
export function toLower(s: string): string {
  return Array.from(s, toLowerRune).join('');
}

export function isLetter(ch: string): boolean {
  return /^\p{L}$/u.test(ch);
}

export function isDigit(ch: string): boolean {
  return /^\p{Nd}$/u.test(ch);
}

export function isUpper(ch: string): boolean {
  return /^\p{Lu}$/u.test(ch);
}

export function isLower(ch: string): boolean {
  return /^\p{Ll}$/u.test(ch);
}

/** `strings.Title`: upper-cases (title-cases) the first letter of each word. */
export function title(s: string): string {
  let prev = ' ';
  return Array.from(s, (ch) => {
    const out = isSeparator(prev) ? toTitleRune(ch) : ch;
    prev = ch;
    return out;
  }).join('');
}

function isSeparator(ch: string): boolean {
  const r = ch.codePointAt(0) ?? 0;
  if (r <= 0x7f) {
    return !/[0-9a-zA-Z_]/.test(ch);
  }
  if (isLetter(ch) || isDigit(ch)) {
    return false;
  }
  return isSpace(r);
}

/** `strings.Trim(s, cutset)`: removes leading and trailing runes contained in `cutset`. */
export function trimCutset(s: string, cutset: string): string {
  if (s === '' || cutset === '') {
    return s;
  }
  const set = new Set(Array.from(cutset));
  const chars = Array.from(s);
  let start = 0;
  let end = chars.length;
  while (start < end && set.has(chars[start])) {
    start++;
  }
  while (end > start && set.has(chars[end - 1])) {
    end--;
  }
  return chars.slice(start, end).join('');
}

/** `strings.Split(s, sep)`: an empty separator splits into runes. */
export function split(s: string, sep: string): string[] {
  if (sep === '') {
    return Array.from(s);
  }
  return s.split(sep);
}

/** `strings.SplitN(s, sep, n)`. */
export function splitN(s: string, sep: string, n: number): string[] {
  if (n === 0) {
    return [];
  }
  if (n < 0) {
    return split(s, sep);
  }
  const parts = sep === '' ? Array.from(s) : s.split(sep);
  if (parts.length <= n) {
    return parts;
  }
  if (sep === '') {
    return [...parts.slice(0, n - 1), parts.slice(n - 1).join('')];
  }
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/** `strings.Replace(s, old, new, -1)`: an empty `old` inserts `new` around every rune. */
export function replaceAll(s: string, old: string, replacement: string): string {
  if (old === '') {
    const runes = Array.from(s);
    return replacement + runes.map((r) => r + replacement).join('');
  }
  return s.split(old).join(replacement);
}
