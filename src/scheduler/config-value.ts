import { loadAll } from 'js-yaml';
import { ConfigObject, ConfigValue, isConfigObject } from '../model/config-value';
import { GO_YAML_V2_SCHEMA } from '../yaml/go-yaml-schemas';

/**
 * A ConfigMap value as Kalypso reads it (reference §6.3): a value wrapped in single quotes loses every leading and
 * trailing quote; YAML text for a sequence or mapping becomes that array or map (YAML 1.1 typing inside); any other
 * value stays the original, untrimmed string.
 */
export function parseConfigValue(text: string): ConfigValue {
  const trimmed = text.trim();
  if (trimmed.startsWith("'") && trimmed.endsWith("'")) return trimmed.replace(/^'+|'+$/g, '');
  let parsed: unknown;
  try {
    // yaml.v2's Unmarshal reads the first document only.
    [parsed] = loadAll(text, { schema: GO_YAML_V2_SCHEMA, maxDepth: 64, maxAliases: 1000 });
  } catch {
    return text;
  }
  return Array.isArray(parsed) || isPlainMapping(parsed) ? toConfigValue(parsed) : text;
}

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toConfigValue(value: unknown): ConfigValue {
  if (Array.isArray(value)) return value.map(toConfigValue);
  if (isPlainMapping(value)) {
    const result: Record<string, ConfigValue> = {};
    for (const [key, element] of Object.entries(value)) result[key] = toConfigValue(element);
    return result;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  return String(value);
}

/**
 * Kalypso's merge of a value into an existing one for the same key (reference §6.4): maps merge deeply; arrays keep
 * the existing elements, merge each new map element into every existing map element with the same `name` (two maps
 * without `name` count as the same) and append the rest; anything else is replaced. Inputs are never modified.
 */
export function mergeConfigValues(existing: ConfigValue, incoming: ConfigValue): ConfigValue {
  if (Array.isArray(existing) && Array.isArray(incoming)) return mergeArrays(existing, incoming);
  if (isConfigObject(existing) && isConfigObject(incoming)) return mergeObjects(existing, incoming);
  return incoming;
}

function mergeArrays(existing: readonly ConfigValue[], incoming: readonly ConfigValue[]): ConfigValue[] {
  const result = [...existing];
  for (const element of incoming) {
    let matched = false;
    if (isConfigObject(element)) {
      result.forEach((current, index) => {
        if (isConfigObject(current) && sameName(current.name, element.name)) {
          result[index] = mergeObjects(current, element);
          matched = true;
        }
      });
    }
    if (!matched) result.push(element);
  }
  return result;
}

/** Go's interface equality on the `name` values; comparing two maps or lists would panic in Go, so they never match. */
function sameName(a: ConfigValue | undefined, b: ConfigValue | undefined): boolean {
  if (typeof a === 'object' && a !== null) return false;
  return a === b;
}

function mergeObjects(existing: ConfigObject, incoming: ConfigObject): ConfigObject {
  const result: Record<string, ConfigValue> = { ...existing };
  for (const [key, value] of Object.entries(incoming)) {
    result[key] = Object.prototype.hasOwnProperty.call(result, key) ? mergeConfigValues(result[key], value) : value;
  }
  return result;
}
