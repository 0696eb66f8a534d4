import { isGoMapKey } from '../go/go-map';
import { isPrint } from '../go/quote';
import { byteAt, byteLength, compareStrings } from '../go/utf8';
import { formatV, sprint, sprintf, sprintln } from './fmt';
import { fn, FunctionTable, GoCallError } from './functions';
import {
  bigintOf,
  GoUint8,
  goTypeOf,
  isTrue,
  Kind,
  kindOf,
  MAP_STRING_STRING,
  mapLookup,
  mapSize,
  numberOf,
} from './values';

/**
 * Go's `text/template` builtin functions (`funcs.go`). `and`, `or` and `call` are evaluated by the executor
 * (they short-circuit or need the callee's name); their entries here only give their signatures.
 * `slice` is not listed: sprig's `slice` replaces it in Kalypso's function map.
 */
export const BUILTINS: FunctionTable = {
  and: fn(['value'], () => undefined, 'value'),
  or: fn(['value'], () => undefined, 'value'),
  call: fn(['value'], () => undefined, 'value'),
  not: fn(['value'], ([v]) => !isTrue(v)),
  len: fn(['value'], ([v]) => length(v)),
  index: fn(['value'], ([item, ...indexes]) => index(item, indexes), 'value'),
  print: fn([], (args) => sprint(args), 'any'),
  println: fn([], (args) => sprintln(args), 'any'),
  printf: fn(['string'], ([format, ...args]) => sprintf(format as string, args), 'any'),
  html: fn([], (args) => htmlEscape(evalArgs(args)), 'any'),
  js: fn([], (args) => jsEscape(evalArgs(args)), 'any'),
  urlquery: fn([], (args) => urlQueryEscape(evalArgs(args)), 'any'),
  eq: fn(['value'], ([a, ...rest]) => eq(a, rest), 'value'),
  ne: fn(['value', 'value'], ([a, b]) => !eq(a, [b])),
  lt: fn(['value', 'value'], ([a, b]) => lt(a, b)),
  le: fn(['value', 'value'], ([a, b]) => lt(a, b) || eq(a, [b])),
  gt: fn(['value', 'value'], ([a, b]) => !(lt(a, b) || eq(a, [b]))),
  ge: fn(['value', 'value'], ([a, b]) => !lt(a, b)),
};

/** `reflect.Value`-style "missing or nil": the executor passes invalid as `undefined` and nil as `null`. */
function isInvalid(v: unknown): boolean {
  return v === undefined || v === null;
}

function length(v: unknown): number {
  if (v === null) {
    throw new GoCallError('len of nil pointer');
  }
  switch (kindOf(v)) {
    case 'invalid':
      throw new GoCallError('reflect: call of reflect.Value.Type on zero Value');
    case 'string':
      return byteLength(v as string);
    case 'slice':
      return (v as unknown[]).length;
    case 'map':
      return mapSize(v as object);
    default:
      throw new GoCallError(`len of type ${goTypeOf(v)}`);
  }
}

function index(item: unknown, indexes: readonly unknown[]): unknown {
  if (isInvalid(item)) {
    throw new GoCallError('index of untyped nil');
  }
  for (let i of indexes) {
    if (i === null) {
      i = undefined;
    }
    if (item === null) {
      throw new GoCallError('index of nil pointer');
    }
    switch (kindOf(item)) {
      case 'slice':
      case 'string': {
        const isString = typeof item === 'string';
        const len = isString ? byteLength(item as string) : (item as unknown[]).length;
        const x = indexArg(i, len);
        if (x === len) {
          throw new GoCallError(isString ? 'reflect: string index out of range' : 'reflect: slice index out of range');
        }
        item = isString ? new GoUint8(byteAt(item as string, x)) : (item as unknown[])[x];
        break;
      }
      case 'map': {
        const map = item as object;
        const stringKeys = goTypeOf(map).startsWith('map[string]');
        let key: unknown = i;
        if (key === undefined) {
          if (stringKeys) {
            throw new GoCallError('value is nil; should be of type string');
          }
          key = null;
        }
        if (stringKeys && typeof key !== 'string') {
          throw new GoCallError(`value has type ${goTypeOf(key)}; should be string`);
        }
        const kind = kindOf(key);
        if (kind === 'slice' || kind === 'map') {
          throw new GoCallError(`runtime error: hash of unhashable type ${goTypeOf(key)}`);
        }
        // An interface {} key matches only a key of the same Go type and value: `index .M 1` finds `1:`, not `"1":`
        // or `1.0:`; an int64 or uint8 key finds nothing yaml.v2 makes.
        const found = isGoMapKey(key) ? mapLookup(map, key) : undefined;
        if (found !== undefined) {
          item = found;
        } else {
          item = goTypeOf(map) === MAP_STRING_STRING ? '' : null;
        }
        break;
      }
      default:
        throw new GoCallError(`can't index item of type ${goTypeOf(item)}`);
    }
  }
  return item;
}

function indexArg(i: unknown, cap: number): number {
  const k = kindOf(i);
  if (k === 'invalid' || k === 'nil') {
    throw new GoCallError('cannot index slice/array with nil');
  }
  if (k !== 'int' && k !== 'uint') {
    throw new GoCallError(`cannot index slice/array with type ${goTypeOf(i)}`);
  }
  const x = bigintOf(i);
  if (x < 0n || x > BigInt(cap)) {
    throw new GoCallError(`index out of range: ${x}`);
  }
  return Number(x);
}

/** Go's `basicKind`: the comparable scalar kinds (`invalid` for everything else). */
function basicKind(v: unknown): Kind {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string' ? k : 'invalid';
}

function eq(arg1: unknown, rest: readonly unknown[]): boolean {
  if (arg1 === null) {
    arg1 = undefined;
  }
  if (rest.length === 0) {
    throw new GoCallError('missing argument for comparison');
  }
  const k1 = basicKind(arg1);
  for (let arg of rest) {
    if (arg === null) {
      arg = undefined;
    }
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) {
        truth = bigintOf(arg1) === bigintOf(arg);
      } else if (arg1 !== undefined && arg !== undefined) {
        throw new GoCallError(`incompatible types for comparison: ${goTypeOf(arg1)} and ${goTypeOf(arg)}`);
      }
    } else {
      switch (k1) {
        case 'bool':
        case 'string':
          truth = arg1 === arg;
          break;
        case 'int':
        case 'uint':
          truth = bigintOf(arg1) === bigintOf(arg);
          break;
        case 'float':
          truth = numberOf(arg1) === numberOf(arg);
          break;
        default: {
          const ka = kindOf(arg1);
          const kb = kindOf(arg);
          if (ka !== kb && ka !== 'invalid' && kb !== 'invalid') {
            throw new GoCallError(
              `non-comparable types ${formatV(arg1)}: ${goTypeOf(arg1)}, ${goTypeOf(arg)}: ${formatV(arg)}`,
            );
          }
          if (arg1 === undefined || arg === undefined) {
            truth = arg1 === arg;
          } else {
            throw new GoCallError(`non-comparable type ${formatV(arg)}: ${goTypeOf(arg)}`);
          }
        }
      }
    }
    if (truth) {
      return true;
    }
  }
  return false;
}

function lt(arg1: unknown, arg2: unknown): boolean {
  const k1 = basicKind(arg1 ?? undefined);
  if (k1 === 'invalid') {
    throw new GoCallError('invalid type for comparison');
  }
  const k2 = basicKind(arg2 ?? undefined);
  if (k2 === 'invalid') {
    throw new GoCallError('invalid type for comparison');
  }
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) {
      return bigintOf(arg1) < bigintOf(arg2);
    }
    throw new GoCallError(`incompatible types for comparison: ${goTypeOf(arg1)} and ${goTypeOf(arg2)}`);
  }
  switch (k1) {
    case 'bool':
      throw new GoCallError('invalid type for comparison');
    case 'string':
      return compareStrings(arg1 as string, arg2 as string) < 0;
    case 'float':
      return numberOf(arg1) < numberOf(arg2);
    default:
      return bigintOf(arg1) < bigintOf(arg2);
  }
}

/** `evalArgs`: one string argument as is, otherwise `fmt.Sprint` of the arguments. */
function evalArgs(args: readonly unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') {
    return args[0];
  }
  return sprint(args);
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c]);
}

const HTML_ESCAPES: Record<string, string> = {
  '\0': '\uFFFD',
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '\\':
        out += '\\\\';
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case '<':
        out += '\\u003C';
        continue;
      case '>':
        out += '\\u003E';
        continue;
      case '&':
        out += '\\u0026';
        continue;
      case '=':
        out += '\\u003D';
        continue;
    }
    if (c < 0x20) {
      out += '\\u00' + c.toString(16).toUpperCase().padStart(2, '0');
    } else if (c < 0x80 || isPrint(c)) {
      out += ch;
    } else {
      out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    }
  }
  return out;
}

/** Go's `url.QueryEscape`. */
export function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) {
      out += c;
    } else if (c === ' ') {
      out += '+';
    } else {
      out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}
