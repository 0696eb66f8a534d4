/**
 * Go strings are UTF-8 bytes; JavaScript strings are UTF-16. These helpers give Go's byte semantics
 * (`len`, slicing, ordering) on JavaScript strings.
 *
 * Deviation: slicing a string in the middle of a multi-byte character gives invalid UTF-8 in Go; here the
 * broken character decodes to U+FFFD.
 */

/** `len(s)` in Go: the number of UTF-8 bytes. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      n += 1;
    } else if (c < 0x800) {
      n += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    } else {
      n += 3;
    }
  }
  return n;
}

export function toBytes(s: string): Uint8Array {
  return Buffer.from(s, 'utf8');
}

export function fromBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** `s[start:end]` in Go (byte offsets). */
export function sliceBytes(s: string, start: number, end?: number): string {
  if (isAscii(s)) {
    return s.slice(start, end);
  }
  const bytes = toBytes(s);
  return fromBytes(bytes.subarray(start, end ?? bytes.length));
}

/** The byte at offset `i` (`s[i]` in Go). */
export function byteAt(s: string, i: number): number {
  return isAscii(s) ? s.charCodeAt(i) : toBytes(s)[i];
}

function isAscii(s: string): boolean {
  return /^[\x00-\x7f]*$/.test(s);
}

/** Go's string comparison (byte-wise, which is code point order), as a sort comparator. */
export function compareStrings(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) {
        // A surrogate (a code point above U+FFFF) sorts after every other BMP character.
        return xs ? 1 : -1;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : 1;
}
