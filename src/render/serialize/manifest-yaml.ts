import { Yaml } from 'cdk8s';

/*
 * The YAML text of one manifest, exactly as cdk8s `Yaml.stringify` writes it — that is, the `yaml` package's
 * `stringify(value, { keepUndefined: true, lineWidth: 0, version: '1.1' })` — without building a YAML document tree.
 * `Yaml.stringify` turns every value into a node (a Pair, a Scalar, a copied options object per level) and tests each
 * string against the schema's tags; at tens of thousands of manifests it was a quarter of synth's time.
 *
 * The functions below follow `yaml/dist/stringify` (stringifyString.js, stringifyPair.js, stringifyCollection.js) for
 * the values a manifest holds — plain objects, arrays, strings, numbers, booleans, null and undefined — with the
 * options cdk8s passes: no line folding (lineWidth 0), literal block scalars, double quotes unless only single quotes
 * avoid escaping, YAML 1.1 tags. Anything else (a top-level scalar, a Date, a Map, an object reached twice, which yaml
 * writes as an alias) is handed to `Yaml.stringify` itself. test/output/manifest-yaml.test.ts compares the two over
 * generated objects.
 */

/** Thrown inside this module for values only `Yaml.stringify` handles. */
class Unsupported extends Error {}

const INDENT_STEP = '  ';

/**
 * The YAML 1.1 tags (other than str and merge) whose plain form a string could be mistaken for: such strings are
 * quoted. The merge key `<<` is written plain by the merge tag, whatever its place.
 */
export const YAML_11_SCALAR_TESTS: readonly RegExp[] = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
];
/** The tests above as one expression (each is anchored at both ends). */
const ANY_SCALAR_TEST = new RegExp(YAML_11_SCALAR_TESTS.map((test) => `(?:${test.source})`).join('|'));
const MERGE_KEY = '<<';

// stringifyString.js
const CONTROL_CHARACTERS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
const DOUBLE_QUOTED_MIN_MULTI_LINE_LENGTH = 40;
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

function doubleQuotedString(value: string, ctxIndent: string, implicitKey: boolean): string {
  const json = JSON.stringify(value);
  const indent = ctxIndent || (DOCUMENT_MARKER.test(value) ? '  ' : '');
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // space before newline needs to be escaped to not be folded
      str += `${json.slice(start, i)}\\ `;
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch === '\\') {
      switch (json[i + 1]) {
        case 'u': {
          str += json.slice(start, i);
          const code = json.substr(i + 2, 4);
          switch (code) {
            case '0000':
              str += '\\0';
              break;
            case '0007':
              str += '\\a';
              break;
            case '000b':
              str += '\\v';
              break;
            case '001b':
              str += '\\e';
              break;
            case '0085':
              str += '\\N';
              break;
            case '00a0':
              str += '\\_';
              break;
            case '2028':
              str += '\\L';
              break;
            case '2029':
              str += '\\P';
              break;
            default:
              if (code.substr(0, 2) === '00') str += `\\x${code.substr(2)}`;
              else str += json.substr(i, 6);
          }
          i += 5;
          start = i + 1;
          break;
        }
        case 'n':
          if (implicitKey || json[i + 2] === '"' || json.length < DOUBLE_QUOTED_MIN_MULTI_LINE_LENGTH) {
            i += 1;
          } else {
            // folding will eat first newline
            str += `${json.slice(start, i)}\n\n`;
            while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
              str += '\n';
              i += 2;
            }
            str += indent;
            // space after newline needs to be escaped to not be folded
            if (json[i + 2] === ' ') str += '\\';
            i += 1;
            start = i + 1;
          }
          break;
        default:
          i += 1;
      }
    }
  }
  return start ? str + json.slice(start) : json;
}

function singleQuotedString(value: string, ctxIndent: string, implicitKey: boolean): string {
  if ((implicitKey && value.includes('\n')) || /[ \t]\n|\n[ \t]/.test(value)) {
    return doubleQuotedString(value, ctxIndent, implicitKey);
  }
  const indent = ctxIndent || (DOCUMENT_MARKER.test(value) ? '  ' : '');
  return `'${value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`)}'`;
}

function quotedString(value: string, indent: string, implicitKey: boolean): string {
  const hasDouble = value.includes('"');
  const hasSingle = value.includes("'");
  return hasDouble && !hasSingle
    ? singleQuotedString(value, indent, implicitKey)
    : doubleQuotedString(value, indent, implicitKey);
}

/** A literal block scalar (lineWidth 0 never folds). */
function blockString(input: string, ctxIndent: string, implicitKey: boolean): string {
  // 1. Block can't end in whitespace unless the last line is non-empty.
  // 2. Strings consisting of only whitespace are best rendered explicitly.
  if (/\n[\t ]+$/.test(input)) return quotedString(input, ctxIndent, implicitKey);
  let value = input;
  const indent = ctxIndent || (DOCUMENT_MARKER.test(value) ? '  ' : '');
  if (!value) return '|\n';
  // determine chomping from whitespace at value end
  let chomp: string;
  let endStart: number;
  for (endStart = value.length; endStart > 0; --endStart) {
    const ch = value[endStart - 1];
    if (ch !== '\n' && ch !== '\t' && ch !== ' ') break;
  }
  let end = value.substring(endStart);
  const endNlPos = end.indexOf('\n');
  if (endNlPos === -1) chomp = '-';
  else if (value === end || endNlPos !== end.length - 1) chomp = '+';
  else chomp = '';
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === '\n') end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
  }
  // determine indent indicator from whitespace at value start
  let startWithSpace = false;
  let startEnd: number;
  let startNlPos = -1;
  for (startEnd = 0; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNlPos = startEnd;
    else break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const indentSize = indent ? '2' : '1';
  const header = (startWithSpace ? indentSize : '') + chomp;
  value = value.replace(/\n+/g, `$&${indent}`);
  return `|${header}\n${indent}${start}${value}${end}`;
}

function plainString(value: string, indent: string, implicitKey: boolean): string {
  if (implicitKey && value.includes('\n')) return quotedString(value, indent, implicitKey);
  if (NOT_PLAIN.test(value)) {
    return implicitKey || !value.includes('\n')
      ? quotedString(value, indent, implicitKey)
      : blockString(value, indent, implicitKey);
  }
  if (!implicitKey && value.includes('\n')) return blockString(value, indent, implicitKey);
  if (DOCUMENT_MARKER.test(value)) {
    if (indent === '') throw new Unsupported('a top-level scalar with a document marker');
    if (implicitKey && indent === INDENT_STEP) return quotedString(value, indent, implicitKey);
  }
  // No line break is left here, so the plain text is the value itself.
  if (ANY_SCALAR_TEST.test(value)) {
    return quotedString(value, indent, implicitKey);
  }
  return value;
}

function stringifyString(value: string, indent: string, implicitKey: boolean): string {
  if (value === MERGE_KEY) return MERGE_KEY;
  // force double quotes on control characters & unpaired surrogates
  if (CONTROL_CHARACTERS.test(value)) return doubleQuotedString(value, indent, implicitKey);
  return plainString(value, indent, implicitKey);
}

// stringifyNumber.js
/*
 * Keys and single-line values repeat across manifests (every platform-config has the same keys, many the same values),
 * so their text is remembered. A key's text depends on its indentation only through the document-marker rule for
 * top-level keys, and a single-line value's not at all.
 */
const MEMO_LIMIT = 100_000;
const topLevelKeys = new Map<string, string>();
const nestedKeys = new Map<string, string>();
const singleLineValues = new Map<string, string>();

function remembered(memo: Map<string, string>, text: string, stringify: () => string): string {
  let result = memo.get(text);
  if (result === undefined) {
    result = stringify();
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, result);
  }
  return result;
}

function stringifyKey(key: string, pairIndent: string): string {
  return remembered(pairIndent === INDENT_STEP ? topLevelKeys : nestedKeys, key, () =>
    stringifyString(key, pairIndent, true),
  );
}

function stringifyStringValue(value: string, indent: string): string {
  return value.includes('\n')
    ? stringifyString(value, indent, false)
    : remembered(singleLineValues, value, () => stringifyString(value, indent, false));
}

function stringifyNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** A value at `indent` (the indentation of the collection it belongs to, plus one step). */
function stringifyValue(value: unknown, indent: string, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return stringifyStringValue(value, indent);
    case 'number':
      return stringifyNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'null';
    case 'object':
      break;
    default:
      throw new Unsupported(typeof value);
  }
  if (value === null) return 'null';
  // yaml writes an object reached twice as an anchor and an alias.
  if (seen.has(value)) throw new Unsupported('an object reached twice');
  seen.add(value);
  if (Array.isArray(value)) return stringifySequence(value, indent, seen);
  if (!isPlainObject(value)) throw new Unsupported('an object that is not plain');
  return stringifyMap(value, indent, seen);
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

// Lines are joined once (not appended one by one), so the text is one flat string rather than a rope of thousands of
// pieces that would hold several times its size until something flattens it.
function stringifySequence(items: readonly unknown[], indent: string, seen: Set<object>): string {
  if (items.length === 0) return '[]';
  const itemIndent = indent + INDENT_STEP;
  const lines: string[] = [];
  // A sparse array's holes are undefined to `for…of`, as to yaml's iteration.
  for (const item of items) lines.push(`- ${stringifyValue(item, itemIndent, seen)}`);
  return lines.join(`\n${indent}`);
}

function stringifyMap(map: Record<string, unknown>, indent: string, seen: Set<object>): string {
  const keys = Object.keys(map);
  if (keys.length === 0) return '{}';
  const pairIndent = indent + INDENT_STEP;
  const lines: string[] = [];
  for (const key of keys) {
    const value = map[key];
    const keyText = stringifyKey(key, pairIndent);
    const explicitKey = keyText.length > 1024;
    const valueStr = stringifyValue(value, pairIndent, seen);
    let ws = ' ';
    if (!explicitKey && isCollection(value)) {
      const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
      if (valueStr.includes('\n') || !empty) ws = `\n${pairIndent}`;
    } else if (valueStr === '' || valueStr[0] === '\n') {
      ws = '';
    }
    lines.push(`${explicitKey ? `? ${keyText}\n${indent}:` : `${keyText}:`}${ws}${valueStr}`);
  }
  return lines.join(`\n${indent}`);
}

/**
 * One manifest as cdk8s `Yaml.stringify(manifest)` writes it: a YAML document ending in a line break, no `---`.
 */
export function stringifyManifest(manifest: unknown): string {
  if (isCollection(manifest)) {
    try {
      return `${stringifyValue(manifest, '', new Set())}\n`;
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
    }
  }
  return Yaml.stringify(manifest);
}
