import { GoMap, GoMapKey, jsonKeyName } from '../../gotemplate';
import { GoFloat64 } from '../../gotemplate';

/** A scalar inside a configuration value: `string`, `int` or `float64` (see `ConfigValue`), `bool`, or `nil`. */
export type ConfigScalar = string | number | boolean | null | GoFloat64;

/** A key of a map inside a configuration value: a scalar, typed as yaml.v2 reads it. */
export type ConfigKey = GoMapKey;

/**
 * A platform configuration value after parsing (docs/explanation/scheduling-and-config.md#values), with the Go types
 * Kalypso's templates see: top-level values are strings, or lists and maps when the ConfigMap value was YAML text for a
 * sequence or mapping. Inside them, scalars keep their yaml.v2 (YAML 1.1) type:
 *
 * | YAML                          | Go              | here                                       |
 * |-------------------------------|-----------------|--------------------------------------------|
 * | `a`, `"1"`, `'yes'`           | `string`        | `string`                                   |
 * | `1`, `0x1F`, `0755`, `-3`     | `int`           | integral `number`                          |
 * | `1.5`, `.5`, `1.0`, `1e6`     | `float64`       | non-integral `number`; `GoFloat64` when integral (`1.0`, `1e6`) |
 * | `yes`, `on`, `y`, `true`      | `bool`          | `boolean`                                  |
 * | `~`, `null`, empty            | `nil`           | `null`                                     |
 * | sequence                      | `[]interface {}` | array                                     |
 * | mapping                       | `map[interface {}]interface {}` | `GoMap`, keys typed like scalars (`y: 1` has the boolean key `true`) |
 *
 * Integers beyond ±2^53 lose precision, and yaml.v2's `uint64` (above 2^63 − 1) is a plain number too.
 * `JSON.stringify` writes a value as `configValueJson` does.
 */
export type ConfigValue = ConfigScalar | readonly ConfigValue[] | ConfigObject;

/** A mapping inside a configuration value: Go's `map[interface {}]interface {}`, never changed once built. */
export type ConfigObject = GoMap<ConfigValue>;

/** The composed platform configuration of one assignment (`.ConfigData` in templates, `map[string]interface {}`). */
export type ConfigData = Readonly<Record<string, ConfigValue>>;

/** Whether a config value is a map (a `GoMap`). */
export function isConfigObject(value: ConfigValue | undefined): value is ConfigObject {
  return value instanceof GoMap;
}

/** A value as JSON holds it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A config value as Kalypso's JSON encoder (json-iterator, in its config validation) writes it, and as
 * `kalypso explain --json` shows it: maps become objects named by `jsonKeyName` (`true`, `1`, `1000000` for the
 * float64 `1e6`; when two keys share a name, the later one), float64s plain numbers. NaN and infinities stay numbers
 * (`JSON.stringify` writes them as `null`; validation reports them first).
 */
export function configValueJson(value: ConfigValue): JsonValue {
  if (Array.isArray(value)) return value.map(configValueJson);
  if (value instanceof GoMap) {
    const object: { [key: string]: JsonValue } = {};
    for (const [key, element] of value.entries()) {
      Object.defineProperty(object, jsonKeyName(key), {
        value: configValueJson(element),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  }
  if (value instanceof GoFloat64) return value.value;
  return value as string | number | boolean | null;
}
