import { quote } from '../../go/quote';
import { byteLength, compareStrings, fromBytes, toBytes } from '../../go/utf8';
import { formatV } from '../fmt';
import { fn, FunctionContext, FunctionTable, GoCallError, LimitError } from '../functions';
import { goTypeOf, MAP_STRING_STRING, SLICE_STRING, typed } from '../values';
import { sliceString } from './go-slicing';
import {
  isLower,
  isSpace,
  isUpper,
  replaceAll,
  split,
  splitN,
  title,
  toLower,
  toLowerRune,
  toTitleRune,
  toUpper,
  toUpperRune,
  trimCutset,
  trimSpace,
} from './go-strings';

/** sprig v2.22.0 string functions (`strings.go` and `functions.go`), with Go's byte semantics. */
export const STRING_FUNCTIONS: FunctionTable = {
  abbrev: fn(['int', 'string'], ([width, s]) =>
    (width as number) < 4 ? s : abbreviate(s as string, 0, width as number),
  ),
  abbrevboth: fn(['int', 'int', 'string'], ([left, right, s]) => {
    const l = left as number;
    const r = right as number;
    return r < 4 || (l > 0 && r < 7) ? s : abbreviate(s as string, l, r);
  }),
  trunc: fn(['int', 'string'], ([c, s]) =>
    byteLength(s as string) <= (c as number) ? s : sliceString(s as string, 0, c as number),
  ),
  trim: fn(['string'], ([s]) => trimSpace(s as string)),
  upper: fn(['string'], ([s]) => toUpper(s as string)),
  lower: fn(['string'], ([s]) => toLower(s as string)),
  title: fn(['string'], ([s]) => title(s as string)),
  untitle: fn(['string'], ([s]) => uncapitalize(s as string)),
  substr: fn(['int', 'int', 'string'], ([start, end, s]) => substring(start as number, end as number, s as string)),
  repeat: fn(['int', 'string'], ([count, s], ctx) => repeat(s as string, count as number, ctx)),
  trimall: fn(['string', 'string'], ([a, b]) => trimCutset(b as string, a as string)),
  trimAll: fn(['string', 'string'], ([a, b]) => trimCutset(b as string, a as string)),
  trimSuffix: fn(['string', 'string'], ([a, b]) => {
    const s = b as string;
    return a !== '' && s.endsWith(a as string) ? s.slice(0, s.length - (a as string).length) : s;
  }),
  trimPrefix: fn(['string', 'string'], ([a, b]) =>
    (b as string).startsWith(a as string) ? (b as string).slice((a as string).length) : b,
  ),
  nospace: fn(['string'], ([s]) => deleteWhiteSpace(s as string)),
  initials: fn(['string'], ([s]) => initials(s as string)),
  swapcase: fn(['string'], ([s]) => swapCase(s as string)),
  wrap: fn(['int', 'string'], ([l, s]) => wrapCustom(s as string, l as number, '', false)),
  wrapWith: fn(['int', 'string', 'string'], ([l, sep, s]) => wrapCustom(s as string, l as number, sep as string, true)),
  contains: fn(['string', 'string'], ([sub, s]) => (s as string).includes(sub as string)),
  hasPrefix: fn(['string', 'string'], ([prefix, s]) => (s as string).startsWith(prefix as string)),
  hasSuffix: fn(['string', 'string'], ([suffix, s]) => (s as string).endsWith(suffix as string)),
  quote: fn(
    [],
    (args) =>
      args
        .filter((a) => a !== null)
        .map((a) => quote(strval(a)))
        .join(' '),
    'any',
  ),
  squote: fn(
    [],
    (args) =>
      args
        .filter((a) => a !== null)
        .map((a) => `'${formatV(a)}'`)
        .join(' '),
    'any',
  ),
  cat: fn(
    [],
    (args) =>
      args
        .filter((a) => a !== null)
        .map(formatV)
        .join(' '),
    'any',
  ),
  indent: fn(['int', 'string'], ([n, s], ctx) => indent(n as number, s as string, ctx)),
  nindent: fn(['int', 'string'], ([n, s], ctx) => '\n' + indent(n as number, s as string, ctx)),
  replace: fn(['string', 'string', 'string'], ([old, replacement, s]) =>
    replaceAll(s as string, old as string, replacement as string),
  ),
  plural: fn(['string', 'string', 'int'], ([one, many, count]) => (count === 1 ? one : many)),
  toString: fn(['any'], ([v]) => strval(v)),
  toStrings: fn(['any'], ([v]) => typed(strslice(v), SLICE_STRING)),
  split: fn(['string', 'string'], ([sep, s]) => indexedParts(split(s as string, sep as string))),
  splitList: fn(['string', 'string'], ([sep, s]) => typed(split(s as string, sep as string), SLICE_STRING)),
  splitn: fn(['string', 'int', 'string'], ([sep, n, s]) =>
    indexedParts(splitN(s as string, sep as string, n as number)),
  ),
  join: fn(['string', 'any'], ([sep, v]) => strslice(v).join(sep as string)),
  sortAlpha: fn(['any'], ([list]) => {
    if (Array.isArray(list)) {
      return typed([...strslice(list)].sort(compareStrings), SLICE_STRING);
    }
    return typed([strval(list)], SLICE_STRING);
  }),
};

/** sprig's `strval`: strings as they are, anything else as `fmt.Sprintf("%v")`. */
export function strval(v: unknown): string {
  return typeof v === 'string' ? v : formatV(v);
}

/** sprig's `strslice`: a `[]string` from a slice (dropping nil elements), nil, or a single value. */
export function strslice(v: unknown): string[] {
  if (Array.isArray(v)) {
    if (goTypeOf(v) === SLICE_STRING) {
      return v as string[];
    }
    return v.filter((x) => x !== null && x !== undefined).map(strval);
  }
  if (v === null || v === undefined) {
    return [];
  }
  return [strval(v)];
}

function indexedParts(parts: readonly string[]): Record<string, string> {
  const map = typed(Object.create(null) as Record<string, string>, MAP_STRING_STRING);
  parts.forEach((p, i) => {
    map['_' + String(i)] = p;
  });
  return map;
}

function repeat(s: string, count: number, ctx: FunctionContext): string {
  if (count < 0) {
    throw new GoCallError('strings: negative Repeat count');
  }
  const size = byteLength(s) * count;
  if (size > ctx.maxOutputBytes) {
    throw new LimitError(`repeat would build ${size} bytes, more than the limit of ${ctx.maxOutputBytes}`);
  }
  ctx.charge(Math.floor(size / 1024));
  return s.repeat(count);
}

function indent(spaces: number, s: string, ctx: FunctionContext): string {
  const pad = repeat(' ', spaces, ctx);
  return pad + s.split('\n').join('\n' + pad);
}

function substring(start: number, end: number, s: string): string {
  if (start < 0) {
    return sliceString(s, undefined, end);
  }
  if (end < 0 || end > byteLength(s)) {
    return sliceString(s, start, undefined);
  }
  return sliceString(s, start, end);
}

/** goutils `AbbreviateFull` (byte offsets). */
function abbreviate(s: string, offset: number, maxWidth: number): string {
  if (s === '') {
    return '';
  }
  if (maxWidth < 4) {
    return '';
  }
  const len = byteLength(s);
  if (len <= maxWidth) {
    return s;
  }
  if (offset > len) {
    offset = len;
  }
  if (len - offset < maxWidth - 3) {
    offset = len - (maxWidth - 3);
  }
  const marker = '...';
  if (offset <= 4) {
    return sliceString(s, 0, maxWidth - 3) + marker;
  }
  if (maxWidth < 7) {
    return '';
  }
  if (offset + maxWidth - 3 < len) {
    return marker + abbreviate(sliceString(s, offset, undefined), 0, maxWidth - 3);
  }
  return marker + sliceString(s, len - (maxWidth - 3), undefined);
}

/** goutils `Uncapitalize`: lower-cases the first letter of every white-space separated word. */
function uncapitalize(s: string): string {
  let next = true;
  return Array.from(s, (ch) => {
    if (isSpace(ch.codePointAt(0) ?? 0)) {
      next = true;
      return ch;
    }
    if (next) {
      next = false;
      return toLowerRune(ch);
    }
    return ch;
  }).join('');
}

/** goutils `SwapCase`. */
function swapCase(s: string): string {
  let whitespace = true;
  return Array.from(s, (ch) => {
    if (isUpper(ch) || /^\p{Lt}$/u.test(ch)) {
      whitespace = false;
      return toLowerRune(ch);
    }
    if (isLower(ch)) {
      const out = whitespace ? toTitleRune(ch) : toUpperRune(ch);
      whitespace = false;
      return out;
    }
    whitespace = isSpace(ch.codePointAt(0) ?? 0);
    return ch;
  }).join('');
}

/** goutils `DeleteWhiteSpace`, which walks bytes (non-ASCII text comes out as Latin-1 when anything is removed). */
function deleteWhiteSpace(s: string): string {
  const bytes = toBytes(s);
  let out = '';
  let removed = false;
  for (const b of bytes) {
    if (isSpace(b)) {
      removed = true;
    } else {
      out += String.fromCharCode(b);
    }
  }
  return removed ? out : s;
}

/** goutils `Initials`, which walks bytes. */
function initials(s: string): string {
  let out = '';
  let lastWasGap = true;
  for (const b of toBytes(s)) {
    if (isSpace(b)) {
      lastWasGap = true;
    } else if (lastWasGap) {
      out += String.fromCharCode(b);
      lastWasGap = false;
    }
  }
  return out;
}

/** goutils `WrapCustom` (byte offsets). */
function wrapCustom(s: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (s === '') {
    return '';
  }
  if (newLine === '') {
    newLine = '\n';
  }
  if (wrapLength < 1) {
    wrapLength = 1;
  }
  const str = toBytes(s);
  const text = (a: number, b: number): string => fromBytes(str.subarray(a, b));
  const lastIndexOfSpace = (a: number, b: number): number => str.subarray(a, b).lastIndexOf(0x20);
  const inputLength = str.length;
  let offset = 0;
  let out = '';
  while (inputLength - offset > wrapLength) {
    if (str[offset] === 0x20) {
      offset++;
      continue;
    }
    const end = Math.min(wrapLength + offset + 1, inputLength);
    let spaceToWrapAt = lastIndexOfSpace(offset, end) + offset;
    if (spaceToWrapAt >= offset) {
      out += text(offset, spaceToWrapAt) + newLine;
      offset = spaceToWrapAt + 1;
    } else if (wrapLongWords) {
      out += text(offset, wrapLength + offset) + newLine;
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const index = str.subarray(e).indexOf(0x20);
      if (index === -1) {
        out += text(offset, inputLength);
        offset = inputLength;
      } else {
        spaceToWrapAt = index + e;
        out += text(offset, spaceToWrapAt) + newLine;
        offset = spaceToWrapAt + 1;
      }
    }
  }
  return out + text(offset, inputLength);
}
