import { byteLength, sliceBytes } from '../../go/utf8';
import { GoCallError } from '../functions';

/**
 * Go's `s[low:high]` on a string (byte offsets), with the runtime panic messages a template function's caller
 * sees when the bounds are wrong (`runtime error: slice bounds out of range [:5] with length 3`).
 */
export function sliceString(s: string, low: number | undefined, high: number | undefined): string {
  const len = byteLength(s);
  const hi = high ?? len;
  const lo = low ?? 0;
  if (high !== undefined) {
    if (hi < 0) {
      throw outOfRange(`[:${hi}]`);
    }
    if (hi > len) {
      throw outOfRange(`[:${hi}] with length ${len}`);
    }
  }
  if (lo < 0) {
    throw outOfRange(`[${lo}:]`);
  }
  if (lo > hi) {
    throw outOfRange(`[${lo}:${hi}]`);
  }
  return sliceBytes(s, lo, hi);
}

function outOfRange(detail: string): GoCallError {
  return new GoCallError(`runtime error: slice bounds out of range ${detail}`);
}
