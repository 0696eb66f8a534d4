/**
 * A platform configuration value after parsing (reference §6.3): top-level values are strings, or arrays and maps
 * when the ConfigMap value was YAML text for a sequence or mapping. Inside arrays and maps, YAML 1.1 scalars keep
 * their type (numbers, booleans, null). Map keys are always strings.
 */
export type ConfigValue = string | number | boolean | null | readonly ConfigValue[] | ConfigObject;

/** A mapping inside a configuration value. */
export interface ConfigObject {
  readonly [key: string]: ConfigValue;
}

/** The composed platform configuration of one assignment (`.ConfigData` in templates). */
export type ConfigData = Readonly<Record<string, ConfigValue>>;

export function isConfigObject(value: ConfigValue | undefined): value is ConfigObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
