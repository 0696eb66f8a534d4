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

/** Go's `list[low:high]` on a slice (`cap` = length here). */
export function sliceList<T>(list: readonly T[], low: number, high: number): T[] {
  if (high < 0) {
    throw outOfRange(`[:${high}]`);
  }
  if (high > list.length) {
    throw outOfRange(`[:${high}] with capacity ${list.length}`);
  }
  if (low < 0) {
    throw outOfRange(`[${low}:]`);
  }
  if (low > high) {
    throw outOfRange(`[${low}:${high}]`);
  }
  return list.slice(low, high);
}

function outOfRange(detail: string): GoCallError {
  return new GoCallError(`runtime error: slice bounds out of range ${detail}`);
}
