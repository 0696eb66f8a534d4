import { formatFloat } from './format-float';

/**
 * Go numeric values that a plain JavaScript `number` cannot stand for.
 *
 * Everywhere else in the project a JavaScript number is a Go `int` when it is an integer and a Go `float64`
 * otherwise (the way config values parsed from YAML are typed). Two Go types need an explicit box:
 * - `int64`, which sprig's arithmetic returns and which Go keeps distinct from `int` (passing it where an `int`
 *   is expected is an error); it is held as a `bigint` so that overflow wraps around as in Go;
 * - `float64` with an integral value (`float64 3`, the template literal `3.0`, the config values `1.0` and `1e6`),
 *   which Go prints differently (`1e+06`) and keeps distinct for comparisons, `%T` and `hash`.
 */
export class GoInt64 {
  readonly value: bigint;

  constructor(value: bigint | number) {
    this.value = BigInt.asIntN(64, typeof value === 'bigint' ? value : BigInt(Math.trunc(value)));
  }

  toNumber(): number {
    return Number(this.value);
  }
}

/**
 * A Go `float64`, boxed: needed for integral values (`1.0`, `1e6`), which a JavaScript number would pass for an `int`;
 * template functions may box any float64.
 */
export class GoFloat64 {
  constructor(readonly value: number) {}

  /** `JSON.stringify` writes the number. */
  toJSON(): number {
    return this.value;
  }
}

/**
 * A Go float64 in the project's representation: a non-integral (or infinite, or NaN) JavaScript number as it is,
 * an integral value (`1.0`, `1e6`, `-0.0`) boxed as `GoFloat64` so that it is not read as an `int`.
 */
export function goFloat64(value: number): number | GoFloat64 {
  return Number.isInteger(value) ? new GoFloat64(value) : value;
}

/** Go's `%v` of an `int` or a `float64` in the project's representation: `1e+06` for the float64 1e6, `1` for 1.0. */
export function formatGoNumber(value: number | GoFloat64): string {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return formatFloat(typeof value === 'number' ? value : value.value, 'g', -1);
}
