import { NOT_RESOLVED, Schema, defineMappingTag, defineScalarTag, mapTag, mergeTag, seqTag, strTag } from 'js-yaml';
import { GoMap, GoMapKey, goMapKeyId, isGoMapKey } from '../go/go-map';
import { GoFloat64, goFloat64 } from '../go/go-numbers';
import {
  INF_WORDS,
  NAN_WORDS,
  NEG_INF_WORDS,
  NULL_WORDS,
  OLD_FALSE_WORDS,
  OLD_TRUE_WORDS,
  V3_FALSE_WORDS,
  V3_TRUE_WORDS,
  YAML_STYLE_FLOAT,
} from './resolve-words';

/*
 * Plain-scalar typing of Go's YAML libraries (resolve.go). gopkg.in/yaml.v2 is what Kalypso parses config values
 * with: YAML 1.1 booleans (y/yes/on/off…). gopkg.in/yaml.v3 is what Flux's kustomize-controller reads control-plane
 * files with: only true/false are booleans. Both read ints through Go's strconv.ParseInt(s, 0, 64) after removing
 * underscores (so "0755" is octal), floats only in the yamlStyleFloat shape, and keep timestamps as strings when
 * decoding into interface{}. js-yaml's own schemas differ on sexagesimal numbers, "1e3", timestamps and binary, so the
 * scalar tags are defined here.
 */

const V2_TRUE_WORDS = new Set([...V3_TRUE_WORDS, ...OLD_TRUE_WORDS]);
const V2_FALSE_WORDS = new Set([...V3_FALSE_WORDS, ...OLD_FALSE_WORDS]);
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

/** A plain scalar as a float64, or NOT_RESOLVED. */
function resolveFloat(source: string): number | typeof NOT_RESOLVED {
  if (NAN_WORDS.has(source)) return NaN;
  if (INF_WORDS.has(source)) return Infinity;
  if (NEG_INF_WORDS.has(source)) return -Infinity;
  const first = source.charAt(0);
  if (first === '.') return GO_FLOAT.test(source) ? Number(source) : NOT_RESOLVED;
  if (!(first === '+' || first === '-' || (first >= '0' && first <= '9'))) return NOT_RESOLVED;
  const plain = source.replace(/_/g, '');
  return YAML_STYLE_FLOAT.test(plain) ? Number(plain) : NOT_RESOLVED;
}

/** yaml.v3's float: a JavaScript number (`1.0` reads as 1, like the int 1: JSON-like data). */
const floatTag = defineScalarTag('tag:yaml.org,2002:float', {
  implicit: true,
  resolve: resolveFloat,
  identify: (data) => typeof data === 'number' && !Number.isInteger(data),
});

/**
 * yaml.v2's float64, keeping its Go type: an integral value (`1.0`, `1e6`, `08`) is a `GoFloat64`, not the int it
 * looks like. An explicit `!!float` also takes what reads as an int (`!!float 0x10`), as yaml.v2 converts it.
 */
const goFloatTag = defineScalarTag('tag:yaml.org,2002:float', {
  implicit: true,
  resolve: (source, isExplicit) => {
    const value = resolveFloat(source);
    if (value !== NOT_RESOLVED) return goFloat64(value);
    if (!isExplicit) return NOT_RESOLVED;
    const first = source.charAt(0);
    if (!(first === '+' || first === '-' || (first >= '0' && first <= '9'))) return NOT_RESOLVED;
    const integer = parseGoInt(source.replace(/_/g, ''));
    return integer === undefined ? NOT_RESOLVED : new GoFloat64(integer);
  },
  identify: (data) => data instanceof GoFloat64,
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

/** A mapping under construction: the map, and the keys the merge (`<<`) being applied has set so far. */
interface GoMapCarrier {
  readonly map: GoMap;
  /** Keys set by the merge in progress; undefined between merges. */
  merged?: Set<string | undefined>;
  /** The merge just asked whether it may set a key: the next pair is the merge's. */
  mergePairNext: boolean;
}

/**
 * yaml.v2's `map[interface {}]interface {}`: keys keep their type (`y:` is the boolean key true, `1:` the int 1),
 * a later duplicate key replaces the earlier value (load with `json: true`), a list or map as a key is an error
 * ("invalid map key"). A merge (`<<: *a`, `<<: [*a, *b]`) sets its keys where it is written, replacing keys written
 * before it, and the first map of a merge list that has a key wins (yaml.v2 `decoder.merge`): js-yaml asks `has`
 * before each key it merges (and only then, with `json: true`), so `has` answers whether this merge already set it.
 */
const goMapTag = defineMappingTag<GoMapCarrier, GoMap>('tag:yaml.org,2002:map', {
  create: () => ({ map: new GoMap(), mergePairNext: false }),
  addPair: (carrier, key, value) => {
    if (!isGoMapKey(key)) return `invalid map key: ${Array.isArray(key) ? 'a list' : 'a map'}`;
    if (carrier.mergePairNext) {
      carrier.merged?.add(goMapKeyId(key));
      carrier.mergePairNext = false;
    } else {
      carrier.merged = undefined;
    }
    carrier.map.set(key, value);
    return '';
  },
  has: (carrier, key) => {
    carrier.merged ??= new Set();
    const setByThisMerge = isGoMapKey(key) && carrier.merged.has(goMapKeyId(key));
    carrier.mergePairNext = !setByThisMerge;
    return setByThisMerge;
  },
  keys: (map) => map.keys(),
  get: (map, key) => map.get(key as GoMapKey),
  finalize: (carrier) => carrier.map,
  identify: (data) => data instanceof GoMap,
});

/**
 * yaml.v2 typing into Go types: how Kalypso parses YAML-valued config entries
 * (docs/explanation/scheduling-and-config.md#values). Mappings are `GoMap`s with typed keys, integral floats
 * `GoFloat64`s (see `ConfigValue`). Load with `json: true` (duplicate keys).
 */
export const GO_YAML_V2_SCHEMA = new Schema([
  strTag,
  seqTag,
  goMapTag,
  nullTag,
  boolTag(V2_TRUE_WORDS, V2_FALSE_WORDS),
  intTag,
  goFloatTag,
  mergeTag,
]);

/** yaml.v3 typing: how Flux reads control-plane files (so `edge: yes` is the string "yes", `edge: true` a boolean). */
export const GO_YAML_V3_SCHEMA = new Schema([
  strTag,
  seqTag,
  mapTag,
  nullTag,
  boolTag(new Set(V3_TRUE_WORDS), new Set(V3_FALSE_WORDS)),
  intTag,
  floatTag,
  mergeTag,
]);
