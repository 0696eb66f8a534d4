import { GoMap, GoMapKey, jsonKeyName } from '../../gotemplate';
import { GoFloat64 } from '../../gotemplate';
import { parseFloat64, parseInt64 } from '../../gotemplate';
import { ConfigData, ConfigValue, JsonValue, configValueJson } from '../model/config-value';

/**
 * The values Kalypso validates a config against (docs/explanation/scheduling-and-config.md#configschemas): every
 * top-level string that Go's `strconv.Atoi` reads becomes an integer, else one `strconv.ParseFloat` reads (`1e3`, `.5`,
 * `Inf`, `NaN`, hex floats) becomes a float; every other value, and everything nested, stays as it is (Go-typed: see
 * `validationJson` for what the schema sees). The quirk is kept on purpose: a string property holding `"555"` is
 * validated as the integer 555 and fails `type: string`, as upstream.
 */
export function coerceConfigValues(config: ConfigData): Record<string, ConfigValue> {
  const values: Record<string, ConfigValue> = {};
  for (const key of Object.keys(config)) {
    const value = config[key];
    values[key] = typeof value === 'string' ? coerceString(value) : value;
  }
  return values;
}

function coerceString(text: string): string | number {
  const integer = parseInt64(text, 10);
  if (integer !== undefined) return Number(integer);
  const float = parseFloat64(text);
  return float === undefined ? text : float;
}

/**
 * The coerced values as the JSON document the schemas validate: what json-iterator (Kalypso's encoder) writes for
 * them, maps with `interface {}` keys included (`configValueJson`: `true: 2` is the property "true").
 */
export function validationJson(values: Readonly<Record<string, ConfigValue>>): Record<string, JsonValue> {
  const json: Record<string, JsonValue> = {};
  for (const key of Object.keys(values)) {
    Object.defineProperty(json, key, {
      value: configValueJson(values[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return json;
}

/** A value json-iterator cannot write, and where it is (keys and list indexes; the path of the map for a key). */
export type UnencodableValue =
  /** NaN or ±Inf, as a value or a map key: the encoder fails with "unsupported value: NaN". */
  | { readonly path: readonly string[]; readonly value: number }
  /** A null map key (`~: x`): the encoder dereferences the key's missing type and panics. */
  | { readonly path: readonly string[]; readonly nullKey: true };

/**
 * Why Kalypso cannot marshal the values to JSON, which fails the validation of every schema
 * (docs/explanation/scheduling-and-config.md#configschemas), or undefined. A null map key anywhere wins: json-iterator
 * panics on it ("unable to validate schema: runtime error: invalid memory address or nil pointer dereference"), even
 * after an unsupported number (which only records an error and goes on). Otherwise the first NaN or infinity, keys and
 * values visited in the order of their JSON names.
 */
export function findUnencodableValue(values: Readonly<Record<string, ConfigValue>>): UnencodableValue | undefined {
  return findNullKey(values, []) ?? findUnsupportedNumber(values, []);
}

function children(value: unknown): [string, unknown, GoMapKey | undefined][] {
  if (Array.isArray(value)) return value.map((item, index) => [String(index), item, undefined]);
  if (value instanceof GoMap) {
    return value
      .entries()
      .map(([key, item]): [string, unknown, GoMapKey] => [jsonKeyName(key), item, key])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
  if (typeof value === 'object' && value !== null && !(value instanceof GoFloat64)) {
    const record = value as Record<string, unknown>;
    return Object.keys(record)
      .sort()
      .map((key) => [key, record[key], key]);
  }
  return [];
}

function findNullKey(value: unknown, path: readonly string[]): UnencodableValue | undefined {
  if (value instanceof GoMap && value.has(null)) return { path, nullKey: true };
  for (const [name, item] of children(value)) {
    const found = findNullKey(item, [...path, name]);
    if (found) return found;
  }
  return undefined;
}

function findUnsupportedNumber(value: unknown, path: readonly string[]): UnencodableValue | undefined {
  const number = typeof value === 'number' ? value : value instanceof GoFloat64 ? value.value : undefined;
  if (number !== undefined) return Number.isFinite(number) ? undefined : { path, value: number };
  for (const [name, item, key] of children(value)) {
    const keyNumber = typeof key === 'number' ? key : key instanceof GoFloat64 ? key.value : undefined;
    if (keyNumber !== undefined && !Number.isFinite(keyNumber)) return { path: [...path, name], value: keyNumber };
    const found = findUnsupportedNumber(item, [...path, name]);
    if (found) return found;
  }
  return undefined;
}
