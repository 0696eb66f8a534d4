import { createHash } from 'node:crypto';
import { fromBytes, toBytes } from '../../go/utf8';
import { fn, FunctionTable } from '../functions';

/**
 * sprig v2.22.0 encodings and checksums. Decoding errors are returned as the result text, as sprig does
 * (`illegal base64 data at input byte 4`).
 */
export const ENCODING_FUNCTIONS: FunctionTable = {
  b64enc: fn(['string'], ([s]) => Buffer.from(s as string, 'utf8').toString('base64')),
  b64dec: fn(['string'], ([s]) => decodeBase64(s as string)),
  b32enc: fn(['string'], ([s]) => encodeBase32(toBytes(s as string))),
  b32dec: fn(['string'], ([s]) => decodeBase32(s as string)),
  sha1sum: fn(['string'], ([s]) =>
    createHash('sha1')
      .update(s as string, 'utf8')
      .digest('hex'),
  ),
  sha256sum: fn(['string'], ([s]) =>
    createHash('sha256')
      .update(s as string, 'utf8')
      .digest('hex'),
  ),
  adler32sum: fn(['string'], ([s]) => String(adler32(toBytes(s as string)))),
};

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Go's `base64.StdEncoding.DecodeString`, returning the decoded text or the error message. */
export function decodeBase64(s: string): string {
  const src = toBytes(s);
  const out: number[] = [];
  let si = 0;
  const corrupt = (at: number): string => `illegal base64 data at input byte ${at}`;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailingError: number | undefined;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) {
          return fromBytes(Uint8Array.from(out));
        }
        return corrupt(si - j);
      }
      const c = src[si++];
      const d = BASE64.indexOf(String.fromCharCode(c));
      if (d >= 0 && c < 0x80) {
        dbuf[j] = d;
        continue;
      }
      if (c === 0x0a || c === 0x0d) {
        j--;
        continue;
      }
      if (c !== 0x3d) {
        return corrupt(si - 1);
      }
      if (j === 0 || j === 1) {
        return corrupt(si - 1);
      }
      if (j === 2) {
        while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) {
          si++;
        }
        if (si === src.length) {
          return corrupt(src.length);
        }
        if (src[si] !== 0x3d) {
          return corrupt(si - 1);
        }
        si++;
      }
      while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) {
        si++;
      }
      if (si < src.length) {
        trailingError = si;
      }
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailingError !== undefined) {
      return corrupt(trailingError);
    }
    if (dlen < 4) {
      break;
    }
  }
  return fromBytes(Uint8Array.from(out));
}

function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 5) {
    const chunk = bytes.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) {
      bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    }
    const chars = [1, 2, 4, 5, 7][chunk.length - 1] + 1;
    for (let k = 0; k < 8; k++) {
      out += k < chars ? BASE32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
    }
  }
  return out;
}

/** Go's `base32.StdEncoding.DecodeString` (newlines are removed first). */
function decodeBase32(s: string): string {
  const src = toBytes(s.replace(/[\r\n]/g, ''));
  const olen = src.length;
  const out: number[] = [];
  let pos = 0;
  let end = false;
  const corrupt = (at: number): string => `illegal base32 data at input byte ${at}`;
  while (pos < olen && !end) {
    const dbuf = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8;) {
      const remaining = olen - pos;
      if (remaining === 0) {
        return corrupt(olen - remaining - j);
      }
      const c = src[pos++];
      const left = olen - pos;
      if (c === 0x3d && j >= 2 && left < 8) {
        if (left + j < 7) {
          return corrupt(olen);
        }
        for (let k = 0; k < 7 - j; k++) {
          if (left > k && src[pos + k] !== 0x3d) {
            return corrupt(olen - left + k - 1);
          }
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) {
          return corrupt(olen - left - 1);
        }
        break;
      }
      const d = c < 0x80 ? BASE32.indexOf(String.fromCharCode(c)) : -1;
      if (d < 0) {
        return corrupt(olen - left - 1);
      }
      dbuf[j] = d;
      j++;
    }
    let bits = 0n;
    for (const d of dbuf) {
      bits = (bits << 5n) | BigInt(d);
    }
    const count = [0, 0, 1, 1, 2, 3, 3, 4, 5][dlen];
    for (let k = 0; k < count; k++) {
      out.push(Number((bits >> BigInt(32 - 8 * k)) & 0xffn));
    }
  }
  return fromBytes(Uint8Array.from(out));
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}
