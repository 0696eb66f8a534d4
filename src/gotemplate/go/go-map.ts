import { formatFloat } from './format-float';
import { GoFloat64 } from './go-numbers';

/**
 * A key of a Go map with `interface {}` keys, as yaml.v2 decodes YAML mapping keys: a `string`, an `int` (an
 * integral JavaScript number), a `float64` (a non-integral number, or a `GoFloat64` for integral values such as
 * `1.0`), a `bool`, or `nil` (`null`).
 */
export type GoMapKey = string | number | boolean | null | GoFloat64;

/**
 * A Go `map[interface {}]interface {}`: what gopkg.in/yaml.v2 decodes a YAML mapping into. Keys keep their Go type
 * and are compared with Go's interface equality, so `true`, `"true"`, `1`, `1.0` and `"1"` are five different keys,
 * and a NaN key equals nothing, not even itself (each NaN key is a new entry, as in Go).
 *
 * Entries keep the order they were set in, which has no meaning (Go maps have none): readers that write a map sort
 * its keys the way the Go code they reproduce does (`compareYamlKeys` for yaml.v3, `compareFmtKeys` for `fmt` and
 * `range`). A map is built once and not changed afterwards; functions that "change" one return a new map.
 */
export class GoMap<V = unknown> {
  private readonly slots = new Map<string | number, { readonly key: GoMapKey; value: V }>();
  private nanKeys = 0;

  /** A map of these entries, later entries replacing earlier ones with an equal key. */
  static of<V>(entries: Iterable<readonly [GoMapKey, V]>): GoMap<V> {
    const map = new GoMap<V>();
    for (const [key, value] of entries) map.set(key, value);
    return map;
  }

  /** The number of entries (`len(m)`). */
  get size(): number {
    return this.slots.size;
  }

  /** Whether the map has an entry whose key equals `key` as Go compares `interface {}` values. */
  has(key: GoMapKey): boolean {
    const id = goMapKeyId(key);
    return id !== undefined && this.slots.has(id);
  }

  /** The value of the entry whose key equals `key` (`m[key]`), or `undefined` when there is none. */
  get(key: GoMapKey): V | undefined {
    const id = goMapKeyId(key);
    return id === undefined ? undefined : this.slots.get(id)?.value;
  }

  /** Sets a key while the map is being built (`m[k] = v`). */
  set(key: GoMapKey, value: V): this {
    const id = goMapKeyId(key) ?? -++this.nanKeys;
    const slot = this.slots.get(id);
    if (slot) slot.value = value;
    else this.slots.set(id, { key, value });
    return this;
  }

  /** The keys, in the order they were first set. */
  keys(): GoMapKey[] {
    return [...this.slots.values()].map((slot) => slot.key);
  }

  /** The values, in the order their keys were first set. */
  values(): V[] {
    return [...this.slots.values()].map((slot) => slot.value);
  }

  /** The entries, in the order their keys were first set. */
  entries(): [GoMapKey, V][] {
    return [...this.slots.values()].map((slot) => [slot.key, slot.value]);
  }

  /** Iterates over the entries (`for (const [key, value] of map)`). */
  [Symbol.iterator](): IterableIterator<[GoMapKey, V]> {
    return this.entries()[Symbol.iterator]();
  }

  /**
   * `JSON.stringify` writes the map as an object named by `jsonKeyName`, as Kalypso's JSON encoder does; when two keys
   * have the same name (`1` and `"1"`), the one set later is written (upstream's choice varies from run to run).
   */
  toJSON(): Record<string, V> {
    const object: Record<string, V> = {};
    for (const [key, value] of this.entries()) {
      Object.defineProperty(object, jsonKeyName(key), { value, enumerable: true, writable: true, configurable: true });
    }
    return object;
  }
}

/**
 * The JSON object name json-iterator (what Kalypso's config validation marshals with) gives a map key: a string as
 * it is; a bool, int or float64 as its JSON text (`true`, `1`, `1000000` for `1e6`, `1e-07`). Keys it cannot write —
 * nil (it panics) and NaN or ±Inf (an error) — are named as Go's `%v` prints them (`null` for nil).
 */
export function jsonKeyName(key: GoMapKey): string {
  switch (typeof key) {
    case 'string':
      return key;
    case 'boolean':
      return key ? 'true' : 'false';
    default:
      break;
  }
  if (key === null) return 'null';
  if (typeof key === 'number' && Number.isInteger(key)) return BigInt(key).toString();
  const value = typeof key === 'number' ? key : key.value;
  if (!Number.isFinite(value)) return formatFloat(value, 'g', -1);
  const abs = Math.abs(value);
  return formatFloat(value, abs !== 0 && (abs < 1e-6 || abs >= 1e21) ? 'e' : 'f', -1);
}

/**
 * A string that is equal for two keys exactly when Go's `==` on the two `interface {}` values is true; `undefined`
 * for NaN, which equals nothing. `-0.0` and `0.0` are the same float64 key, as in Go.
 */
export function goMapKeyId(key: GoMapKey): string | undefined {
  switch (typeof key) {
    case 'string':
      return `s${key}`;
    case 'boolean':
      return key ? 'T' : 'F';
    case 'number':
      if (Number.isInteger(key)) return `i${key}`;
      return Number.isNaN(key) ? undefined : `f${key}`;
    default:
      break;
  }
  if (key === null) return 'n';
  if (Number.isNaN(key.value)) return undefined;
  return `f${key.value === 0 ? 0 : key.value}`;
}

/**
 * Go's `==` on two `interface {}` values (the `name` comparison of Kalypso's array merge), where a missing map entry
 * (`undefined`) is the nil interface like `null`. Maps and slices never compare equal (Go would panic).
 */
export function goScalarEquals(a: unknown, b: unknown): boolean {
  const x = a === undefined ? null : a;
  const y = b === undefined ? null : b;
  if (!isGoMapKey(x) || !isGoMapKey(y)) return false;
  const id = goMapKeyId(x);
  return id !== undefined && id === goMapKeyId(y);
}

/** Whether a value can be a key of a `GoMap` (a Go scalar; maps and slices cannot be keys). */
export function isGoMapKey(value: unknown): value is GoMapKey {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof GoFloat64
  );
}
