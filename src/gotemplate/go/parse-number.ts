/**
 * Go's `strconv.ParseInt`, `strconv.ParseUint` and `strconv.ParseFloat` (64-bit). Each returns `undefined` where
 * Go returns an error (invalid syntax or out of range); callers in this project only need to know whether Go
 * would have accepted the text, and the value.
 */

/** `strconv.ParseUint(s, base, bitSize)`; base 0 means "from the prefix" (0x, 0o, 0b, leading 0 = octal). */
export function parseUint(s: string, base: number, bitSize = 64): bigint | undefined {
  if (s === '') {
    return undefined;
  }
  const base0 = base === 0;
  const original = s;
  if (base0) {
    base = 10;
    if (s[0] === '0') {
      const p = s.length >= 3 ? s[1].toLowerCase() : '';
      if (p === 'b') {
        base = 2;
        s = s.slice(2);
      } else if (p === 'o') {
        base = 8;
        s = s.slice(2);
      } else if (p === 'x') {
        base = 16;
        s = s.slice(2);
      } else {
        base = 8;
        s = s.slice(1);
      }
    }
  } else if (base < 2 || base > 36) {
    return undefined;
  }
  const max = (1n << BigInt(bitSize)) - 1n;
  const bigBase = BigInt(base);
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_' && base0) {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d === undefined || d >= base) {
      return undefined;
    }
    n = n * bigBase + BigInt(d);
    if (n > max) {
      return undefined;
    }
  }
  if (underscores && !underscoreOK(original)) {
    return undefined;
  }
  return n;
}

/** `strconv.ParseInt(s, base, bitSize)`. */
export function parseInt64(s: string, base: number, bitSize = 64): bigint | undefined {
  if (s === '') {
    return undefined;
  }
  let neg = false;
  let body = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  const un = parseUint(body, base, bitSize);
  if (un === undefined) {
    return undefined;
  }
  const cutoff = 1n << BigInt(bitSize - 1);
  if (!neg && un >= cutoff) {
    return undefined;
  }
  if (neg && un > cutoff) {
    return undefined;
  }
  return neg ? -un : un;
}

/**
 * `strconv.ParseFloat(s, 64)`: decimal and hexadecimal floats, `inf`, `infinity` (signed or not), `nan` (never signed:
 * Go's `special` reads a sign only before "inf"), Go underscores.
 */
export function parseFloat64(s: string): number | undefined {
  if (/^nan$/i.test(s)) {
    return NaN;
  }
  const infinity = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (infinity) {
    return infinity[1] === '-' ? -Infinity : Infinity;
  }
  const hex = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/.exec(s);
  if (hex) {
    if (s.includes('_') && !underscoreOK(s)) {
      return undefined;
    }
    const intPart = hex[2].replace(/_/g, '');
    const fracPart = (hex[3] ?? '').replace(/_/g, '');
    if (intPart === '' && fracPart === '') {
      return undefined;
    }
    const mantissa = Number(BigInt('0x' + (intPart + fracPart || '0')));
    const value = mantissa * 2 ** (Number(hex[4].replace(/_/g, '')) - 4 * fracPart.length);
    return finite(hex[1] === '-' ? -value : value);
  }
  if (!/^[+-]?(?:[0-9_]+(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/.test(s)) {
    return undefined;
  }
  if (s.includes('_')) {
    if (!underscoreOK(s)) {
      return undefined;
    }
    s = s.replace(/_/g, '');
  }
  if (!/[0-9]/.test(s.replace(/[eE].*$/, ''))) {
    return undefined;
  }
  return finite(Number(s));
}

function finite(v: number): number | undefined {
  return Number.isFinite(v) ? v : undefined;
}

function digitValue(c: string): number | undefined {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) {
    return code - 48;
  }
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 122) {
    return lower - 97 + 10;
  }
  return undefined;
}

/** Go's `underscoreOK`: underscores only between digits, or between a base prefix and a digit. */
export function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) {
    s = s.slice(1);
  }
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s[1].toLowerCase())) {
    i = 2;
    saw = '0';
    hex = s[1].toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && c.toLowerCase() >= 'a' && c.toLowerCase() <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') {
        return false;
      }
      saw = '_';
      continue;
    }
    if (saw === '_') {
      return false;
    }
    saw = '!';
  }
  return saw !== '_';
}
