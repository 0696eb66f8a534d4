import { GoMap, GoMapKey } from '../go/go-map';
import { GoFloat64, GoInt64 } from '../go/go-numbers';

/**
 * How Go values are represented while a template executes.
 *
 * | Go                              | here                                                     |
 * |---------------------------------|----------------------------------------------------------|
 * | invalid `reflect.Value`         | `undefined` (printed `<no value>`; a missing map key)    |
 * | nil interface / nil pointer     | `null`                                                   |
 * | `string`, `bool`                | `string`, `boolean`                                      |
 * | `int`                           | integral `number`                                        |
 * | `int64`                         | `GoInt64`                                                |
 * | `float64`                       | non-integral `number`, or `GoFloat64`                    |
 * | `uint8` (`index` of a string)   | `GoUint8`                                                |
 * | slices                          | arrays; element type from `goTypeOf` (default `[]interface {}`) |
 * | `map[interface {}]interface {}` | `GoMap` (config values parsed by yaml.v2: typed keys), or a plain object (string keys only) |
 * | other maps                      | plain objects; type from `goTypeOf` (default `map[interface {}]interface {}`) |
 * | the data struct                 | `GoStruct`                                               |
 */
export type Kind = 'invalid' | 'nil' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'slice' | 'map' | 'struct';

export class GoUint8 {
  constructor(readonly value: number) {}
}

/** A Go struct value: a named type with ordered, exported fields. */
export class GoStruct {
  constructor(
    readonly typeName: string,
    readonly fields: ReadonlyMap<string, unknown>,
  ) {}
}

export const MAP_STRING_ANY = 'map[string]interface {}';
export const MAP_STRING_STRING = 'map[string]string';
export const MAP_ANY_ANY = 'map[interface {}]interface {}';
export const SLICE_ANY = '[]interface {}';
export const SLICE_STRING = '[]string';
export const SLICE_INT = '[]int';

const goTypes = new WeakMap<object, string>();
const nilCollections = new WeakSet<object>();

/** Records the Go type of a map or slice created by the engine (or copied from the data). */
export function typed<T extends object>(value: T, goType: string): T {
  goTypes.set(value, goType);
  return value;
}

/** A typed nil slice: behaves as empty, but `toJson` writes `null` like Go. */
export function nilSlice(goType = SLICE_ANY): unknown[] {
  const value = typed<unknown[]>([], goType);
  nilCollections.add(value);
  return value;
}

export function isNilCollection(value: unknown): boolean {
  return typeof value === 'object' && value !== null && nilCollections.has(value);
}

/** A new, empty `map[string]interface {}` that cannot be confused with a prototype property. */
export function newStringMap(): Record<string, unknown> {
  return typed(Object.create(null) as Record<string, unknown>, MAP_STRING_ANY);
}

/** A map with string keys held as a plain object (`map[string]…`, or a `map[interface {}]…` built in code). */
export function isMap(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return false;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function hasKey(map: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/** The number of entries of a map of either representation. */
export function mapSize(map: object): number {
  return map instanceof GoMap ? map.size : Object.keys(map).length;
}

/** The entries of a map of either representation, in no particular order (see `map-order.ts` for Go's). */
export function mapEntries(map: object): [GoMapKey, unknown][] {
  if (map instanceof GoMap) {
    return map.entries();
  }
  const record = map as Record<string, unknown>;
  return Object.keys(record).map((k) => [k, record[k]]);
}

/**
 * `m[key]` (Go's `MapIndex`): the value, or `undefined` when there is none. A plain-object map only has string keys;
 * a `GoMap` compares keys as Go compares `interface {}` values.
 */
export function mapLookup(map: object, key: GoMapKey): unknown {
  if (map instanceof GoMap) {
    return map.get(key);
  }
  return typeof key === 'string' && hasKey(map as Record<string, unknown>, key)
    ? (map as Record<string, unknown>)[key]
    : undefined;
}

export function kindOf(v: unknown): Kind {
  if (v === undefined) {
    return 'invalid';
  }
  if (v === null) {
    return 'nil';
  }
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    default:
      break;
  }
  if (v instanceof GoInt64) {
    return 'int';
  }
  if (v instanceof GoFloat64) {
    return 'float';
  }
  if (v instanceof GoUint8) {
    return 'uint';
  }
  if (v instanceof GoStruct) {
    return 'struct';
  }
  if (Array.isArray(v)) {
    return 'slice';
  }
  if (isMap(v) || v instanceof GoMap) {
    return 'map';
  }
  return 'invalid';
}

/** The Go type name of a value, as `%T` and reflection print it (`null` is `interface {}` here). */
export function goTypeOf(v: unknown): string {
  if (v === null) {
    return 'interface {}';
  }
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float64';
    default:
      break;
  }
  if (v instanceof GoInt64) {
    return 'int64';
  }
  if (v instanceof GoFloat64) {
    return 'float64';
  }
  if (v instanceof GoUint8) {
    return 'uint8';
  }
  if (v instanceof GoStruct) {
    return v.typeName;
  }
  if (v instanceof GoMap) {
    return MAP_ANY_ANY;
  }
  if (typeof v === 'object') {
    return goTypes.get(v) ?? (Array.isArray(v) ? SLICE_ANY : MAP_ANY_ANY);
  }
  return 'invalid';
}

/** Go's reflect `Kind().String()` (`kindOf` in sprig). */
export function reflectKindName(v: unknown): string {
  if (v === undefined || v === null) {
    return 'invalid';
  }
  if (v instanceof GoInt64) {
    return 'int64';
  }
  if (v instanceof GoFloat64) {
    return 'float64';
  }
  if (v instanceof GoUint8) {
    return 'uint8';
  }
  switch (kindOf(v)) {
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    default:
      return kindOf(v);
  }
}

/** Element type of a slice type (`[]string` → `string`). */
export function elementType(sliceType: string): string {
  return sliceType.startsWith('[]') ? sliceType.slice(2) : 'interface {}';
}

/** Go's truth (`if`, `and`, `or`, `not`): false, 0, nil, empty strings, slices and maps are false. */
export function isTrue(v: unknown): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return v as boolean;
    case 'string':
      return (v as string).length > 0;
    case 'int':
    case 'float':
    case 'uint':
      return numberOf(v) !== 0;
    case 'slice':
      return (v as unknown[]).length > 0;
    case 'map':
      return mapSize(v as object) > 0;
    case 'struct':
      return true;
  }
}

/** The numeric value of an int, int64, float64 or uint8. */
export function numberOf(v: unknown): number {
  if (typeof v === 'number') {
    return v;
  }
  if (v instanceof GoInt64) {
    return Number(v.value);
  }
  if (v instanceof GoFloat64 || v instanceof GoUint8) {
    return v.value;
  }
  return NaN;
}

/** The integer value of an int, int64 or uint8 as a bigint. */
export function bigintOf(v: unknown): bigint {
  if (v instanceof GoInt64) {
    return v.value;
  }
  if (v instanceof GoUint8) {
    return BigInt(v.value);
  }
  return BigInt(Math.trunc(numberOf(v)));
}
