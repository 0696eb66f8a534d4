/**
 * Go's `strconv` quoting: `Quote`, `QuoteToASCII`, `QuoteRune`, `CanBackquote`, `Unquote`, and
 * `unicode.IsPrint`.
 *
 * Deviation: Go strings are bytes and may hold invalid UTF-8 (`"\xff"`); JavaScript strings cannot, so a
 * `\x` or octal escape above 0x7F unquotes to the character with that code point.
 */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's `unicode.IsPrint` (letters, marks, numbers, punctuation, symbols and the ASCII space). */
export function isPrint(codePoint: number): boolean {
  if (codePoint < 0x80) {
    return codePoint >= 0x20 && codePoint < 0x7f;
  }
  return PRINTABLE.test(String.fromCodePoint(codePoint));
}

/** `strconv.Quote(s)`. */
export function quote(s: string): string {
  return quoteWith(s, '"', false);
}

/** `strconv.QuoteToASCII(s)`. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, '"', true);
}

/** `strconv.QuoteRune(r)`, or `QuoteRuneToASCII` when `asciiOnly`. */
export function quoteRune(codePoint: number, asciiOnly = false): string {
  if (codePoint < 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
    codePoint = 0xfffd;
  }
  return "'" + escapeRune(codePoint, "'", asciiOnly) + "'";
}

/** `strconv.CanBackquote(s)`: no control characters other than tab, no backquote, no U+FEFF. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09) || c === 0x60 || c === 0x7f || c === 0xfeff) {
      return false;
    }
  }
  return true;
}

function quoteWith(s: string, q: string, asciiOnly: boolean): string {
  let out = q;
  for (const ch of s) {
    out += escapeRune(ch.codePointAt(0) ?? 0, q, asciiOnly);
  }
  return out + q;
}

function escapeRune(r: number, q: string, asciiOnly: boolean): string {
  const ch = String.fromCodePoint(r);
  if (ch === q || ch === '\\') {
    return '\\' + ch;
  }
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
    return ch;
  }
  switch (r) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) {
    return '\\x' + r.toString(16).padStart(2, '0');
  }
  if (r >= 0xd800 && r <= 0xdfff) {
    return '\\ufffd';
  }
  if (r < 0x10000) {
    return '\\u' + r.toString(16).padStart(4, '0');
  }
  return '\\U' + r.toString(16).padStart(8, '0');
}

/** The result of `strconv.Unquote`: the text, or why it is not a valid Go literal. */
export type UnquoteResult = { ok: true; value: string } | { ok: false; error: string };

/** `strconv.Unquote` for `"…"`, `` `…` `` and `'…'` literals (the latter as used for character constants). */
export function unquote(literal: string): UnquoteResult {
  const syntax = { ok: false as const, error: 'invalid syntax' };
  if (literal.length < 2) {
    return syntax;
  }
  const q = literal[0];
  if (q !== literal[literal.length - 1]) {
    return syntax;
  }
  const body = literal.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) {
      return syntax;
    }
    return { ok: true, value: body.replace(/\r/g, '') };
  }
  if (q !== '"' && q !== "'") {
    return syntax;
  }
  if (body.includes('\n')) {
    return syntax;
  }
  let value = '';
  let rest = body;
  while (rest.length > 0) {
    const r = unquoteChar(rest, q);
    if (r === undefined) {
      return syntax;
    }
    value += r.value;
    rest = r.tail;
    if (q === "'" && rest.length > 0) {
      return syntax;
    }
  }
  if (q === "'" && value.length === 0) {
    return syntax;
  }
  return { ok: true, value };
}

/** `strconv.UnquoteChar`: decodes the first character or escape of `s`; `undefined` on a bad escape. */
export function unquoteChar(s: string, q: string): { value: string; tail: string } | undefined {
  const first = s.codePointAt(0) ?? 0;
  const firstLength = first > 0xffff ? 2 : 1;
  if (s[0] === q && (q === "'" || q === '"')) {
    return undefined;
  }
  if (s[0] !== '\\') {
    return { value: s.slice(0, firstLength), tail: s.slice(firstLength) };
  }
  if (s.length <= 1) {
    return undefined;
  }
  const c = s[1];
  const tail = s.slice(2);
  const simple: Record<string, string> = {
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
  };
  if (c in simple) {
    return { value: simple[c], tail };
  }
  if (c === "'" || c === '"') {
    return c === q ? { value: c, tail } : undefined;
  }
  if (c === 'x' || c === 'u' || c === 'U') {
    const n = c === 'x' ? 2 : c === 'u' ? 4 : 8;
    const hex = tail.slice(0, n);
    if (hex.length < n || !/^[0-9a-fA-F]+$/.test(hex)) {
      return undefined;
    }
    const v = Number.parseInt(hex, 16);
    if (c !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) {
      return undefined;
    }
    return { value: String.fromCodePoint(v), tail: tail.slice(n) };
  }
  if (c >= '0' && c <= '7') {
    const oct = s.slice(1, 4);
    if (!/^[0-7]{3}$/.test(oct)) {
      return undefined;
    }
    const v = Number.parseInt(oct, 8);
    if (v > 255) {
      return undefined;
    }
    return { value: String.fromCodePoint(v), tail: s.slice(4) };
  }
  return undefined;
}
