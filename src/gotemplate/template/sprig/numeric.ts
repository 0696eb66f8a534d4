import { GoFloat64, GoInt64 } from '../../go/go-numbers';
import { parseFloat64, parseInt64 } from '../../go/parse-number';
import { formatV } from '../fmt';
import { fn, FunctionContext, FunctionTable, GoCallError } from '../functions';
import { kindOf, numberOf, bigintOf, SLICE_INT, typed } from '../values';

/** sprig v2.22.0 conversions and arithmetic (`numeric.go`, `functions.go`): int64 results wrap around like Go's. */
export const NUMERIC_FUNCTIONS: FunctionTable = {
  atoi: fn(['string'], ([s]) => {
    const n = parseInt64(s as string, 10);
    return n === undefined ? 0 : Number(n);
  }),
  int64: fn(['any'], ([v]) => new GoInt64(toInt64(v))),
  int: fn(['any'], ([v]) => Number(toInt64(v))),
  float64: fn(['any'], ([v]) => new GoFloat64(toFloat64(v))),
  toDecimal: fn(['any'], ([v]) => new GoInt64(parseInt64(formatV(v), 8) ?? 0n)),
  add1: fn(['any'], ([v]) => new GoInt64(toInt64(v) + 1n)),
  add: fn([], (args) => new GoInt64(args.reduce<bigint>((sum, v) => BigInt.asIntN(64, sum + toInt64(v)), 0n)), 'any'),
  sub: fn(['any', 'any'], ([a, b]) => new GoInt64(toInt64(a) - toInt64(b))),
  div: fn(['any', 'any'], ([a, b]) => new GoInt64(divide(toInt64(a), toInt64(b), false))),
  mod: fn(['any', 'any'], ([a, b]) => new GoInt64(divide(toInt64(a), toInt64(b), true))),
  mul: fn(
    ['any'],
    ([a, ...rest]) => new GoInt64(rest.reduce<bigint>((p, v) => BigInt.asIntN(64, p * toInt64(v)), toInt64(a))),
    'any',
  ),
  biggest: fn(['any'], ([a, ...rest]) => new GoInt64(extreme(a, rest, (x, y) => x > y)), 'any'),
  max: fn(['any'], ([a, ...rest]) => new GoInt64(extreme(a, rest, (x, y) => x > y)), 'any'),
  min: fn(['any'], ([a, ...rest]) => new GoInt64(extreme(a, rest, (x, y) => x < y)), 'any'),
  ceil: fn(['any'], ([a]) => new GoFloat64(Math.ceil(toFloat64(a)))),
  floor: fn(['any'], ([a]) => new GoFloat64(Math.floor(toFloat64(a)))),
  round: fn(
    ['any', 'int'],
    ([a, p, ...roundOn]) =>
      new GoFloat64(round(toFloat64(a), p as number, roundOn.length > 0 ? numberOf(roundOn[0]) : 0.5)),
    'float64',
  ),
  until: fn(['int'], ([count], ctx) => untilStep(0, count as number, (count as number) < 0 ? -1 : 1, ctx)),
  untilStep: fn(['int', 'int', 'int'], ([start, stop, step], ctx) =>
    untilStep(start as number, stop as number, step as number, ctx),
  ),
};

const MIN_INT64 = -(2n ** 63n);

/** sprig `toInt64`: strings parse as base-10 integers (0 if not), floats truncate, bools are 0/1, others 0. */
export function toInt64(v: unknown): bigint {
  if (typeof v === 'string') {
    return parseInt64(v, 10) ?? 0n;
  }
  switch (kindOf(v)) {
    case 'int':
    case 'uint':
      return bigintOf(v);
    case 'float': {
      const f = numberOf(v);
      if (!Number.isFinite(f) || Math.abs(f) >= 2 ** 63) {
        return MIN_INT64;
      }
      return BigInt(Math.trunc(f));
    }
    case 'bool':
      return v ? 1n : 0n;
    default:
      return 0n;
  }
}

/** sprig `toFloat64`. */
export function toFloat64(v: unknown): number {
  if (typeof v === 'string') {
    return parseFloat64(v) ?? 0;
  }
  switch (kindOf(v)) {
    case 'int':
    case 'uint':
    case 'float':
      return numberOf(v);
    case 'bool':
      return v ? 1 : 0;
    default:
      return 0;
  }
}

function divide(a: bigint, b: bigint, remainder: boolean): bigint {
  if (b === 0n) {
    throw new GoCallError('runtime error: integer divide by zero');
  }
  return remainder ? a % b : a / b;
}

function extreme(first: unknown, rest: readonly unknown[], better: (x: bigint, y: bigint) => boolean): bigint {
  let best = toInt64(first);
  for (const v of rest) {
    const n = toInt64(v);
    if (better(n, best)) {
      best = n;
    }
  }
  return best;
}

function round(value: number, places: number, roundOn: number): number {
  const pow = 10 ** places;
  const digit = pow * value;
  const fraction = digit - Math.trunc(digit);
  return (fraction >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

function untilStep(start: number, stop: number, step: number, ctx: FunctionContext): number[] {
  const out = typed<number[]>([], SLICE_INT);
  const push = (i: number): void => {
    ctx.charge(1);
    out.push(i);
  };
  if (stop < start) {
    if (step >= 0) {
      return out;
    }
    for (let i = start; i > stop; i += step) {
      push(i);
    }
    return out;
  }
  if (step <= 0) {
    return out;
  }
  for (let i = start; i < stop; i += step) {
    push(i);
  }
  return out;
}
