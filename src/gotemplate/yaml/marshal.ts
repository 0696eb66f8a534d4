import { formatFloat } from '../go/format-float';
import { GoMap } from '../go/go-map';
import { GoFloat64, GoInt64 } from '../go/go-numbers';
import { emitDocument, YamlNode } from './emitter';
import { compareYamlKeys, sortKeysNaturally } from './key-order';
import { resolvesToPlainString } from './resolve-string';

/**
 * Exactly what `gopkg.in/yaml.v3` (v3.0.1) `yaml.Marshal` returns for JSON-like data, including the final newline.
 *
 * - plain objects are mappings with their keys in yaml.v3's natural order (`sortKeysNaturally`);
 *   a `GoMap` (`map[interface {}]interface {}`) is a mapping with typed keys in yaml.v3's order (`compareYamlKeys`:
 *   numbers and booleans first, `true: 2`, `1e+06: x`, then `null`, then strings);
 *   a `Map` is a mapping in insertion order (how yaml.v3 writes a Go struct's fields);
 * - arrays are block sequences indented under their key (`key:\n    - a`), 4 spaces per level;
 * - empty collections are `{}` and `[]`; `null` and `undefined` are `null`;
 * - strings are plain unless they would read back as another type (`"true"`, `"1.5"`, `""`, `"2023-01-01"`,
 *   YAML 1.1 booleans like `"yes"`, base-60 numbers like `"12:30"`) — then double-quoted — or contain indicators
 *   or surrounding spaces (`'- dash'`, `'a #b'`) — then single-quoted; strings with a newline are literal blocks
 *   (`|`, `|-`, `|+`, with an indentation indicator when they start with a space);
 * - integers are Go ints, other numbers float64 (`strconv.FormatFloat(f, 'g', -1, 64)`, `.inf`, `-.inf`,
 *   `.nan`); `GoInt64` and `GoFloat64` are written as their Go types.
 *
 * Throws on values yaml.v3 cannot marshal (functions, symbols, class instances other than the above) and on
 * cyclic data (where Go would recurse until the stack overflows).
 */
export function marshalYaml(value: unknown): string {
  return emitDocument(toNode(value, new Set()));
}

const MAX_DEPTH = 10000;

function toNode(value: unknown, ancestors: Set<object>): YamlNode {
  if (value === null || value === undefined) {
    return scalar('null', 'plain');
  }
  switch (typeof value) {
    case 'string':
      return stringNode(value);
    case 'boolean':
      return scalar(value ? 'true' : 'false', 'plain');
    case 'number':
      return scalar(formatNumber(value), 'plain');
    case 'bigint':
      return scalar(BigInt.asIntN(64, value).toString(), 'plain');
    case 'object':
      break;
    default:
      throw new Error(`cannot marshal type: ${typeof value}`);
  }
  if (value instanceof GoInt64) {
    return scalar(value.value.toString(), 'plain');
  }
  if (value instanceof GoFloat64) {
    return scalar(formatYamlFloat(value.value), 'plain');
  }
  if (ancestors.has(value) || ancestors.size >= MAX_DEPTH) {
    throw new Error('cannot marshal cyclic or too deeply nested data');
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return { kind: 'sequence', items: value.map((item: unknown) => toNode(item, ancestors)) };
    }
    if (value instanceof GoMap) {
      return {
        kind: 'mapping',
        entries: (value as GoMap)
          .entries()
          .sort(([a], [b]) => compareYamlKeys(a, b))
          .map(([k, v]) => [toNode(k, ancestors), toNode(v, ancestors)] as const),
      };
    }
    if (value instanceof Map) {
      const entries: [YamlNode, YamlNode][] = [];
      for (const [k, v] of value as Map<unknown, unknown>) {
        entries.push([toNode(k, ancestors), toNode(v, ancestors)]);
      }
      return { kind: 'mapping', entries };
    }
    if (!isPlainObject(value)) {
      throw new Error(`cannot marshal type: ${value.constructor.name}`);
    }
    const record = value as Record<string, unknown>;
    return {
      kind: 'mapping',
      entries: sortKeysNaturally(Object.keys(record)).map(
        (k) => [stringNode(k), toNode(record[k], ancestors)] as const,
      ),
    };
  } finally {
    ancestors.delete(value);
  }
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function scalar(value: string, style: 'plain' | 'double' | 'literal'): YamlNode {
  return { kind: 'scalar', value, style };
}

/** `encode.go` `stringv`. */
function stringNode(s: string): YamlNode {
  if (s.includes('\n')) {
    return scalar(s, 'literal');
  }
  return scalar(s, resolvesToPlainString(s) ? 'plain' : 'double');
}

const INT64_LIMIT = 2 ** 63;

function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < INT64_LIMIT) {
    return BigInt(n).toString();
  }
  return formatYamlFloat(n);
}

/** `encode.go` `floatv`. */
function formatYamlFloat(f: number): string {
  const s = formatFloat(f, 'g', -1);
  switch (s) {
    case '+Inf':
      return '.inf';
    case '-Inf':
      return '-.inf';
    case 'NaN':
      return '.nan';
    default:
      return s;
  }
}
