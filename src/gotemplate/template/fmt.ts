import { formatFloat } from '../go/format-float';
import { canBackquote, quote, quoteRune, quoteToASCII } from '../go/quote';
import { toBytes } from '../go/utf8';
import { sortedEntries } from './map-order';
import { bigintOf, GoStruct, goTypeOf, kindOf, numberOf } from './values';

/**
 * Go's `fmt.Sprint`, `fmt.Sprintln` and `fmt.Sprintf` over template values, with the verbs `v s d q t f F e E
 * g G x X o O b c U T %`, flags `+ - # 0 space`, widths, precisions, `*` and argument indexes, and Go's
 * `%!verb(type=value)`, `%!verb(MISSING)`, `%!(EXTRA …)` and `%!(NOVERB)` markers.
 *
 * Deviations: `%x`/`%X`/`%b` of floats print like `%g`; `%p` is always a bad verb (templates have no pointers).
 */
export function sprint(args: readonly unknown[]): string {
  let out = '';
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) {
      out += ' ';
    }
    out += formatValue(arg, 'v', NO_FLAGS, true);
    prevString = isString;
  });
  return out;
}

export function sprintln(args: readonly unknown[]): string {
  return args.map((arg) => formatValue(arg, 'v', NO_FLAGS, true)).join(' ') + '\n';
}

interface Flags {
  readonly plus: boolean;
  readonly minus: boolean;
  readonly sharp: boolean;
  readonly space: boolean;
  readonly zero: boolean;
  readonly width?: number;
  readonly precision?: number;
}

const NO_FLAGS: Flags = { plus: false, minus: false, sharp: false, space: false, zero: false };

export function sprintf(format: string, args: readonly unknown[]): string {
  let out = '';
  let argNum = 0;
  let reordered = false;
  let goodArgNum = true;
  const n = format.length;
  let i = 0;
  while (i < n) {
    const next = format.indexOf('%', i);
    if (next < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, next);
    i = next + 1;
    let plus = false;
    let minus = false;
    let sharp = false;
    let space = false;
    let zero = false;
    flags: for (; i < n; i++) {
      switch (format[i]) {
        case '#':
          sharp = true;
          break;
        case '0':
          zero = true;
          break;
        case '+':
          plus = true;
          break;
        case '-':
          minus = true;
          break;
        case ' ':
          space = true;
          break;
        default:
          break flags;
      }
    }
    // Argument index for the width.
    const argIndex = (): void => {
      if (i < n && format[i] === '[') {
        reordered = true;
        const close = format.indexOf(']', i);
        const index = close < 0 ? NaN : Number(format.slice(i + 1, close));
        if (close < 0 || !/^[0-9]+$/.test(format.slice(i + 1, close)) || index < 1) {
          goodArgNum = false;
          i = close < 0 ? n : close + 1;
          return;
        }
        argNum = index - 1;
        i = close + 1;
      }
    };
    argIndex();
    let width: number | undefined;
    let widthError = false;
    if (i < n && format[i] === '*') {
      i++;
      const w = intArg(args, argNum);
      argNum++;
      if (w === undefined) {
        widthError = true;
      } else {
        width = w;
        if (w < 0) {
          minus = true;
          width = -w;
        }
      }
      reordered = false;
    } else {
      const m = /^[0-9]+/.exec(format.slice(i));
      if (m) {
        width = Number(m[0]);
        i += m[0].length;
      }
    }
    let precision: number | undefined;
    let precisionError = false;
    if (i < n && format[i] === '.') {
      i++;
      argIndex();
      if (i < n && format[i] === '*') {
        i++;
        const p = intArg(args, argNum);
        argNum++;
        if (p === undefined || p < 0) {
          precisionError = true;
        } else {
          precision = p;
        }
        reordered = false;
      } else {
        const m = /^[0-9]*/.exec(format.slice(i));
        precision = m && m[0] !== '' ? Number(m[0]) : 0;
        i += m ? m[0].length : 0;
      }
    }
    if (!reordered) {
      argIndex();
    }
    if (widthError) {
      out += '%!(BADWIDTH)';
    }
    if (precisionError) {
      out += '%!(BADPREC)';
    }
    if (i >= n) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    const f: Flags = { plus, minus: minus, sharp, space, zero: zero && !minus, width, precision };
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (!goodArgNum) {
      out += `%!${verb}(BADINDEX)`;
      goodArgNum = true;
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatArg(args[argNum], verb, f);
    argNum++;
  }
  if (!reordered && argNum < args.length) {
    out += '%!(EXTRA ';
    out += args
      .slice(argNum)
      .map((arg) =>
        arg === null || arg === undefined ? '<nil>' : `${goTypeOf(arg)}=${formatValue(arg, 'v', NO_FLAGS, true)}`,
      )
      .join(', ');
    out += ')';
  }
  return out;
}

function intArg(args: readonly unknown[], index: number): number | undefined {
  if (index >= args.length) {
    return undefined;
  }
  const k = kindOf(args[index]);
  return k === 'int' || k === 'uint' ? numberOf(args[index]) : undefined;
}

/** One top-level argument: nil gets `<nil>` only for `%v`/`%T`. */
function formatArg(arg: unknown, verb: string, f: Flags): string {
  if (arg === null || arg === undefined) {
    return verb === 'v' || verb === 'T' ? pad('<nil>', f) : `%!${verb}(<nil>)`;
  }
  if (verb === 'T') {
    return pad(goTypeOf(arg), f);
  }
  return formatValue(arg, verb, f, true);
}

function badVerb(verb: string, v: unknown): string {
  if (v === null || v === undefined) {
    return `%!${verb}(<nil>)`;
  }
  return `%!${verb}(${goTypeOf(v)}=${formatValue(v, 'v', NO_FLAGS, false)})`;
}

/** `%v` of one value (`<nil>` for nil). */
export function formatV(v: unknown): string {
  return formatValue(v, 'v', NO_FLAGS, true);
}

/** `printValue`: formats a value (and, recursively, its elements) for a verb. */
export function formatValue(v: unknown, verb: string, f: Flags, top: boolean): string {
  switch (kindOf(v)) {
    case 'invalid':
      return top ? pad('<nil>', f) : '<invalid reflect.Value>';
    case 'nil':
      return pad('<nil>', f);
    case 'bool':
      return verb === 'v' || verb === 't' ? pad(v ? 'true' : 'false', f) : badVerb(verb, v);
    case 'int':
      return formatInteger(bigintOf(v), true, verb, f, v);
    case 'uint':
      return formatInteger(bigintOf(v), false, verb, f, v);
    case 'float':
      return formatFloatVerb(numberOf(v), verb, f, v);
    case 'string':
      return formatString(v as string, verb, f);
    case 'slice': {
      const items = v as readonly unknown[];
      if (verb === 'v' && f.sharp) {
        return `${goTypeOf(v)}{${items.map((x) => formatValue(x, verb, f, false)).join(', ')}}`;
      }
      return '[' + items.map((x) => formatValue(x, verb, f, false)).join(' ') + ']';
    }
    case 'map': {
      const entries = sortedEntries(v as object);
      if (verb === 'v' && f.sharp) {
        return `${goTypeOf(v)}{${entries.map(([k, x]) => formatValue(k, verb, f, false) + ':' + formatValue(x, verb, f, false)).join(', ')}}`;
      }
      return (
        'map[' +
        entries.map(([k, x]) => formatValue(k, verb, f, false) + ':' + formatValue(x, verb, f, false)).join(' ') +
        ']'
      );
    }
    case 'struct': {
      const s = v as GoStruct;
      const parts = [...s.fields].map(
        ([name, x]) => (f.plus || f.sharp ? name + ':' : '') + formatValue(x, verb, f, false),
      );
      if (verb === 'v' && f.sharp) {
        return `${s.typeName}{${parts.join(', ')}}`;
      }
      return '{' + parts.join(' ') + '}';
    }
  }
}

function formatString(s: string, verb: string, f: Flags): string {
  switch (verb) {
    case 'v':
      if (f.sharp) {
        return pad(quote(s), f);
      }
      return pad(truncate(s, f), f);
    case 's':
      return pad(truncate(s, f), f);
    case 'q': {
      const t = truncate(s, f);
      if (f.sharp && canBackquote(t)) {
        return pad('`' + t + '`', f);
      }
      return pad(f.plus ? quoteToASCII(t) : quote(t), f);
    }
    case 'x':
    case 'X': {
      let bytes = toBytes(s);
      if (f.precision !== undefined && f.precision < bytes.length) {
        bytes = bytes.subarray(0, f.precision);
      }
      const digits = verb === 'x' ? '0123456789abcdef' : '0123456789ABCDEF';
      const prefix = verb === 'x' ? '0x' : '0X';
      let out = '';
      bytes.forEach((b, i) => {
        if (f.space && i > 0) {
          out += ' ';
        }
        if (f.sharp && (f.space || i === 0)) {
          out += prefix;
        }
        out += digits[b >> 4] + digits[b & 15];
      });
      return pad(out, f);
    }
    default:
      return badVerb(verb, s);
  }
}

function truncate(s: string, f: Flags): string {
  if (f.precision === undefined) {
    return s;
  }
  return Array.from(s).slice(0, f.precision).join('');
}

function formatInteger(n: bigint, signed: boolean, verb: string, f: Flags, original: unknown): string {
  let base: number;
  let upper = false;
  switch (verb) {
    case 'v':
    case 'd':
      base = 10;
      break;
    case 'b':
      base = 2;
      break;
    case 'o':
    case 'O':
      base = 8;
      break;
    case 'x':
      base = 16;
      break;
    case 'X':
      base = 16;
      upper = true;
      break;
    case 'c':
      return pad(String.fromCodePoint(validRune(n)), f);
    case 'q':
      return pad(quoteRune(validRune(n), f.plus), f);
    case 'U': {
      const hex = 'U+' + (n < 0n ? BigInt.asUintN(64, n) : n).toString(16).toUpperCase().padStart(4, '0');
      const r = validRune(n);
      return pad(f.sharp && r === Number(n) ? `${hex} '${String.fromCodePoint(r)}'` : hex, f);
    }
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case 's':
    case 't':
    default:
      return badVerb(verb, original);
  }
  const negative = signed && n < 0n;
  let digits = (negative ? -n : n).toString(base);
  if (upper) {
    digits = digits.toUpperCase();
  }
  let prec = 0;
  if (f.precision !== undefined) {
    prec = f.precision;
    if (prec === 0 && n === 0n) {
      return pad('', { ...f, zero: false });
    }
  } else if (f.zero && f.width !== undefined) {
    prec = f.width;
    if (negative || f.plus || f.space) {
      prec--;
    }
  }
  digits = digits.padStart(prec, '0');
  if (f.sharp) {
    if (base === 2) {
      digits = '0b' + digits;
    } else if (base === 8 && digits[0] !== '0') {
      digits = '0' + digits;
    } else if (base === 16) {
      digits = (upper ? '0X' : '0x') + digits;
    }
  }
  if (verb === 'O') {
    digits = '0o' + digits;
  }
  if (negative) {
    digits = '-' + digits;
  } else if (f.plus) {
    digits = '+' + digits;
  } else if (f.space) {
    digits = ' ' + digits;
  }
  return pad(digits, { ...f, zero: false });
}

function validRune(n: bigint): number {
  const r = Number(n);
  if (n < 0n || n > 0x10ffffn || (r >= 0xd800 && r <= 0xdfff)) {
    return 0xfffd;
  }
  return r;
}

function formatFloatVerb(x: number, verb: string, f: Flags, original: unknown): string {
  let fmt: 'e' | 'E' | 'f' | 'g' | 'G';
  let prec = f.precision ?? -1;
  switch (verb) {
    case 'v':
    case 'g':
    case 'b':
    case 'x':
      fmt = 'g';
      break;
    case 'G':
    case 'X':
      fmt = 'G';
      break;
    case 'f':
    case 'F':
      fmt = 'f';
      prec = f.precision ?? 6;
      break;
    case 'e':
      fmt = 'e';
      prec = f.precision ?? 6;
      break;
    case 'E':
      fmt = 'E';
      prec = f.precision ?? 6;
      break;
    default:
      return badVerb(verb, original);
  }
  let num = formatFloat(x, fmt, prec);
  if (num[0] !== '-' && num[0] !== '+') {
    num = '+' + num;
  }
  if (f.space && num[0] === '+' && !f.plus) {
    num = ' ' + num.slice(1);
  }
  if (num[1] === 'I' || num[1] === 'N') {
    if (num[1] === 'N' && !f.space && !f.plus) {
      num = num.slice(1);
    }
    return pad(num, { ...f, zero: false });
  }
  if (f.sharp && verb !== 'b' && verb !== 'v') {
    num = sharpFloat(num, verb, f.precision);
  }
  if (f.plus || num[0] !== '+') {
    if (f.zero && f.width !== undefined && f.width > num.length) {
      return num[0] + '0'.repeat(f.width - num.length) + num.slice(1);
    }
    return pad(num, f);
  }
  return pad(num.slice(1), f);
}

/** `%#g` and friends keep a decimal point (and, for %g, trailing zeros). */
function sharpFloat(num: string, verb: string, precision: number | undefined): string {
  const eIndex = num.search(/[eE]/);
  let mantissa = eIndex < 0 ? num : num.slice(0, eIndex);
  const tail = eIndex < 0 ? '' : num.slice(eIndex);
  if (!mantissa.includes('.')) {
    mantissa += '.';
  }
  if (verb === 'g' || verb === 'G') {
    let digits = precision ?? 6;
    if (digits === 0) {
      digits = 1;
    }
    const present = mantissa.replace(/[^0-9]/g, '').replace(/^0+/, '').length || 1;
    if (present < digits) {
      mantissa += '0'.repeat(digits - present);
    }
  }
  return mantissa + tail;
}

/** Pads to the width, in runes, with spaces (or zeros with the `0` flag), on the left (or right with `-`). */
function pad(s: string, f: Flags): string {
  if (f.width === undefined) {
    return s;
  }
  const length = Array.from(s).length;
  if (length >= f.width) {
    return s;
  }
  const padding = (f.zero ? '0' : ' ').repeat(f.width - length);
  return f.minus ? s + ' '.repeat(f.width - length) : padding + s;
}
