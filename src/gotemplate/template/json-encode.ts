import { formatFloat } from '../go/format-float';
import { compareStrings } from '../go/utf8';
import { bigintOf, GoStruct, goTypeOf, isNilCollection, kindOf, MAP_ANY_ANY, numberOf } from './values';

/** Why Go's `encoding/json` refuses a value (`json: unsupported type: …`, `json: unsupported value: NaN`). */
export class JsonEncodeError extends Error {}

/**
 * Go's `json.Marshal` (and `json.MarshalIndent(v, "", "  ")` when `indent` is set) over template values:
 * map keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped, floats formatted like Go, typed nil slices and
 * maps as `null`. Maps with `interface {}` keys (config values parsed by yaml.v2) are an unsupported type.
 */
export function marshalJson(value: unknown, indent = false): string {
  const compact = encode(value, new Set());
  return indent ? indentJson(compact) : compact;
}

function encode(v: unknown, seen: Set<object>): string {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return 'null';
    case 'bool':
      return v ? 'true' : 'false';
    case 'int':
    case 'uint':
      return bigintOf(v).toString();
    case 'float':
      return encodeFloat(numberOf(v));
    case 'string':
      return encodeString(v as string);
    case 'slice':
    case 'map':
    case 'struct':
      break;
  }
  const obj = v as object;
  if (isNilCollection(obj)) {
    return 'null';
  }
  if (seen.has(obj)) {
    throw new JsonEncodeError(`json: unsupported value: encountered a cycle via ${goTypeOf(v)}`);
  }
  seen.add(obj);
  try {
    if (v instanceof GoStruct) {
      return '{' + [...v.fields].map(([k, x]) => encodeString(k) + ':' + encode(x, seen)).join(',') + '}';
    }
    if (Array.isArray(v)) {
      return '[' + v.map((x) => encode(x, seen)).join(',') + ']';
    }
    if (goTypeOf(v) === MAP_ANY_ANY) {
      throw new JsonEncodeError(`json: unsupported type: ${MAP_ANY_ANY}`);
    }
    const map = v as Record<string, unknown>;
    return (
      '{' +
      Object.keys(map)
        .sort(compareStrings)
        .map((k) => encodeString(k) + ':' + encode(map[k], seen))
        .join(',') +
      '}'
    );
  } finally {
    seen.delete(obj);
  }
}

function encodeFloat(f: number): string {
  if (!Number.isFinite(f)) {
    throw new JsonEncodeError(`json: unsupported value: ${formatFloat(f, 'g', -1)}`);
  }
  const abs = Math.abs(f);
  const useExponent = abs !== 0 && (abs < 1e-6 || abs >= 1e21);
  let s = formatFloat(f, useExponent ? 'e' : 'f', -1);
  if (useExponent) {
    s = s.replace(/e-0([0-9])$/, 'e-$1');
  }
  return s;
}

const HEX = '0123456789abcdef';

/** `encoding/json` string encoding with HTML escaping. */
export function encodeString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '\\':
      case '"':
        out += '\\' + ch;
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
    }
    if (c < 0x20 || ch === '<' || ch === '>' || ch === '&') {
      out += '\\u00' + HEX[c >> 4] + HEX[c & 15];
    } else if (c === 0x2028 || c === 0x2029) {
      out += '\\u202' + HEX[c & 15];
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += '\\ufffd';
    } else {
      out += ch;
    }
  }
  return out + '"';
}

/** `json.Indent(dst, src, "", "  ")` over compact JSON produced by `encode`. */
function indentJson(src: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  let needIndent = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inString) {
      out += c;
      if (c === '\\') {
        out += src[++i];
      } else if (c === '"') {
        inString = false;
      }
      continue;
    }
    if (needIndent && c !== ']' && c !== '}') {
      needIndent = false;
      depth++;
      out += '\n' + '  '.repeat(depth);
    }
    switch (c) {
      case '"':
        inString = true;
        out += c;
        break;
      case '{':
      case '[':
        out += c;
        needIndent = true;
        break;
      case ',':
        out += ',\n' + '  '.repeat(depth);
        break;
      case ':':
        out += ': ';
        break;
      case '}':
      case ']':
        if (needIndent) {
          needIndent = false;
        } else {
          depth--;
          out += '\n' + '  '.repeat(depth);
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}
