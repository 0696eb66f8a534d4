import { GoMap } from '../../src/gotemplate/go/go-map';
import { GoFloat64 } from '../../src/gotemplate/go/go-numbers';
import { ConfigKey, ConfigObject, ConfigValue } from '../../src/core/model/config-value';

/** A config map (`map[interface {}]interface {}`) with these entries, keys typed as given: `m([true, 2], ['x', 1])`. */
export function m(...entries: readonly (readonly [ConfigKey, ConfigValue])[]): ConfigObject {
  return GoMap.of(entries);
}

/** The Go float64 `n` (`f(1)` is `1.0`, which is not the int `1`). */
export function f(n: number): GoFloat64 {
  return new GoFloat64(n);
}

/** Plain data as a config value: objects become config maps with their (string) keys, at any depth. */
export function cv(value: unknown): ConfigValue {
  if (Array.isArray(value)) return value.map(cv);
  if (typeof value === 'object' && value !== null && !(value instanceof GoFloat64) && !(value instanceof GoMap)) {
    return GoMap.of(Object.entries(value).map(([k, v]) => [k, cv(v)] as const));
  }
  return value as ConfigValue;
}
