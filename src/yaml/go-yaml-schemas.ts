import {
  NOT_RESOLVED, Schema, defineScalarTag, mapTag, mergeTag, seqTag, strTag,
} from 'js-yaml';

/*
 * Plain-scalar typing of Go's YAML libraries (resolve.go). gopkg.in/yaml.v2 is what Kalypso parses config values
 * with: YAML 1.1 booleans (y/yes/on/off…). gopkg.in/yaml.v3 is what Flux's kustomize-controller reads control-plane
 * files with: only true/false are booleans. Both read ints through Go's strconv.ParseInt(s, 0, 64) after removing
 * underscores (so "0755" is octal), floats only in the yamlStyleFloat shape, and keep timestamps as strings when
 * decoding into interface{}. js-yaml's own schemas differ on sexagesimal numbers, "1e3", timestamps and binary, so the
 * scalar tags are defined here.
 */

const V3_TRUE_WORDS = ['true', 'True', 'TRUE'];
const V3_FALSE_WORDS = ['false', 'False', 'FALSE'];
const V2_TRUE_WORDS = new Set([...V3_TRUE_WORDS, 'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const V2_FALSE_WORDS = new Set([...V3_FALSE_WORDS, 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);
const NAN_WORDS = new Set(['.nan', '.NaN', '.NAN']);
const INF_WORDS = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
const NEG_INF_WORDS = new Set(['-.inf', '-.Inf', '-.INF']);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?(inf|infinity|nan)$/i;

const nullTag = defineScalarTag('tag:yaml.org,2002:null', {
  implicit: true,
  resolve: (source) => (NULL_WORDS.has(source) ? null : NOT_RESOLVED),
  identify: (data) => data === null,
  represent: () => 'null',
});

function boolTag(trueWords: ReadonlySet<string>, falseWords: ReadonlySet<string>) {
  return defineScalarTag('tag:yaml.org,2002:bool', {
    implicit: true,
    resolve: (source) => (trueWords.has(source) ? true : falseWords.has(source) ? false : NOT_RESOLVED),
    identify: (data) => typeof data === 'boolean',
  });
}

const intTag = defineScalarTag('tag:yaml.org,2002:int', {
  implicit: true,
  resolve: (source) => {
    const first = source.charAt(0);
    if (!(first === '+' || first === '-' || (first >= '0' && first <= '9'))) return NOT_RESOLVED;
    const value = parseGoInt(source.replace(/_/g, ''));
    return value === undefined ? NOT_RESOLVED : value;
  },
  identify: (data) => typeof data === 'number' && Number.isInteger(data),
});

const floatTag = defineScalarTag('tag:yaml.org,2002:float', {
  implicit: true,
  resolve: (source) => {
    if (NAN_WORDS.has(source)) return NaN;
    if (INF_WORDS.has(source)) return Infinity;
    if (NEG_INF_WORDS.has(source)) return -Infinity;
    const first = source.charAt(0);
    if (first === '.') return GO_FLOAT.test(source) ? Number(source) : NOT_RESOLVED;
    if (!(first === '+' || first === '-' || (first >= '0' && first <= '9'))) return NOT_RESOLVED;
    const plain = source.replace(/_/g, '');
    return YAML_STYLE_FLOAT.test(plain) ? Number(plain) : NOT_RESOLVED;
  },
  identify: (data) => typeof data === 'number' && !Number.isInteger(data),
});

/** Go's strconv.ParseInt(s, 0, 64) (and ParseUint as yaml.v2's fallback), or undefined when it fails. */
function parseGoInt(text: string): number | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const [, sign, digits] = match;
  let magnitude: bigint;
  if (/^0[oO]/.test(digits)) magnitude = BigInt(`0o${digits.slice(2)}`);
  else if (/^0[0-7]+$/.test(digits)) magnitude = BigInt(`0o${digits.slice(1)}`);
  else magnitude = BigInt(digits);
  const value = sign === '-' ? -magnitude : magnitude;
  if (value < -(2n ** 63n) || value > 2n ** 64n - 1n) return undefined;
  return Number(value);
}

/** yaml.v2 typing: how Kalypso parses YAML-valued config entries (reference §6.3). */
export const GO_YAML_V2_SCHEMA = new Schema([
  strTag, seqTag, mapTag, nullTag, boolTag(V2_TRUE_WORDS, V2_FALSE_WORDS), intTag, floatTag, mergeTag,
]);

/** yaml.v3 typing: how Flux reads control-plane files (so `edge: yes` is the string "yes", `edge: true` a boolean). */
export const GO_YAML_V3_SCHEMA = new Schema([
  strTag, seqTag, mapTag, nullTag, boolTag(new Set(V3_TRUE_WORDS), new Set(V3_FALSE_WORDS)), intTag, floatTag, mergeTag,
]);
